package dev.relay.playbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.ValidationException;
import dev.relay.criteria.Criteria;
import dev.relay.criteria.CriteriaJson;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes the JSON form of a playbook (documented in {@code docs/playbook.md}).
 *
 * <p>{@link #read(String)} reports every problem of a document at once: structural ones (unknown keys with a "did you
 * mean", wrong JSON types, missing required keys, unknown field types, time zones, currencies, durations and policy,
 * strategy and metric names) and semantic ones (unknown fields in criteria, unknown roles, stages and groups, duplicate
 * keys, probabilities, pool limits, regions and grades, assignment settings a strategy needs or ignores, caps and
 * SLAs), each with its path, in one {@link ValidationException}. Malformed JSON gives one problem naming the line and
 * column.
 *
 * <p>{@link #write(Playbook)} gives the canonical form: fixed key order, two-space indentation, {@code "\n"} line ends,
 * durations in whole days when they are ({@code "P3D"}), and every key written except those that mean "nothing" (no
 * gate, no approvals, no SLA, no won stage, an approval that applies always; in the pool section no grade field, no
 * claim limit, a zero cool-down or protection, pool or recycle criteria that take every account, exemption criteria
 * that take none, no per-grade days; in the assignment section no grade field, no group weights, a rule's {@code when}
 * that takes every lead, no best-fit terms, seniorities, caps, fallback owner or per-grade SLAs). The assignment and
 * pool sections themselves are always written, defaults included, so that a reader of the file sees the rules in
 * force. Each section is written by its own writer ({@code PipelineSectionWriter}, {@code AssignmentSectionWriter},
 * {@code PoolSectionWriter}; {@code ScoringSectionWriter}, only when there are scoring models). The same playbook
 * always gives the same text, {@code read(write(p)).equals(p)} holds, and {@link Playbook#fingerprint()} hashes this
 * text.
 */
public final class PlaybookJson {
  static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private static final ObjectWriter CANONICAL = MAPPER.writer(canonicalPrinter());

  private PlaybookJson() {}

  /**
   * Reads and validates a playbook.
   *
   * @throws ValidationException listing every problem with its path
   */
  public static Playbook read(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ValidationException.of("", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw ValidationException.of("", "empty document: expected a JSON object");
    }
    return new PlaybookJsonReader().read(root);
  }

  /**
   * Reads and validates a playbook from UTF-8 bytes; does not close the stream.
   *
   * @throws ValidationException listing every problem with its path
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static Playbook read(InputStream in) {
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and validates a playbook from a UTF-8 file.
   *
   * @throws ValidationException listing every problem with its path
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Playbook read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + file, e);
    }
  }

  /** The canonical JSON form: the same playbook always gives the same text. */
  public static String write(Playbook playbook) {
    return playbook.canonicalJson();
  }

  /** Renders the canonical form; {@link Playbook} caches the result. */
  static String render(Playbook playbook) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", playbook.name());
    root.put("zone", playbook.zone().getId());
    root.put("currency", playbook.currency().getCurrencyCode());
    ArrayNode roles = root.putArray("roles");
    playbook.roles().forEach(roles::add);
    ObjectNode fields = root.putObject("fields");
    for (EntityKind kind : EntityKind.values()) {
      ArrayNode list = fields.putArray(kind.jsonName());
      playbook.customFields(kind).forEach(f -> list.add(field(f)));
    }
    root.set("pipeline", PipelineSectionWriter.pipeline(playbook.pipeline()));
    root.set("assignment", AssignmentSectionWriter.assignment(playbook.assignment(), playbook));
    root.set("pool", PoolSectionWriter.pool(playbook.pool(), playbook));
    if (!playbook.scoring().models().isEmpty()) {
      root.set("scoring", ScoringSectionWriter.scoring(playbook.scoring()));
    }
    if (!playbook.incentives().isDefault()) {
      root.set("incentives", IncentivesSectionWriter.incentives(playbook.incentives(), playbook));
    }
    try {
      return CANONICAL.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static ObjectNode field(FieldDefinition field) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", field.name());
    node.put("type", field.type().jsonName());
    node.put("label", field.label());
    if (field.type().hasOptions()) {
      ArrayNode options = node.putArray("options");
      field.options().forEach(options::add);
    }
    return node;
  }

  /** Writes criteria under a key unless they are the ones that mean "nothing" there (no gate, no exemption). */
  static void putCriteria(ObjectNode node, String key, Criteria criteria, Criteria nothing) {
    if (!criteria.equals(nothing)) {
      node.set(key, CriteriaJson.write(criteria));
    }
  }

  /**
   * Keys of an unordered map in a stable order: those of {@code order} in its order (the grade field's options A, B, C,
   * D; a group's members), then any others sorted, so that per-grade days, SLAs and weights always read the same.
   */
  static List<String> inOrder(Collection<String> keys, List<String> order) {
    List<String> out = new ArrayList<>();
    order.stream().filter(keys::contains).forEach(out::add);
    keys.stream().filter(k -> !order.contains(k)).sorted().forEach(out::add);
    return out;
  }

  /** ISO-8601, in whole days when the duration is ({@code P3D} rather than {@code PT72H}). */
  static String durationText(Duration duration) {
    if (!duration.isZero() && duration.getNano() == 0 && duration.getSeconds() % 86_400 == 0) {
      return "P" + duration.toDays() + "D";
    }
    return duration.toString();
  }

  private static DefaultPrettyPrinter canonicalPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}

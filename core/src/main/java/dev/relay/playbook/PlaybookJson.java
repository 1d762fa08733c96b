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
import dev.relay.pipeline.ApprovalRule;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads and writes the JSON form of a playbook (documented in {@code docs/playbook.md}).
 *
 * <p>{@link #read(String)} reports every problem of a document at once: structural ones (unknown keys with a "did you
 * mean", wrong JSON types, missing required keys, unknown field types, time zones, currencies and durations) and
 * semantic ones (unknown fields in criteria, unknown roles and stages, duplicate keys, probabilities), each with its
 * path, in one {@link ValidationException}. Malformed JSON gives one problem naming the line and column.
 *
 * <p>{@link #write(Playbook)} gives the canonical form: fixed key order, two-space indentation, {@code "\n"} line ends,
 * durations in whole days when they are ({@code "P3D"}), and every key written except those that mean "nothing" (no
 * gate, no approvals, no SLA, no won stage, an approval that applies always). The same playbook always gives the same
 * text, {@code read(write(p)).equals(p)} holds, and {@link Playbook#fingerprint()} hashes this text.
 */
public final class PlaybookJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
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
    root.set("pipeline", pipeline(playbook.pipeline()));
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

  private static ObjectNode pipeline(PipelineDefinition pipeline) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", pipeline.key());
    node.put("label", pipeline.label());
    ArrayNode stages = node.putArray("stages");
    pipeline.stages().forEach(s -> stages.add(stage(s)));
    if (pipeline.wonStage() != null) {
      node.put("won_stage", pipeline.wonStage());
    }
    ArrayNode reasons = node.putArray("lost_reasons");
    pipeline.lostReasons().forEach(r -> reasons.add(lostReason(r)));
    node.put("back_moves", pipeline.backMoves().jsonName());
    return node;
  }

  private static ObjectNode stage(StageDefinition stage) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", stage.key());
    node.put("label", stage.label());
    node.put("probability", stage.probability());
    if (!stage.gate().equals(Criteria.always())) {
      node.set("gate", CriteriaJson.write(stage.gate()));
    }
    if (!stage.approvals().isEmpty()) {
      ArrayNode approvals = node.putArray("approvals");
      stage.approvals().forEach(a -> approvals.add(approval(a)));
    }
    if (stage.sla() != null) {
      node.put("sla", durationText(stage.sla()));
    }
    node.put("responsible", stage.responsibleRole());
    node.put("skippable", stage.skippable());
    return node;
  }

  private static ObjectNode approval(ApprovalRule approval) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", approval.key());
    node.put("label", approval.label());
    if (!approval.when().equals(Criteria.always())) {
      node.set("when", CriteriaJson.write(approval.when()));
    }
    ObjectNode approver = node.putObject("approver");
    Approver a = approval.approver();
    if (a instanceof Approver.HolderOfRole holder) {
      approver.put("role", holder.role());
    } else if (a instanceof Approver.SpecificRep rep) {
      approver.put("rep", rep.repId());
    } else {
      approver.put("manager_of", StageDefinition.OWNER);
    }
    return node;
  }

  private static ObjectNode lostReason(LostReason reason) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", reason.key());
    node.put("label", reason.label());
    node.put("requires_note", reason.requiresNote());
    return node;
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

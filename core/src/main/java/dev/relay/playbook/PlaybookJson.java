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
import dev.relay.pool.ClaimRules;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
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
 * mean", wrong JSON types, missing required keys, unknown field types, time zones, currencies, durations and policy
 * names) and semantic ones (unknown fields in criteria, unknown roles and stages, duplicate keys, probabilities, pool
 * limits, regions and grades), each with its path, in one {@link ValidationException}. Malformed JSON gives one
 * problem naming the line and column.
 *
 * <p>{@link #write(Playbook)} gives the canonical form: fixed key order, two-space indentation, {@code "\n"} line ends,
 * durations in whole days when they are ({@code "P3D"}), and every key written except those that mean "nothing" (no
 * gate, no approvals, no SLA, no won stage, an approval that applies always; in the pool section no grade field, no
 * claim limit, a zero cool-down or protection, pool or recycle criteria that take every account, exemption criteria
 * that take none, no per-grade days). The pool section itself is always written, defaults included, so that a reader
 * of the file sees the pool rules in force. The same playbook always gives the same text, {@code
 * read(write(p)).equals(p)} holds, and {@link Playbook#fingerprint()} hashes this text.
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
    root.set("pool", pool(playbook.pool(), playbook));
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
    putCriteria(node, "gate", stage.gate(), Criteria.always());
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
    putCriteria(node, "when", approval.when(), Criteria.always());
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

  private static ObjectNode pool(PoolPolicy pool, Playbook playbook) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("default_region", pool.defaultRegion());
    node.put("duplicates", pool.duplicates().jsonName());
    node.put("similar_name_threshold", pool.similarNameThreshold());
    node.put("conflicts", pool.conflicts().jsonName());
    node.put("reveal_owner", pool.revealOwner());
    List<String> grades = List.of();
    if (pool.gradeField() != null) {
      node.put("grade_field", pool.gradeField());
      grades = playbook.schema(EntityKind.ACCOUNT).field(pool.gradeField()).map(FieldDefinition::options)
          .orElse(List.of());
    }
    node.put("registration_protection", durationText(pool.registrationProtection()));
    ObjectNode transfer = node.putObject("transfer");
    transfer.put("needs_approval", pool.transferNeedsApproval());
    transfer.put("deals_follow", pool.dealsFollowTransfer());
    transfer.put("tasks_follow", pool.tasksFollowTransfer());
    ArrayNode pools = node.putArray("pools");
    for (PoolDefinition definition : pool.pools()) {
      pools.add(poolDefinition(definition, grades));
    }
    return node;
  }

  private static ObjectNode poolDefinition(PoolDefinition pool, List<String> grades) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", pool.key());
    node.put("label", pool.label());
    putCriteria(node, "accounts", pool.accounts(), Criteria.always());
    ArrayNode teams = node.putArray("member_teams");
    pool.memberTeams().forEach(teams::add);
    node.set("claim", claim(pool.claim()));
    ArrayNode recycle = node.putArray("recycle");
    pool.recycle().forEach(r -> recycle.add(recycleRule(r, grades)));
    node.set("exempt", exemptions(pool.exempt()));
    return node;
  }

  private static ObjectNode claim(ClaimRules claim) {
    ObjectNode node = MAPPER.createObjectNode();
    if (claim.maxOwned() != null) {
      node.put("max_owned", claim.maxOwned());
    }
    node.put("count_won", claim.countWon());
    if (claim.maxLocked() != null) {
      node.put("max_locked", claim.maxLocked());
    }
    if (claim.maxClaimsPerDay() != null) {
      node.put("max_claims_per_day", claim.maxClaimsPerDay());
    }
    if (!claim.reclaimCooldown().isZero()) {
      node.put("reclaim_cooldown", durationText(claim.reclaimCooldown()));
    }
    if (!claim.protection().isZero()) {
      node.put("protection", durationText(claim.protection()));
    }
    return node;
  }

  private static ObjectNode recycleRule(RecycleRule rule, List<String> grades) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("key", rule.key());
    node.put("label", rule.label());
    node.put("trigger", rule.trigger().jsonName());
    putCriteria(node, "when", rule.when(), Criteria.always());
    if (!rule.days().isEmpty()) {
      ObjectNode days = node.putObject("days");
      gradeOrder(rule.days().keySet(), grades).forEach(g -> days.put(g, rule.days().get(g)));
    }
    node.put("default_days", rule.defaultDays());
    node.put("warn_days_before", rule.warnDaysBefore());
    return node;
  }

  private static ObjectNode exemptions(Exemptions exempt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("locked", exempt.locked());
    node.put("customers", exempt.customers());
    node.put("open_contracts", exempt.openContracts());
    putCriteria(node, "when", exempt.when(), Criteria.any());
    return node;
  }

  /** Writes criteria under a key unless they are the ones that mean "nothing" there (no gate, no exemption). */
  private static void putCriteria(ObjectNode node, String key, Criteria criteria, Criteria nothing) {
    if (!criteria.equals(nothing)) {
      node.set(key, CriteriaJson.write(criteria));
    }
  }

  /**
   * Grades in a stable order: those of the grade field in its option order (A, B, C, D), then any others sorted, so
   * that per-grade days (held in an unordered map) always read the same.
   */
  static List<String> gradeOrder(Collection<String> keys, List<String> grades) {
    List<String> out = new ArrayList<>();
    grades.stream().filter(keys::contains).forEach(out::add);
    keys.stream().filter(k -> !grades.contains(k)).sorted().forEach(out::add);
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

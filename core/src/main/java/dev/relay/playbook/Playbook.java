package dev.relay.playbook;

import com.google.common.hash.Hashing;
import dev.relay.assignment.AssignmentPolicy;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldSchema;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.lead.LeadFields;
import dev.relay.pipeline.DealFields;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pool.AccountFields;
import dev.relay.pool.PoolPolicy;
import dev.relay.scoring.ScoringPolicy;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's whole configuration (销售规则配置): custom fields, roles, the pipeline, lead assignment, the customer pool
 * and, as Relay grows, the rules of every other capability. A {@code Playbook} instance is always valid: the only ways
 * to get one, {@link #builder()} and {@link PlaybookJson#read}, validate everything and report every problem with its
 * path in one {@link dev.relay.common.ValidationException}.
 */
public final class Playbook {
  /** Defaults of both the builder and the JSON form. */
  static final String DEFAULT_NAME = "playbook";
  static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
  static final Currency DEFAULT_CURRENCY = Currency.getInstance("CNY");

  private final String name;
  private final ZoneId zone;
  private final Currency currency;
  private final List<String> roles;
  private final Map<EntityKind, List<FieldDefinition>> customFields;
  private final PipelineDefinition pipeline;
  private final PoolPolicy pool;
  private final AssignmentPolicy assignment;
  private final ScoringPolicy scoring;
  private final IncentivePolicy incentives;
  private final Map<EntityKind, FieldSchema> schemas;
  // Derived from immutable state, so a racy lazy initialisation only ever computes the same text twice.
  private volatile @Nullable String canonicalJson;

  Playbook(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, PipelineDefinition pipeline, PoolPolicy pool,
      AssignmentPolicy assignment, ScoringPolicy scoring, IncentivePolicy incentives) {
    this.name = Objects.requireNonNull(name, "name");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.currency = Objects.requireNonNull(currency, "currency");
    this.roles = List.copyOf(roles);
    EnumMap<EntityKind, List<FieldDefinition>> fields = new EnumMap<>(EntityKind.class);
    for (EntityKind kind : EntityKind.values()) {
      fields.put(kind, List.copyOf(customFields.getOrDefault(kind, List.of())));
    }
    this.customFields = java.util.Collections.unmodifiableMap(fields);
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.assignment = Objects.requireNonNull(assignment, "assignment");
    this.scoring = Objects.requireNonNull(scoring, "scoring");
    this.incentives = Objects.requireNonNull(incentives, "incentives");
    EnumMap<EntityKind, FieldSchema> s = new EnumMap<>(EntityKind.class);
    for (EntityKind kind : EntityKind.values()) {
      s.put(kind, FieldSchema.of(kind, builtInFields(kind, pipeline), this.customFields.get(kind)));
    }
    this.schemas = java.util.Collections.unmodifiableMap(s);
  }

  /** The fields Relay itself maintains on each kind of record. */
  static List<FieldDefinition> builtInFields(EntityKind kind, PipelineDefinition pipeline) {
    return switch (kind) {
      case DEAL -> DealFields.builtIns(pipeline);
      case ACCOUNT -> AccountFields.builtIns();
      case LEAD -> LeadFields.builtIns();
    };
  }

  public static Builder builder() {
    return new Builder();
  }

  public String name() {
    return name;
  }

  /** The tenant's time zone: periods, reports and business days are measured in it. */
  public ZoneId zone() {
    return zone;
  }

  /** The tenant's default currency. */
  public Currency currency() {
    return currency;
  }

  /** The roles the organisation uses; stage responsibilities and approvers refer to them. */
  public List<String> roles() {
    return roles;
  }

  public List<FieldDefinition> customFields(EntityKind kind) {
    return customFields.get(kind);
  }

  /** Built-in plus custom fields of a kind of record. */
  public FieldSchema schema(EntityKind kind) {
    return schemas.get(kind);
  }

  public PipelineDefinition pipeline() {
    return pipeline;
  }

  /**
   * The customer-pool rules: duplicates and conflicts, the pools with their claim limits, recycle rules and exemptions,
   * registrations and transfers. {@link PoolPolicy#defaults()} when the playbook does not configure them.
   */
  public PoolPolicy pool() {
    return pool;
  }

  /**
   * The lead-assignment rules (线索分配): ordered rules from lead criteria to a target and a strategy, the default
   * rule, groups of reps, capacity caps and first-contact SLAs. {@link AssignmentPolicy#defaults()} when the playbook
   * does not configure them.
   */
  public AssignmentPolicy assignment() {
    return assignment;
  }

  /**
   * The scoring models (商机评分 / 客户分级): rule points, grades, predictive parts and blends. {@link
   * ScoringPolicy#defaults()} (no models) when the playbook does not configure them.
   */
  public ScoringPolicy scoring() {
    return scoring;
  }

  /**
   * The incentive rules (目标, 考核, 提成): credit splits, targets, scorecards per role and commission plans. {@link
   * IncentivePolicy#defaults()} when the playbook does not configure them.
   */
  public IncentivePolicy incentives() {
    return incentives;
  }

  /**
   * SHA-256 (lower-case hex) of the canonical JSON form: equal playbooks, and only they, have equal fingerprints.
   * Repositories use it to recognise an unchanged save.
   */
  public String fingerprint() {
    return Hashing.sha256().hashString(canonicalJson(), StandardCharsets.UTF_8).toString();
  }

  /** The canonical JSON form, rendered once. */
  String canonicalJson() {
    String json = canonicalJson;
    if (json == null) {
      json = PlaybookJson.render(this);
      canonicalJson = json;
    }
    return json;
  }

  /** Structural equality over the whole configuration (via the canonical JSON form). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Playbook other && canonicalJson().equals(other.canonicalJson());
  }

  @Override
  public int hashCode() {
    return canonicalJson().hashCode();
  }

  @Override
  public String toString() {
    return "Playbook[" + name + ", pipeline " + pipeline.key() + " with " + pipeline.stages().size() + " stages]";
  }

  /**
   * Java builder over the same model as the JSON form. {@link #build()} validates the whole playbook and throws a
   * {@link dev.relay.common.ValidationException} listing every problem with its path.
   */
  public static final class Builder {
    private String name = DEFAULT_NAME;
    private ZoneId zone = DEFAULT_ZONE;
    private Currency currency = DEFAULT_CURRENCY;
    private final Set<String> roles = new LinkedHashSet<>();
    private final Map<EntityKind, List<FieldDefinition>> customFields = new EnumMap<>(EntityKind.class);
    private @Nullable PipelineDefinition pipeline;
    private PoolPolicy pool = PoolPolicy.defaults();
    private AssignmentPolicy assignment = AssignmentPolicy.defaults();
    private ScoringPolicy scoring = ScoringPolicy.defaults();
    private IncentivePolicy incentives = IncentivePolicy.defaults();

    private Builder() {}

    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }

    public Builder currency(String code) {
      this.currency = Currency.getInstance(code);
      return this;
    }

    public Builder roles(String... values) {
      roles.addAll(List.of(values));
      return this;
    }

    public Builder customField(EntityKind kind, FieldDefinition field) {
      customFields.computeIfAbsent(kind, k -> new ArrayList<>()).add(field);
      return this;
    }

    public Builder pipeline(PipelineDefinition value) {
      this.pipeline = Objects.requireNonNull(value, "pipeline");
      return this;
    }

    public Builder pipeline(PipelineDefinition.Builder value) {
      return pipeline(value.build());
    }

    /** The customer-pool rules; {@link PoolPolicy#defaults()} unless set. */
    public Builder pool(PoolPolicy value) {
      this.pool = Objects.requireNonNull(value, "pool");
      return this;
    }

    public Builder pool(PoolPolicy.Builder value) {
      return pool(value.build());
    }

    /** The lead-assignment rules; {@link AssignmentPolicy#defaults()} unless set. */
    public Builder assignment(AssignmentPolicy value) {
      this.assignment = Objects.requireNonNull(value, "assignment");
      return this;
    }

    public Builder assignment(AssignmentPolicy.Builder value) {
      return assignment(value.build());
    }

    /** The scoring models; none unless set. */
    public Builder scoring(ScoringPolicy value) {
      this.scoring = Objects.requireNonNull(value, "scoring");
      return this;
    }

    /** The incentive rules; {@link IncentivePolicy#defaults()} unless set. */
    public Builder incentives(IncentivePolicy value) {
      this.incentives = Objects.requireNonNull(value, "incentives");
      return this;
    }

    public Builder incentives(IncentivePolicy.Builder value) {
      return incentives(value.build());
    }

    /** @throws dev.relay.common.ValidationException listing every problem, each with its path */
    public Playbook build() {
      return PlaybookValidator.validated(name, zone, currency, List.copyOf(roles), customFields, pipeline, pool,
          assignment, scoring, incentives);
    }
  }
}

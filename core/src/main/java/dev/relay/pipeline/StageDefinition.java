package dev.relay.pipeline;

import dev.relay.criteria.Criteria;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One stage of a pipeline.
 *
 * @param key stable key, e.g. {@code quote}
 * @param label shown to people, e.g. {@code 方案报价 Proposal & quote}
 * @param probability win probability of a deal in this stage, 0–100
 * @param gate exit criteria: what must hold for a deal to leave this stage forward ({@link Criteria#always()} if none)
 * @param approvals approvals needed to leave this stage forward, each when its criteria match
 * @param sla maximum dwell time in this stage, or {@code null} for none
 * @param responsibleRole the role responsible for deals in this stage ({@value #OWNER} for the deal owner)
 * @param skippable whether a deal may jump over this stage
 */
public record StageDefinition(
    String key,
    String label,
    int probability,
    Criteria gate,
    List<ApprovalRule> approvals,
    @Nullable Duration sla,
    String responsibleRole,
    boolean skippable) {

  /** The pseudo-role that resolves to the deal's owner. */
  public static final String OWNER = "owner";

  public StageDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(responsibleRole, "responsibleRole");
    approvals = List.copyOf(approvals);
  }

  public Optional<Duration> maxDwell() {
    return Optional.ofNullable(sla);
  }

  /** Starts a stage definition with no gate, no approvals, no SLA, owned by the deal owner, not skippable. */
  public static Builder builder(String key, String label, int probability) {
    return new Builder(key, label, probability);
  }

  /** Builder for {@link StageDefinition}; validation happens when the playbook is built. */
  public static final class Builder {
    private final String key;
    private final String label;
    private final int probability;
    private Criteria gate = Criteria.always();
    private final java.util.ArrayList<ApprovalRule> approvals = new java.util.ArrayList<>();
    private @Nullable Duration sla;
    private String responsibleRole = OWNER;
    private boolean skippable;

    private Builder(String key, String label, int probability) {
      this.key = key;
      this.label = label;
      this.probability = probability;
    }

    public Builder gate(Criteria gate) {
      this.gate = Objects.requireNonNull(gate, "gate");
      return this;
    }

    public Builder approval(String approvalKey, String approvalLabel, Criteria when, Approver approver) {
      approvals.add(new ApprovalRule(approvalKey, approvalLabel, when, approver));
      return this;
    }

    public Builder sla(Duration maxDwell) {
      this.sla = Objects.requireNonNull(maxDwell, "maxDwell");
      return this;
    }

    public Builder responsible(String role) {
      this.responsibleRole = Objects.requireNonNull(role, "role");
      return this;
    }

    public Builder skippable(boolean value) {
      this.skippable = value;
      return this;
    }

    public StageDefinition build() {
      return new StageDefinition(key, label, probability, gate, approvals, sla, responsibleRole, skippable);
    }
  }
}

package dev.relay.pipeline;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.playbook.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deals built directly through the canonical constructor, for repository contract tests: every part of the aggregate is
 * set (collaborators, custom fields of several types, approvals, history, lost reason, SLA marker). Public so that
 * adapter modules can use it through the core test-jar. The deals' fields are bound to {@link #PLAYBOOK}'s deal schema
 * as playbook version 1; an adapter that needs the schema to read values back can save {@link #PLAYBOOK} as version 1
 * of each tenant it uses.
 */
public final class DealSamples {
  /** The playbook whose deal schema the samples use. */
  public static final Playbook PLAYBOOK = Playbook.builder()
      .name("samples")
      .roles("sales_rep", "sales_manager")
      .customField(EntityKind.DEAL, FieldDefinition.custom("budget", FieldType.DECIMAL))
      .customField(EntityKind.DEAL, FieldDefinition.custom("decision_maker", FieldType.STRING))
      .customField(EntityKind.DEAL, FieldDefinition.custom("seats", FieldType.INTEGER))
      .pipeline(PipelineDefinition.builder("sales", "Sales")
          .stage(StageDefinition.builder("lead", "Lead", 10).sla(Duration.ofDays(1)))
          .stage(StageDefinition.builder("quote", "Quote", 50).gate(all(field("budget").isSet()))
              .approval("big", "Big deal", all(field("amount").gt(100_000)), Approver.ownersManager()))
          .stage(StageDefinition.builder("won", "Won", 100))
          .wonStage("won")
          .lostReason("price", "Price"))
      .build();

  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private DealSamples() {}

  /** An open deal in {@code quote} with every part filled in (account {@code C-1}), at version 1. */
  public static Deal openDeal(TenantId tenant, String id) {
    return openDeal(tenant, id, AccountId.of(tenant, "C-1"));
  }

  /** An open deal in {@code quote} with every part filled in, with a customer account, at version 1. */
  public static Deal openDeal(TenantId tenant, String id, AccountId account) {
    RepId owner = RepId.of(tenant, "li");
    RepId manager = RepId.of(tenant, "wang");
    FieldValues fields = FieldValues.empty(PLAYBOOK.schema(EntityKind.DEAL))
        .with(Map.of("budget", "150000.50", "decision_maker", "CFO 周", "seats", 40), false);
    List<StageTransition> history = List.of(
        new StageTransition(null, "lead", TransitionKind.CREATED, owner, T0, 1, null),
        new StageTransition("lead", "quote", TransitionKind.ADVANCED, owner, T0.plusSeconds(3_600), 1, "需求明确"));
    Approval approval = Approval.pending("A-1", "quote", 1, "big", manager, owner, T0.plusSeconds(7_200))
        .decided(ApprovalStatus.APPROVED, manager, T0.plusSeconds(9_000), "ok");
    return new Deal(DealId.of(tenant, id), "Deal " + id, account, owner, List.of(new Collaborator(manager, "coach")),
        Money.of("250000.00", "CNY"), "quote", DealStatus.OPEN, fields, owner, null, null, List.of(approval),
        T0.plusSeconds(90_000), history, T0, 1, 1).withBuiltIns(PLAYBOOK.pipeline());
  }

  /** A deal of the given status, otherwise like {@link #openDeal}. */
  public static Deal dealWithStatus(TenantId tenant, String id, DealStatus status) {
    Deal open = openDeal(tenant, id);
    if (status == DealStatus.OPEN) {
      return open;
    }
    RepId owner = open.owner();
    Instant at = T0.plusSeconds(10_000);
    if (status == DealStatus.LOST) {
      return open.recordTransition(new StageTransition("quote", "quote", TransitionKind.LOST, owner, at, 1, "too dear"),
          DealStatus.LOST, owner, "price", "too dear").withBuiltIns(PLAYBOOK.pipeline());
    }
    return open.recordTransition(new StageTransition("quote", "won", TransitionKind.WON, owner, at, 1, null),
        DealStatus.WON, owner, null, null).withBuiltIns(PLAYBOOK.pipeline());
  }

  /** The next version of {@code deal} with one more approval request, whose id is {@code marker}. */
  public static Deal withMarker(Deal deal, String marker) {
    List<Approval> approvals = new ArrayList<>(deal.approvals());
    approvals.add(Approval.pending(marker, deal.stage(), deal.currentVisit(), "big", deal.owner(), deal.owner(),
        T0));
    return deal.withApprovals(approvals).nextVersion(deal.playbookVersion());
  }
}

package dev.relay.playbook;

import dev.relay.common.Problem;
import dev.relay.fields.FieldSchema;
import dev.relay.incentive.CommissionPlan;
import dev.relay.incentive.IncentivePolicy;
import dev.relay.incentive.Scorecard;
import dev.relay.incentive.TargetEntry;
import dev.relay.pipeline.PipelineDefinition;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code incentives} section: the collected stage against the pipeline, each target's owner, period and
 * levels (no two for the same owner and period), each scorecard (a known role, weights totalling 1, each dimension
 * once) and each plan ({@link CommissionPlan#problems}: keys, tier order, currencies, pool weights, single caps, SPIFF
 * criteria against the deal schema, draw conditions), plan keys unique.
 */
final class IncentivesSectionValidator {
  private final ValidationContext context;
  private final FieldSchema dealSchema;
  private final PipelineDefinition pipeline;
  private final List<String> roles;
  private final ZoneId zone;

  IncentivesSectionValidator(ValidationContext context, FieldSchema dealSchema, PipelineDefinition pipeline,
      List<String> roles, ZoneId zone) {
    this.context = context;
    this.dealSchema = dealSchema;
    this.pipeline = pipeline;
    this.roles = roles;
    this.zone = zone;
  }

  void check(IncentivePolicy incentives) {
    String collected = incentives.collectedStage();
    if (collected != null && !context.isUnreadable("incentives.collected_stage")
        && pipeline.stage(collected).isEmpty() && !pipeline.key().equals("none")) {
      context.problem("incentives.collected_stage", "unknown stage '" + collected + "'");
    }
    checkTargets(incentives.targets().entries());
    Map<String, String> roleAt = new HashMap<>();
    for (int i = 0; i < incentives.scorecards().size(); i++) {
      String path = "incentives.scorecards[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      Scorecard card = incentives.scorecards().get(i);
      if (!roles.contains(card.role()) && !context.isUnreadable("roles")) {
        context.problem(path + ".role", "unknown role '" + card.role() + "'");
      }
      String first = roleAt.putIfAbsent(card.role(), path);
      if (first != null) {
        context.problem(path + ".role", "a second scorecard for role '" + card.role() + "' (first at " + first + ")");
      }
      card.problems(path).forEach(this::report);
    }
    Map<String, String> planAt = new HashMap<>();
    for (int i = 0; i < incentives.plans().size(); i++) {
      String path = "incentives.plans[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      CommissionPlan plan = incentives.plans().get(i);
      String first = planAt.putIfAbsent(plan.key(), path);
      if (first != null) {
        context.problem(path + ".key", "duplicate plan '" + plan.key() + "' (first at " + first + ")");
      }
      plan.problems(path, dealSchema).forEach(this::report);
    }
  }

  private void checkTargets(List<TargetEntry> entries) {
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "incentives.targets.levels[" + i + "]";
      if (context.isUnreadable(path)) {
        continue;
      }
      TargetEntry e = entries.get(i);
      boolean wellFormed = true;
      if (!e.ownerIsWellFormed()) {
        context.problem(path + ".owner", "expected 'company', 'team:<id>' or 'rep:<id>', got '" + e.owner() + "'");
        wellFormed = false;
      }
      if (TargetEntry.parsePeriod(e.period(), zone).isEmpty()) {
        context.problem(path + ".period", "expected a period like '2026', '2026-Q1', '2026-03' or '2026-W05', got '"
            + e.period() + "'");
        wellFormed = false;
      }
      if (e.base().isNegative()) {
        context.problem(path + ".base", "must not be negative");
      }
      if (e.stretch().compareTo(e.base()) < 0) {
        context.problem(path + ".stretch", "the stretch target " + e.stretch().amount().toPlainString()
            + " is below the base " + e.base().amount().toPlainString());
      }
      if (wellFormed) {
        String first = firstAt.putIfAbsent(e.owner() + " " + e.period(), path);
        if (first != null) {
          context.problem(path, "a second target for " + e.owner() + " in " + e.period() + " (first at " + first
              + ")");
        }
      }
    }
  }

  private void report(Problem p) {
    context.problem(p.path(), p.message());
  }
}

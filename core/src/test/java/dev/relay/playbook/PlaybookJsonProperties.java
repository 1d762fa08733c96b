package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.any;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.criteria.Criteria.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.BackMovePolicy;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.ConflictPolicy;
import dev.relay.pool.DuplicatePolicy;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import dev.relay.pool.RecycleTrigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/** The JSON form loses nothing: any valid playbook survives write then read, and its canonical text is stable. */
class PlaybookJsonProperties {
  private static final List<String> ROLES = List.of("sales_rep", "sales_manager", "finance", "after_sales");
  private static final List<String> GRADES = List.of("A", "B", "C", "D");
  private static final List<String> TEAMS = List.of("east", "west", "key_accounts");
  private static final List<String> REPS = List.of("li", "wang", "zhao", "zhang");
  private static final List<String> LEVELS = List.of("junior", "regular", "senior");

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void writeThenReadGivesTheSamePlaybook(@ForAll("playbooks") Playbook playbook) {
    boolean gated = playbook.pipeline().stages().stream().anyMatch(s -> !s.gate().equals(Criteria.always()));
    Statistics.label("won stage").collect(playbook.pipeline().wonStage() != null);
    Statistics.label("gates").collect(gated);
    boolean poolConfigured = !playbook.pool().equals(PoolPolicy.defaults());
    boolean recycledByGrade = playbook.pool().pools().stream()
        .anyMatch(p -> p.recycle().stream().anyMatch(r -> !r.days().isEmpty()));
    Statistics.label("pool configured").collect(poolConfigured);
    Statistics.label("recycle days by grade").collect(recycledByGrade);
    Statistics.label("won stage").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("gates").coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("pool configured").coverage(c -> c.check(true).percentage(p -> p > 50));
    Statistics.label("recycle days by grade").coverage(c -> c.check(true).percentage(p -> p > 10));
    AssignmentPolicy assignment = playbook.assignment();
    Statistics.label("assignment configured").collect(!assignment.equals(AssignmentPolicy.defaults()));
    Statistics.label("grade-based rule").collect(assignment.rules().stream()
        .anyMatch(r -> r.strategy() == Strategy.GRADE_BASED));
    Statistics.label("capped rule").collect(assignment.rules().stream().anyMatch(r -> !r.caps().isEmpty()));
    Statistics.label("assignment configured").coverage(c -> c.check(true).percentage(p -> p > 50));
    Statistics.label("grade-based rule").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("capped rule").coverage(c -> c.check(true).percentage(p -> p > 20));

    String canonical = PlaybookJson.write(playbook);
    Playbook read = PlaybookJson.read(canonical);

    assertEquals(playbook, read);
    assertEquals(playbook.pipeline(), read.pipeline());
    assertEquals(playbook.customFields(EntityKind.DEAL), read.customFields(EntityKind.DEAL));
    assertEquals(playbook.pool(), read.pool());
    assertEquals(playbook.assignment(), read.assignment());
    assertEquals(canonical, PlaybookJson.write(read));
  }

  @Provide
  Arbitrary<Playbook> playbooks() {
    Arbitrary<List<String>> roles =
        Arbitraries.subsetOf(ROLES).map(set -> ROLES.stream().filter(set::contains).toList());
    return roles.flatMap(r -> Combinators.combine(labels(), zones(), pipelines(r), poolPolicies(),
            assignmentPolicies())
        .as((name, zone, pipeline, pool, assignment) -> Playbook.builder()
            .name(name)
            .zone(zone)
            .currency("CNY")
            .roles(r.toArray(String[]::new))
            .customField(EntityKind.DEAL, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("预算 Budget"))
            .customField(EntityKind.DEAL, FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "west")))
            .customField(EntityKind.LEAD, FieldDefinition.custom("source", FieldType.STRING))
            .customField(EntityKind.LEAD, FieldDefinition.customEnum("grade", FieldType.ENUM, GRADES))
            .customField(EntityKind.LEAD,
                FieldDefinition.customEnum("industry", FieldType.ENUM_LIST, List.of("machinery", "electronics")))
            .customField(EntityKind.ACCOUNT,
                FieldDefinition.customEnum("region", FieldType.ENUM, List.of("east", "west")))
            .customField(EntityKind.ACCOUNT, FieldDefinition.customEnum("grade", FieldType.ENUM, GRADES))
            .pipeline(pipeline)
            .pool(pool)
            .assignment(assignment)
            .build()));
  }

  private Arbitrary<PipelineDefinition> pipelines(List<String> roles) {
    Arbitrary<List<LostReason>> reasons = Combinators.combine(labels(), Arbitraries.of(true, false))
        .as((label, note) -> new LostReason("unkeyed", label, note)).list().ofMinSize(1).ofMaxSize(3)
        .map(rs -> {
          List<LostReason> keyed = new ArrayList<>();
          for (int i = 0; i < rs.size(); i++) {
            keyed.add(new LostReason("l" + i, rs.get(i).label(), rs.get(i).requiresNote()));
          }
          return keyed;
        });
    return Combinators.combine(labels(), stages(roles), reasons, Arbitraries.of(BackMovePolicy.class))
        .as((label, stages, lostReasons, backMoves) -> {
          PipelineDefinition.Builder pipeline = PipelineDefinition.builder("p", label).backMoves(backMoves);
          stages.stages().forEach(pipeline::stage);
          stages.wonStage().ifPresent(pipeline::wonStage);
          lostReasons.forEach(pipeline::lostReason);
          return pipeline.build();
        });
  }

  private record Stages(List<StageDefinition> stages, Optional<String> wonStage) {}

  /** 1–6 stages with non-decreasing probabilities, certain (100) from the won stage on, if there is one. */
  private Arbitrary<Stages> stages(List<String> roles) {
    return Arbitraries.integers().between(1, 6).flatMap(n -> Combinators.combine(
            Arbitraries.integers().between(0, 100).list().ofSize(n).map(ps -> ps.stream().sorted().toList()),
            Arbitraries.integers().between(-1, n - 1),
            stageParts(roles).list().ofSize(n))
        .as((probabilities, won, parts) -> {
          List<StageDefinition> out = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            boolean certain = won >= 0 && i >= won;
            out.add(parts.get(i).stage("s" + i, certain ? 100 : probabilities.get(i), i == won));
          }
          return new Stages(out, won < 0 ? Optional.empty() : Optional.of("s" + won));
        }));
  }

  /** Everything about a stage except its key and probability, which depend on its position. */
  private record StageParts(String label, Optional<Duration> sla, Criteria gate, List<Approver> approvers,
      String responsible, boolean skippable) {
    StageDefinition stage(String key, int probability, boolean won) {
      StageDefinition.Builder b = StageDefinition.builder(key, label, probability)
          .gate(gate).responsible(responsible).skippable(skippable && !won);
      sla.ifPresent(b::sla);
      for (int j = 0; j < approvers.size(); j++) {
        b.approval("a" + j, label + " " + j, j == 0 ? Criteria.always() : gate, approvers.get(j));
      }
      return b.build();
    }
  }

  private Arbitrary<StageParts> stageParts(List<String> roles) {
    List<String> responsible = new ArrayList<>(roles);
    responsible.add(StageDefinition.OWNER);
    return Combinators.combine(labels(), slas().optional(), gates(), approvers(roles).list().ofMaxSize(2),
            Arbitraries.of(responsible), Arbitraries.of(true, false))
        .as(StageParts::new);
  }

  private Arbitrary<Duration> slas() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 60).map(Duration::ofDays),
        Arbitraries.longs().between(1, 10_000_000).map(Duration::ofSeconds));
  }

  private Arbitrary<Criteria> gates() {
    Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000000"))
        .ofScale(2);
    Arbitrary<Criteria> conditions = Arbitraries.oneOf(
        amounts.map(a -> field("amount").gt(a)),
        Arbitraries.longs().between(0, 1_000_000).map(a -> field("budget").gte(a)),
        Arbitraries.of("east", "west").map(r -> field("region").in(r)),
        Arbitraries.just(field("budget").isSet()),
        Arbitraries.strings().alpha().ofMaxLength(5).map(s -> field("name").startsWith(s)));
    return Arbitraries.oneOf(
        Arbitraries.just(Criteria.always()),
        conditions.list().ofMinSize(1).ofMaxSize(3).map(cs -> all(cs.toArray(Criteria[]::new))),
        conditions.list().ofMinSize(1).ofMaxSize(2).map(cs -> any(cs.toArray(Criteria[]::new))),
        conditions.map(c -> all(not(c))));
  }

  private Arbitrary<Approver> approvers(List<String> roles) {
    Arbitrary<Approver> reps = Arbitraries.integers().between(1, 99).map(n -> Approver.rep("r-" + n));
    return roles.isEmpty()
        ? Arbitraries.oneOf(Arbitraries.just(Approver.ownersManager()), reps)
        : Arbitraries.oneOf(Arbitraries.just(Approver.ownersManager()), reps,
            Arbitraries.of(roles).map(Approver::role));
  }

  /** The defaults (a playbook without a pool section) or a configured pool section, graded or not. */
  private Arbitrary<PoolPolicy> poolPolicies() {
    Arbitrary<PoolPolicy> configured = Arbitraries.of(true, false).flatMap(graded -> Combinators.combine(
            Arbitraries.of("CN", "DE", "US", "SG"),
            Arbitraries.of(DuplicatePolicy.class),
            Arbitraries.doubles().between(0.01, 1).ofScale(3),
            Arbitraries.of(ConflictPolicy.class),
            Arbitraries.of(true, false).list().ofSize(4),
            durations(),
            poolDefinitions(graded).list().ofMinSize(1).ofMaxSize(3))
        .as((region, duplicates, threshold, conflicts, flags, registration, pools) -> {
          PoolPolicy.Builder b = PoolPolicy.builder()
              .defaultRegion(region)
              .duplicates(duplicates)
              .similarNameThreshold(threshold)
              .conflicts(conflicts)
              .revealOwner(flags.get(0))
              .registrationProtection(registration)
              .transferNeedsApproval(flags.get(1))
              .dealsFollowTransfer(flags.get(2))
              .tasksFollowTransfer(flags.get(3));
          if (graded) {
            b.gradeField("grade");
          }
          for (int i = 0; i < pools.size(); i++) {
            PoolDefinition p = pools.get(i);
            b.pool(new PoolDefinition("p" + i, p.label(), p.accounts(), p.memberTeams(), p.claim(), p.recycle(),
                p.exempt()));
          }
          return b.build();
        }));
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(PoolPolicy.defaults())), Tuple.of(4, configured));
  }

  /** A pool under a placeholder key, unique keys being given by position. */
  private Arbitrary<PoolDefinition> poolDefinitions(boolean graded) {
    Arbitrary<Criteria> accounts = Arbitraries.oneOf(Arbitraries.just(Criteria.always()),
        Arbitraries.of("east", "west").map(r -> all(field("region").eq(r))));
    Arbitrary<Criteria> exemptWhen = Arbitraries.oneOf(Arbitraries.just(Criteria.any()),
        Arbitraries.just(all(field("region").eq("west"))), Arbitraries.just(Criteria.always()));
    Arbitrary<Exemptions> exemptions = Combinators.combine(Arbitraries.of(true, false).list().ofSize(3), exemptWhen)
        .as((flags, when) -> new Exemptions(flags.get(0), flags.get(1), flags.get(2), when));
    Arbitrary<List<String>> teams =
        Arbitraries.subsetOf(TEAMS).map(set -> TEAMS.stream().filter(set::contains).toList());
    Arbitrary<List<RecycleRule>> rules = recycleRules(graded).list().ofMaxSize(3).map(rs -> {
      List<RecycleRule> keyed = new ArrayList<>();
      for (int j = 0; j < rs.size(); j++) {
        RecycleRule r = rs.get(j);
        keyed.add(new RecycleRule("r" + j, r.label(), r.trigger(), r.when(), r.days(), r.defaultDays(),
            r.warnDaysBefore()));
      }
      return keyed;
    });
    return Combinators.combine(labels(), accounts, teams, claims(), rules, exemptions)
        .as((label, criteria, members, claim, recycle, exempt) ->
            new PoolDefinition("unkeyed", label, criteria, members, claim, recycle, exempt));
  }

  private Arbitrary<ClaimRules> claims() {
    Arbitrary<Integer> limit = Arbitraries.integers().between(1, 500).injectNull(0.4);
    return Combinators.combine(limit, Arbitraries.of(true, false), limit, limit, durations(), durations())
        .as(ClaimRules::new);
  }

  /** Recycle rules under a placeholder key; with a grade field, some of them have days per grade. */
  private Arbitrary<RecycleRule> recycleRules(boolean graded) {
    Arbitrary<Map<String, Integer>> days = graded
        ? Arbitraries.maps(Arbitraries.of(GRADES), Arbitraries.integers().between(10, 90)).ofMaxSize(4)
        : Arbitraries.just(Map.of());
    Arbitrary<Criteria> when = Arbitraries.oneOf(Arbitraries.just(Criteria.always()),
        Arbitraries.subsetOf(GRADES).ofMinSize(1).map(gs -> all(field("grade").in(gs.stream().sorted().toArray()))));
    return Combinators.combine(labels(), Arbitraries.of(RecycleTrigger.class), when, days,
            Arbitraries.integers().between(10, 120), Arbitraries.integers().between(0, 9))
        .as((label, trigger, criteria, byGrade, defaultDays, warn) ->
            new RecycleRule("unkeyed", label, trigger, criteria, byGrade, defaultDays, warn));
  }

  /**
   * The defaults (a playbook without an assignment section) or a configured one, graded or not, whose rules each have
   * what their strategy needs and nothing it ignores; keys are given by position.
   */
  private Arbitrary<AssignmentPolicy> assignmentPolicies() {
    Arbitrary<AssignmentPolicy> configured = Arbitraries.of(true, false).flatMap(graded -> Combinators.combine(
            Arbitraries.of(true, false),
            repGroups().list().ofMaxSize(2),
            ruleParts(graded).list().ofMaxSize(4),
            ruleParts(graded))
        .as((ownerFirst, groups, rules, fallback) -> {
          AssignmentPolicy.Builder b = AssignmentPolicy.builder().accountOwnerFirst(ownerFirst);
          if (graded) {
            b.gradeField("grade");
          }
          for (int i = 0; i < groups.size(); i++) {
            RepGroup g = groups.get(i);
            b.group(new RepGroup("g" + i, g.label(), g.members(), g.weights()));
          }
          for (int i = 0; i < rules.size(); i++) {
            b.rule(rules.get(i).rule("r" + i, false, groups.size()));
          }
          return b.defaultRule(fallback.rule("rest", true, groups.size())).build();
        }));
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(AssignmentPolicy.defaults())),
        Tuple.of(4, configured));
  }

  /** A group under a placeholder key: some of the reps, some of them weighted. */
  private Arbitrary<RepGroup> repGroups() {
    return Arbitraries.subsetOf(REPS).ofMinSize(1).flatMap(set -> {
      List<String> members = REPS.stream().filter(set::contains).toList();
      return Combinators.combine(labels(),
              Arbitraries.maps(Arbitraries.of(members), Arbitraries.integers().between(1, 5)).ofMaxSize(members.size()))
          .as((label, weights) -> new RepGroup("unkeyed", label, members, weights));
    });
  }

  /** Who, how and what a strategy reads; a group target names group {@code g0} and stands for everyone without one. */
  private record Routing(Target target, Strategy strategy, List<BestFitCriterion> bestFit,
      Map<String, String> minSeniority) {}

  private record NoneEligible(NoEligibleAction action, @Nullable String fallbackOwner) {}

  private record Sla(Duration first, Map<String, Duration> byGrade, SlaClock clock) {}

  /** Everything about a rule except its key, which depends on its position. */
  private record RuleParts(String label, Criteria when, Routing routing, List<CapacityCap> caps,
      NoneEligible noneEligible, Sla sla, List<Integer> rerouting) {
    RoutingRule rule(String key, boolean isDefault, int groups) {
      Target target = routing.target() instanceof Target.GroupMembers && groups == 0
          ? Target.everyone() : routing.target();
      RoutingRule.Builder b = RoutingRule.builder(key, label)
          .when(isDefault ? Criteria.always() : when)
          .target(target)
          .strategy(routing.strategy())
          .whenNoneEligible(noneEligible.action())
          .fallbackOwner(noneEligible.fallbackOwner())
          .firstContactSla(sla.first())
          .slaClock(sla.clock())
          .rememberLast(rerouting.get(0))
          .maxReroutes(rerouting.get(1));
      routing.bestFit().forEach(t -> b.bestFit(t.attribute(), t.leadField(), t.weight()));
      routing.minSeniority().forEach(b::minSeniority);
      caps.forEach(b::cap);
      sla.byGrade().forEach(b::slaForGrade);
      return b.build();
    }
  }

  private Arbitrary<RuleParts> ruleParts(boolean graded) {
    Arbitrary<Criteria> when = Arbitraries.oneOf(Arbitraries.just(Criteria.always()),
        Arbitraries.subsetOf(GRADES).ofMinSize(1).map(gs -> all(field("grade").in(gs.stream().sorted().toArray()))),
        Arbitraries.strings().alpha().ofMaxLength(5).map(s -> all(field("source").startsWith(s))));
    Arbitrary<NoneEligible> noneEligible = Arbitraries.of(NoEligibleAction.class).flatMap(action ->
        Arbitraries.of(REPS).injectNull(action == NoEligibleAction.FALLBACK ? 0 : 0.5)
            .map(owner -> new NoneEligible(action, owner)));
    Arbitrary<Map<String, Duration>> byGrade = graded
        ? Arbitraries.maps(Arbitraries.of(GRADES), slas()).ofMaxSize(4) : Arbitraries.just(Map.of());
    Arbitrary<Sla> sla = Combinators.combine(slas(), byGrade, Arbitraries.of(SlaClock.class)).as(Sla::new);
    return Combinators.combine(labels(), when, routings(graded), caps().list().ofMaxSize(3), noneEligible, sla,
            Arbitraries.integers().between(0, 5).list().ofSize(2))
        .as(RuleParts::new);
  }

  private Arbitrary<Routing> routings(boolean graded) {
    Arbitrary<Target> targets = Arbitraries.oneOf(Arbitraries.just(Target.everyone()),
        Arbitraries.of(TEAMS).map(Target::team), Arbitraries.of(REPS).map(Target::rep),
        Arbitraries.just(Target.group("g0")));
    Arbitrary<List<BestFitCriterion>> terms = Combinators.combine(Arbitraries.of(BestFitCriterion.Attribute.class),
            Arbitraries.of("source", "grade", "industry"), Arbitraries.integers().between(1, 5))
        .as(BestFitCriterion::new).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Map<String, String>> seniorities =
        Arbitraries.maps(Arbitraries.of(GRADES), Arbitraries.of(LEVELS)).ofMinSize(1).ofMaxSize(4);
    Arbitrary<Strategy> strategies = Arbitraries.of(Strategy.class)
        .filter(s -> graded || s != Strategy.GRADE_BASED);
    return Combinators.combine(targets, strategies, terms, seniorities)
        .as((target, strategy, bestFit, minSeniority) -> new Routing(target, strategy,
            strategy == Strategy.BEST_FIT ? bestFit : List.of(),
            strategy == Strategy.GRADE_BASED ? minSeniority : Map.of()));
  }

  /** Caps of both metrics; calendar caps count the current hour, day or week. */
  private Arbitrary<CapacityCap> caps() {
    Arbitrary<Integer> max = Arbitraries.integers().between(1, 50);
    return Arbitraries.oneOf(
        max.map(CapacityCap::openLeads),
        Combinators.combine(slas(), max).as(CapacityCap::assignedWithin),
        Combinators.combine(Arbitraries.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7)), max)
            .as(CapacityCap::assignedPerCalendar));
  }

  /** Non-negative durations: zero (nothing), whole days, or any number of seconds. */
  private Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), slas());
  }

  /** Labels as people write them: any language, quotes, backslashes and line breaks included. */
  private Arbitrary<String> labels() {
    return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4eff').withChars('\n', '\t', '"')
        .ofMinLength(1).ofMaxLength(16).filter(s -> !s.isBlank());
  }

  private Arbitrary<ZoneId> zones() {
    return Arbitraries.of("UTC", "Asia/Shanghai", "Europe/Berlin", "+08:00").map(ZoneId::of);
  }
}

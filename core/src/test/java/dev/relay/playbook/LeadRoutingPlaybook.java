package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.assignment.AssignmentPolicy;
import dev.relay.assignment.BestFitCriterion.Attribute;
import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.NoEligibleAction;
import dev.relay.assignment.RepGroup;
import dev.relay.assignment.RoutingRule;
import dev.relay.assignment.SlaClock;
import dev.relay.assignment.Strategy;
import dev.relay.assignment.Target;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import java.time.Duration;
import java.util.List;

/**
 * The small team with a full lead-assignment section, every key set away from its default: as the canonical JSON of
 * {@code playbooks/lead-routing.json} and as the same configuration built in Java. Public so that other modules (and
 * the routing engine's tests) can use it through the core test-jar.
 *
 * <p>Leads have the custom fields {@code source} (trade_show, website, distributor), {@code industry} (machinery,
 * electronics), {@code grade} (A–D, the grade field), {@code language} (zh, en), {@code product_interest} (an enum
 * list) and {@code budget} (decimal). Seniority levels are junior, regular, senior, principal. Group 0 is {@code
 * key_accounts} (wang, li; li weighs 2), group 1 {@code overseas} (smith, chen). Rule 0 {@code a_leads}: grade A to the
 * key-account group, grade based, falling back to zhao; rule 1 {@code english}: best fit in the overseas group; rule 2
 * {@code trade_show}: round robin in team east under three caps, escalating; rule 3 {@code distributor}: sticky, to
 * rep zhang. The default rule {@code everyone_else} sends the rest to team east, least loaded.
 */
public final class LeadRoutingPlaybook {
  /** The classpath resource holding the canonical JSON form. */
  public static final String RESOURCE = "/playbooks/lead-routing.json";

  private LeadRoutingPlaybook() {}

  /** The canonical JSON text. */
  public static String json() {
    return SmallTeamPlaybook.resource(RESOURCE);
  }

  /** The same playbook as {@link #json()}, built in Java. */
  public static Playbook built() {
    return builder().build();
  }

  /** A builder holding the whole configuration, for tests that change one thing. */
  public static Playbook.Builder builder() {
    return SmallTeamPlaybook.builder("Lead routing")
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("source", FieldType.ENUM,
            List.of("trade_show", "website", "distributor")).withLabel("线索来源 Source"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("industry", FieldType.ENUM,
            List.of("machinery", "electronics")).withLabel("行业 Industry"))
        .customField(EntityKind.LEAD,
            FieldDefinition.customEnum("grade", FieldType.ENUM, List.of("A", "B", "C", "D")).withLabel("等级 Grade"))
        .customField(EntityKind.LEAD,
            FieldDefinition.customEnum("language", FieldType.ENUM, List.of("zh", "en")).withLabel("语言 Language"))
        .customField(EntityKind.LEAD, FieldDefinition.customEnum("product_interest", FieldType.ENUM_LIST,
            List.of("cnc_machines", "injection_molding", "spare_parts")).withLabel("意向产品 Product interest"))
        .customField(EntityKind.LEAD, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("预算 Budget"))
        .assignment(assignment());
  }

  /** The assignment section on its own. */
  public static AssignmentPolicy.Builder assignment() {
    return AssignmentPolicy.builder()
        .gradeField("grade")
        .seniorityLevels("junior", "regular", "senior", "principal")
        .accountOwnerFirst(false)
        .group(RepGroup.of("key_accounts", "大客户组 Key accounts", "wang", "li").withWeight("li", 2))
        .group(RepGroup.of("overseas", "海外组 Overseas", "smith", "chen"))
        .rule(RoutingRule.builder("a_leads", "A 级线索 A leads")
            .when(all(field("grade").eq("A")))
            .target(Target.group("key_accounts"))
            .strategy(Strategy.GRADE_BASED)
            .minSeniority("A", "senior")
            .minSeniority("B", "regular")
            .whenNoneEligible(NoEligibleAction.FALLBACK)
            .fallbackOwner("zhao")
            .firstContactSla(Duration.ofHours(4))
            .slaForGrade("A", Duration.ofMinutes(15))
            .slaForGrade("B", Duration.ofHours(2))
            .slaClock(SlaClock.BUSINESS_HOURS))
        .rule(RoutingRule.builder("english", "英文线索 English-speaking leads")
            .when(all(field("language").eq("en")))
            .target(Target.group("overseas"))
            .strategy(Strategy.BEST_FIT)
            .bestFit(Attribute.INDUSTRIES, "industry", 3)
            .bestFit(Attribute.SKILLS, "product_interest", 2)
            .bestFit(Attribute.LANGUAGES, "language", 1)
            .whenNoneEligible(NoEligibleAction.ESCALATE))
        .rule(RoutingRule.builder("trade_show", "展会线索 Trade-show leads")
            .when(all(field("source").eq("trade_show")))
            .target(Target.team("east"))
            .cap(CapacityCap.openLeads(30))
            .cap(CapacityCap.assignedWithin(Duration.ofHours(1), 5))
            .cap(CapacityCap.assignedPerCalendar(Duration.ofDays(1), 20))
            .whenNoneEligible(NoEligibleAction.ESCALATE)
            .rememberLast(5)
            .maxReroutes(1))
        .rule(RoutingRule.builder("distributor", "经销商线索 Distributor leads")
            .when(all(field("source").eq("distributor")))
            .target(Target.rep("zhang"))
            .strategy(Strategy.STICKY_OWNER))
        .defaultRule(RoutingRule.builder("everyone_else", "其他线索 Everyone else")
            .target(Target.team("east"))
            .strategy(Strategy.LEAST_LOADED)
            .whenNoneEligible(NoEligibleAction.FALLBACK)
            .fallbackOwner("zhao")
            .firstContactSla(Duration.ofHours(8))
            .slaClock(SlaClock.BUSINESS_HOURS)
            .rememberLast(0)
            .maxReroutes(0));
  }
}

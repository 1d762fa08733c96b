package dev.relay.playbook;

import static dev.relay.playbook.PlaybookJson.MAPPER;
import static dev.relay.playbook.PlaybookJson.durationText;
import static dev.relay.playbook.PlaybookJson.inOrder;
import static dev.relay.playbook.PlaybookJson.putCriteria;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.criteria.Criteria;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.pool.ClaimRules;
import dev.relay.pool.Exemptions;
import dev.relay.pool.PoolDefinition;
import dev.relay.pool.PoolPolicy;
import dev.relay.pool.RecycleRule;
import java.util.List;

/**
 * The canonical JSON of the {@code pool} section, always written. Omitted because they mean "nothing": no grade field,
 * no claim limit, a zero cool-down or protection, pool or recycle criteria that take every account, exemption criteria
 * that take none, no per-grade days. Per-grade days follow the grade field's option order.
 */
final class PoolSectionWriter {
  private PoolSectionWriter() {}

  static ObjectNode pool(PoolPolicy pool, Playbook playbook) {
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
      inOrder(rule.days().keySet(), grades).forEach(g -> days.put(g, rule.days().get(g)));
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
}

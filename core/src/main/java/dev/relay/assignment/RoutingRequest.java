package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the router needs to know of a lead to route it.
 *
 * @param tenant the lead's tenant
 * @param lead the lead
 * @param fields the lead's fields, over the playbook's lead schema (built-in and custom); rule criteria, the grade and
 *     best-fit terms read them
 * @param accountOwner the owner of the account the lead's company matched, if any: the policy's account-owner-first step
 *     and {@link Strategy#STICKY_OWNER} give the lead to this rep when eligible
 * @param avoid reps a re-route must skip (the lead's recent assignees)
 * @throws ValidationException if the lead, the account owner or a rep to avoid belongs to another tenant (paths {@code
 *     lead}, {@code account_owner}, {@code avoid[i]})
 */
public record RoutingRequest(TenantId tenant, LeadId lead, FieldValues fields, @Nullable RepId accountOwner,
    List<RepId> avoid) {
  public RoutingRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(fields, "fields");
    avoid = List.copyOf(avoid);
    List<Problem> problems = new ArrayList<>();
    if (!lead.tenant().equals(tenant)) {
      problems.add(new Problem("lead", "lead " + lead + " belongs to another tenant than " + tenant));
    }
    if (accountOwner != null && !accountOwner.tenant().equals(tenant)) {
      problems.add(new Problem("account_owner", "rep " + accountOwner + " belongs to another tenant than " + tenant));
    }
    for (int i = 0; i < avoid.size(); i++) {
      if (!avoid.get(i).tenant().equals(tenant)) {
        problems.add(new Problem("avoid[" + i + "]", "rep " + avoid.get(i) + " belongs to another tenant than "
            + tenant));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /** A first routing of a lead without a known account owner. */
  public static RoutingRequest of(LeadId lead, FieldValues fields) {
    return new RoutingRequest(lead.tenant(), lead, fields, null, List.of());
  }

  /** This request for a lead whose company is an account owned by {@code owner}. */
  public RoutingRequest withAccountOwner(@Nullable RepId owner) {
    return new RoutingRequest(tenant, lead, fields, owner, avoid);
  }

  /** This request as a re-route that must skip {@code reps}. */
  public RoutingRequest avoiding(List<RepId> reps) {
    return new RoutingRequest(tenant, lead, fields, accountOwner, reps);
  }
}

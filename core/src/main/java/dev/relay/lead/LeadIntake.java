package dev.relay.lead;

import com.google.common.util.concurrent.Striped;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingRequest;
import dev.relay.common.IdGenerator;
import dev.relay.common.LeadId;
import dev.relay.common.Problem;
import dev.relay.common.RelayEvent;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldValues;
import dev.relay.lead.LeadEvent.LeadCaptured;
import dev.relay.pool.matching.MatchKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * Capturing a lead: validate it against the tenant's playbook, derive its keys, catch a duplicate of a live lead,
 * match it to an account, route it and store it with its decision.
 *
 * <p>The duplicate check and the insert must not interleave with another capture of the same person, or both would be
 * routed. Captures of one tenant therefore run one after the other in this process (routing serialises them per tenant
 * anyway, see {@link dev.relay.assignment.RoutingState}); processes sharing a database narrow the window the same way
 * and a database adapter may add a unique constraint on open leads' keys.
 */
final class LeadIntake {
  private static final String SOURCE_FIELD = "source";

  private final LeadCommands commands;
  private final IdGenerator ids;
  private final AccountMatching matching;
  private final DuplicateLeads duplicates = new DuplicateLeads();
  private final Striped<Lock> tenantLocks = Striped.lock(64);

  LeadIntake(LeadCommands commands, IdGenerator ids, AccountMatching matching) {
    this.commands = commands;
    this.ids = ids;
    this.matching = matching;
  }

  LeadCapture capture(TenantId tenant, NewLead command) {
    LeadRules rules = commands.rules(tenant);
    Lead fresh = validated(tenant, command, rules, commands.clock.instant());
    Lock lock = tenantLocks.get(tenant);
    lock.lock();
    try {
      Optional<DuplicateLeads.Match> duplicate =
          duplicates.find(fresh.keys(), commands.leads.leadsWithKeys(tenant, fresh.keys()));
      if (duplicate.isPresent()) {
        return storeDuplicate(fresh, duplicate.get());
      }
      return route(fresh, rules);
    } finally {
      lock.unlock();
    }
  }

  private LeadCapture route(Lead fresh, LeadRules rules) {
    Optional<AccountMatching.Match> match = matching.find(fresh.tenant(), fresh.keys());
    RepId accountOwner = match.map(m -> m.account().owner()).orElse(null);
    RoutingDecision decision = commands.routing.route(
        new RoutingRequest(fresh.tenant(), fresh.id(), fresh.fields(), accountOwner, List.of()));
    try {
      Lead.Draft d = fresh.draft().assign(commands.assignmentOf(decision, AssignmentCause.CAPTURE, rules.zone()));
      d.decision = decision;
      d.matchedAccount = match.map(m -> m.account().id()).orElse(null);
      Lead lead = d.build().withBuiltIns();
      List<RelayEvent> happened = List.of(
          new LeadCaptured(lead.id(), lead.capturedAt(), lead.source(), lead.name(), lead.company(),
              lead.matchedAccount(), accountOwner, null, rules.version()),
          decision.event());
      commands.insert(lead, happened);
      return new LeadCapture.Captured(lead, decision, match.map(AccountMatching.Match::reasons).orElse(List.of()));
    } catch (RuntimeException failed) {
      if (decision.assignee() != null) {
        commands.routing.released(fresh.tenant(), decision.assignee(), fresh.id());
      }
      throw failed;
    }
  }

  /** Keeps the inquiry as a disqualified record pointing at the live lead, so that its source still counts. */
  private LeadCapture storeDuplicate(Lead fresh, DuplicateLeads.Match match) {
    Lead existing = match.existing();
    Lead.Draft d = fresh.draft();
    d.status = LeadStatus.DISQUALIFIED;
    d.duplicateOf = existing.id();
    d.disqualifyReason = "duplicate of lead " + existing.id().value() + ": " + match.reasons().get(0).message();
    Lead lead = d.build().withBuiltIns();
    commands.insert(lead, List.of(new LeadCaptured(lead.id(), lead.capturedAt(), lead.source(), lead.name(),
        lead.company(), null, null, existing.id(), lead.playbookVersion())));
    return new LeadCapture.Duplicate(lead, existing, match.reasons());
  }

  /**
   * The new lead, valid against the playbook, unrouted.
   *
   * @throws ValidationException listing every problem with its path
   */
  private Lead validated(TenantId tenant, NewLead command, LeadRules rules, Instant now) {
    List<Problem> problems = new ArrayList<>();
    if (command.source().isBlank()) {
      problems.add(new Problem("source", "a lead needs its source, e.g. website or trade_show"));
    }
    if (command.name().isBlank()) {
      problems.add(new Problem("name", "a lead needs the contact's name"));
    }
    if (command.phones().isEmpty() && command.emails().isEmpty()) {
      problems.add(new Problem("phones", "a lead needs a phone number or an e-mail address, or nobody can contact "
          + "it"));
    }
    String company = command.companyOrNull();
    Set<MatchKey> keys = Set.of();
    try {
      keys = LeadKeys.of(command.name(), company, command.phones(), command.emails(), rules.defaultRegion());
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    FieldValues fields = FieldValues.empty(rules.schema());
    try {
      fields = fields.with(customValues(command, rules), false);
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    LeadId id = LeadId.of(tenant, ids.next("L"));
    return new Lead(id, command.source().strip(), command.name().strip(), company == null ? null : company.strip(),
        command.phones(), command.emails(), fields, keys, LeadStatus.NEW, null, null, null, List.of(), null, null, 0,
        null, null, null, now, rules.version(), 1).withBuiltIns();
  }

  /**
   * The command's field values, with the source filled into a custom {@code source} field when the playbook declares
   * one and the command leaves it unset, so that assignment rules can route by source.
   */
  private static Map<String, Object> customValues(NewLead command, LeadRules rules) {
    Optional<FieldDefinition> sourceField = rules.schema().field(SOURCE_FIELD);
    if (sourceField.isEmpty() || sourceField.get().builtIn() || command.fields().containsKey(SOURCE_FIELD)
        || command.source().isBlank()) {
      return command.fields();
    }
    Map<String, Object> values = new LinkedHashMap<>(command.fields());
    values.put(SOURCE_FIELD, command.source().strip());
    return values;
  }
}

package dev.relay.lead;

import dev.relay.assignment.RoutingDecision;
import dev.relay.common.AccountId;
import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.FieldValues;
import dev.relay.pool.matching.MatchKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An inbound prospect (线索) before qualification: who they are, how to reach them, what routing decided and what
 * became of them. The aggregate the {@link LeadService} changes and a {@link LeadRepository} stores. Immutable; every
 * stored change yields a new {@code Lead} whose {@link #version()} is one higher, which the repository uses for
 * optimistic locking.
 *
 * <p>The built-in fields ({@link LeadFields}: name, company, email, phone, status, owner; e-mail and phone are the
 * first address and number as entered) are mirrored into {@link #fields()} on every change, so assignment criteria
 * read them like custom fields. Storage adapters rebuild leads through the canonical constructor; {@link #fields()}
 * must then be bound to the {@code LEAD} schema of playbook version {@link #playbookVersion()} (or a later one; the
 * service rebinds), and {@link #keys()} are the keys to index.
 *
 * @param id tenant-scoped id
 * @param source where the lead came from, e.g. {@code website}, {@code trade_show}
 * @param name the contact's name as entered, not blank
 * @param company the contact's company as entered, or {@code null} for a private person
 * @param phones phone numbers as entered
 * @param emails e-mail addresses as entered
 * @param fields built-in and custom field values over the playbook's {@code LEAD} schema
 * @param keys normalised match keys: the company name, the contact's name, each phone and e-mail address, normalised as
 *     {@link dev.relay.pool.matching.AccountKeys} does
 * @param status where the lead stands
 * @param owner who works the lead, or {@code null} while it is queued (or was closed as a duplicate)
 * @param matchedAccount the existing account the lead was matched to at capture (shared company name, phone or
 *     e-mail), or {@code null}
 * @param duplicateOf the open lead this one duplicated at capture, or {@code null}; a duplicate is stored disqualified
 * @param assignments every assignment, oldest first; the last one's assignee is the owner
 * @param decision the latest routing decision with its full trace (rule, candidates, strategy state, reasons), as
 *     returned to the caller; {@code null} only for a duplicate, which is never routed
 * @param firstContactAt when the owner first contacted the lead, or {@code null}; set once
 * @param reroutes how many times the SLA sweep re-routed the lead
 * @param slaBreachReportedFor the position (1-based) in {@link #assignments()} of the assignment whose missed SLA the
 *     sweep has handled, or {@code null}: each breach is handled once
 * @param disqualifyReason why it was disqualified, or {@code null} unless {@link LeadStatus#DISQUALIFIED}
 * @param convertedTo the account and deal it became, or {@code null} unless {@link LeadStatus#CONVERTED}
 * @param capturedAt when it was captured
 * @param playbookVersion the playbook version of the last change (and the schema {@code fields} is bound to)
 * @param version optimistic-locking version: 1 when captured, +1 for every change
 * @throws IllegalArgumentException if the parts contradict each other (another tenant's rep or record, an owner that
 *     is not the last assignee, a status without what it needs, …)
 */
public record Lead(
    LeadId id,
    String source,
    String name,
    @Nullable String company,
    List<String> phones,
    List<String> emails,
    FieldValues fields,
    Set<MatchKey> keys,
    LeadStatus status,
    @Nullable RepId owner,
    @Nullable AccountId matchedAccount,
    @Nullable LeadId duplicateOf,
    List<Assignment> assignments,
    @Nullable RoutingDecision decision,
    @Nullable Instant firstContactAt,
    int reroutes,
    @Nullable Integer slaBreachReportedFor,
    @Nullable String disqualifyReason,
    @Nullable Conversion convertedTo,
    Instant capturedAt,
    int playbookVersion,
    long version) {

  public Lead {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(capturedAt, "capturedAt");
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    keys = Set.copyOf(keys);
    assignments = List.copyOf(assignments);
    if (name.isBlank() || source.isBlank()) {
      throw new IllegalArgumentException("lead " + id + " needs a contact name and a source");
    }
    TenantId tenant = id.tenant();
    requireTenant(tenant, owner, "owner");
    if (matchedAccount != null && !matchedAccount.tenant().equals(tenant)) {
      throw new IllegalArgumentException("matched account " + matchedAccount + " belongs to another tenant");
    }
    if (duplicateOf != null && (!duplicateOf.tenant().equals(tenant) || duplicateOf.equals(id))) {
      throw new IllegalArgumentException("lead " + id + " cannot duplicate " + duplicateOf);
    }
    for (Assignment a : assignments) {
      requireTenant(tenant, a.assignee(), "assignee");
      requireTenant(tenant, a.actor(), "assigning actor");
    }
    if (convertedTo != null) {
      requireTenant(tenant, convertedTo.by(), "converting rep");
      if (!convertedTo.account().tenant().equals(tenant)) {
        throw new IllegalArgumentException("lead " + id + " converted into another tenant's account");
      }
    }
    if (decision != null && !decision.lead().equals(id)) {
      throw new IllegalArgumentException("lead " + id + " carries the routing decision of " + decision.lead());
    }
    RepId lastAssignee = assignments.isEmpty() ? null : assignments.get(assignments.size() - 1).assignee();
    if (!Objects.equals(owner, lastAssignee)) {
      throw new IllegalArgumentException("lead " + id + " is owned by " + owner + " but was last assigned to "
          + lastAssignee);
    }
    checkStatus(id, status, owner, firstContactAt, disqualifyReason, convertedTo, duplicateOf);
    if (slaBreachReportedFor != null && (slaBreachReportedFor < 1 || slaBreachReportedFor > assignments.size())) {
      throw new IllegalArgumentException("lead " + id + " reports a missed SLA for assignment "
          + slaBreachReportedFor + " of " + assignments.size());
    }
    if (reroutes < 0 || playbookVersion < 1 || version < 1) {
      throw new IllegalArgumentException("lead " + id + " has " + reroutes + " re-routes, playbook version "
          + playbookVersion + " and version " + version);
    }
  }

  private static void requireTenant(TenantId tenant, @Nullable RepId rep, String what) {
    if (rep != null && !rep.tenant().equals(tenant)) {
      throw new IllegalArgumentException(what + " " + rep + " belongs to another tenant than " + tenant);
    }
  }

  private static void checkStatus(LeadId id, LeadStatus status, @Nullable RepId owner, @Nullable Instant contacted,
      @Nullable String disqualifyReason, @Nullable Conversion convertedTo, @Nullable LeadId duplicateOf) {
    if (status == LeadStatus.NEW && owner != null) {
      throw new IllegalArgumentException("new lead " + id + " waits in a queue, so it has no owner yet");
    }
    if ((status == LeadStatus.ASSIGNED || status == LeadStatus.CONTACTED || status == LeadStatus.QUALIFIED
        || status == LeadStatus.CONVERTED) && owner == null) {
      throw new IllegalArgumentException(status.jsonName() + " lead " + id + " needs an owner");
    }
    if (status == LeadStatus.CONTACTED && contacted == null) {
      throw new IllegalArgumentException("contacted lead " + id + " needs its first contact time");
    }
    if ((status == LeadStatus.NEW || status == LeadStatus.ASSIGNED) && contacted != null) {
      throw new IllegalArgumentException(status.jsonName() + " lead " + id + " cannot have been contacted");
    }
    if ((status == LeadStatus.DISQUALIFIED) != (disqualifyReason != null)) {
      throw new IllegalArgumentException("lead " + id + " has a disqualify reason exactly when disqualified");
    }
    if (disqualifyReason != null && disqualifyReason.isBlank()) {
      throw new IllegalArgumentException("lead " + id + " needs a non-blank disqualify reason");
    }
    if ((status == LeadStatus.CONVERTED) != (convertedTo != null)) {
      throw new IllegalArgumentException("lead " + id + " records a conversion exactly when converted");
    }
    if (duplicateOf != null && status != LeadStatus.DISQUALIFIED) {
      throw new IllegalArgumentException("duplicate lead " + id + " is stored disqualified");
    }
  }

  public TenantId tenant() {
    return id.tenant();
  }

  /** The latest assignment, if the lead was ever routed. */
  public Optional<Assignment> lastAssignment() {
    return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(assignments.size() - 1));
  }

  /**
   * When the current owner's first-contact SLA falls due, if it runs: the lead is {@link LeadStatus#ASSIGNED} (not
   * yet contacted) and its assignment has a due time.
   */
  public Optional<Instant> slaDue() {
    if (status != LeadStatus.ASSIGNED) {
      return Optional.empty();
    }
    return lastAssignment().map(Assignment::slaDue);
  }

  /** Whether the current assignment's missed SLA has already been handled by the sweep. */
  public boolean isCurrentBreachReported() {
    return slaBreachReportedFor != null && slaBreachReportedFor == assignments.size();
  }

  /**
   * The distinct reps the lead was most recently assigned to, newest first, at most {@code n}: the reps a re-route
   * avoids.
   */
  public List<RepId> lastAssignees(int n) {
    List<RepId> out = new ArrayList<>();
    for (int i = assignments.size() - 1; i >= 0 && out.size() < n; i--) {
      RepId a = assignments.get(i).assignee();
      if (a != null && !out.contains(a)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /** Whether the rep owns the lead. */
  public boolean isOwnedBy(RepId rep) {
    return rep.equals(owner);
  }

  // ---- changes, used by the lead service and its sweep; none of them bumps the version (see nextVersion) ----

  /** A copy to change; {@link Draft#build()} checks the result like the canonical constructor. */
  Draft draft() {
    return new Draft(this);
  }

  /** The version a stored change of this lead gets, stamped with the playbook version that made it. */
  Lead nextVersion(int byPlaybookVersion) {
    Draft d = draft();
    d.playbookVersion = byPlaybookVersion;
    d.version = version + 1;
    return d.build();
  }

  /** A copy whose built-in fields mirror the lead (its fields stay bound to the same schema). */
  Lead withBuiltIns() {
    Map<String, @Nullable Object> builtIns = new HashMap<>();
    builtIns.put(LeadFields.NAME, name);
    builtIns.put(LeadFields.COMPANY, company);
    builtIns.put(LeadFields.EMAIL, emails.isEmpty() ? null : emails.get(0));
    builtIns.put(LeadFields.PHONE, phones.isEmpty() ? null : phones.get(0));
    builtIns.put(LeadFields.STATUS, status.jsonName());
    builtIns.put(LeadFields.OWNER, owner == null ? null : owner.value());
    Draft d = draft();
    d.fields = fields.with(builtIns, true);
    return d.build();
  }

  /**
   * A mutable copy of a lead's parts, so that a change names only what it changes. Assignments go through {@link
   * #assign}, which keeps the owner and the history in step.
   */
  static final class Draft {
    LeadId id;
    String source;
    String name;
    @Nullable String company;
    List<String> phones;
    List<String> emails;
    FieldValues fields;
    Set<MatchKey> keys;
    LeadStatus status;
    @Nullable RepId owner;
    @Nullable AccountId matchedAccount;
    @Nullable LeadId duplicateOf;
    List<Assignment> assignments;
    @Nullable RoutingDecision decision;
    @Nullable Instant firstContactAt;
    int reroutes;
    @Nullable Integer slaBreachReportedFor;
    @Nullable String disqualifyReason;
    @Nullable Conversion convertedTo;
    Instant capturedAt;
    int playbookVersion;
    long version;

    private Draft(Lead l) {
      id = l.id;
      source = l.source;
      name = l.name;
      company = l.company;
      phones = l.phones;
      emails = l.emails;
      fields = l.fields;
      keys = l.keys;
      status = l.status;
      owner = l.owner;
      matchedAccount = l.matchedAccount;
      duplicateOf = l.duplicateOf;
      assignments = new ArrayList<>(l.assignments);
      decision = l.decision;
      firstContactAt = l.firstContactAt;
      reroutes = l.reroutes;
      slaBreachReportedFor = l.slaBreachReportedFor;
      disqualifyReason = l.disqualifyReason;
      convertedTo = l.convertedTo;
      capturedAt = l.capturedAt;
      playbookVersion = l.playbookVersion;
      version = l.version;
    }

    /**
     * Appends an assignment and makes its assignee the owner: an assignee makes the lead {@link LeadStatus#ASSIGNED}
     * unless it was already contacted (a hand-over after first contact keeps it contacted), none puts it back in the
     * queue as {@link LeadStatus#NEW}.
     */
    Draft assign(Assignment assignment) {
      assignments.add(assignment);
      owner = assignment.assignee();
      if (owner == null) {
        status = LeadStatus.NEW;
      } else if (status != LeadStatus.CONTACTED) {
        status = LeadStatus.ASSIGNED;
      }
      return this;
    }

    Lead build() {
      return new Lead(id, source, name, company, phones, emails, fields, keys, status, owner, matchedAccount,
          duplicateOf, assignments, decision, firstContactAt, reroutes, slaBreachReportedFor, disqualifyReason,
          convertedTo, capturedAt, playbookVersion, version);
    }
  }
}

package dev.relay.lead;

import dev.relay.common.Reason;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a new lead duplicates a live one (open or qualified — not disqualified or converted): the same contact
 * already asked and somebody is (or will be) working them. Like Salesforce's standard lead matching, two leads are the
 * same contact when they share a phone number or an e-mail address, or when they share both the contact's name and the
 * company. A shared company alone is not enough: two people from one company are two leads (routing sends both to the
 * account's owner when the company is an owned account). The oldest matching lead wins, so a chain of repeats always
 * points at the first.
 */
final class DuplicateLeads {
  static final String RULE = "leads.duplicates";

  /**
   * The live lead the new keys duplicate, with the reasons, if any.
   *
   * @param candidates the leads sharing any key, oldest first
   */
  Optional<Match> find(Set<MatchKey> keys, List<Lead> candidates) {
    for (Lead existing : candidates) {
      if (existing.status().isClosed()) {
        continue;
      }
      List<Reason> reasons = new ArrayList<>();
      for (MatchKey k : keys) {
        if ((k.kind() == MatchKind.PHONE || k.kind() == MatchKind.EMAIL) && existing.keys().contains(k)) {
          reasons.add(new Reason(RULE, "same " + (k.kind() == MatchKind.PHONE ? "phone " : "e-mail ") + k.value()
              + " as open lead " + existing.id().value() + " (" + existing.name() + ")"));
        }
      }
      List<MatchKey> person = LeadKeys.ofKind(keys, MatchKind.PERSON_NAME);
      List<MatchKey> company = LeadKeys.ofKind(keys, MatchKind.COMPANY_NAME);
      if (!company.isEmpty() && existing.keys().containsAll(person) && existing.keys().containsAll(company)) {
        reasons.add(new Reason(RULE, "same contact " + existing.name() + " at " + existing.company()
            + " as open lead " + existing.id().value()));
      }
      if (!reasons.isEmpty()) {
        return Optional.of(new Match(existing, reasons));
      }
    }
    return Optional.empty();
  }

  /** A live lead the new one duplicates, and what they share. */
  record Match(Lead existing, List<Reason> reasons) {}
}

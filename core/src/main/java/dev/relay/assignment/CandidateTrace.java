package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rep the router considered, as the decision trace shows it.
 *
 * @param rep the rep
 * @param eligible whether every eligibility filter let the rep through
 * @param exclusions why not, one reason per failing filter (empty when eligible)
 * @param score the best-fit score, for {@link Strategy#BEST_FIT} rules; {@code null} otherwise
 * @param openLeads the rep's open leads when the decision was taken, if the rule read them: rules with an {@code
 *     open_leads} cap, least-loaded and best-fit rules; {@code null} for other rules, whose decisions do not depend on
 *     them (reading every member's load for every lead would cost more than the rest of the decision)
 */
public record CandidateTrace(RepId rep, boolean eligible, List<Reason> exclusions, @Nullable Integer score,
    @Nullable Integer openLeads) {
  public CandidateTrace {
    Objects.requireNonNull(rep, "rep");
    // Most candidates are eligible: keep the shared empty list rather than ask List.copyOf to recognise it.
    exclusions = exclusions.isEmpty() ? List.of() : List.copyOf(exclusions);
    if (eligible != exclusions.isEmpty()) {
      throw new IllegalArgumentException(rep + ": a candidate is eligible exactly when nothing excludes it");
    }
  }
}

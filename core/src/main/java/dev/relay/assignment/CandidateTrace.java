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
 * @param openLeads the rep's open leads when the decision was taken
 */
public record CandidateTrace(RepId rep, boolean eligible, List<Reason> exclusions, @Nullable Integer score,
    int openLeads) {
  public CandidateTrace {
    Objects.requireNonNull(rep, "rep");
    // Most candidates are eligible: keep the shared empty list rather than ask List.copyOf to recognise it.
    exclusions = exclusions.isEmpty() ? List.of() : List.copyOf(exclusions);
    if (eligible != exclusions.isEmpty()) {
      throw new IllegalArgumentException(rep + ": a candidate is eligible exactly when nothing excludes it");
    }
  }
}

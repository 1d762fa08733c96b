package dev.relay.assignment;

import dev.relay.common.RepId;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The candidates of a {@link RoutingDecision} as an unmodifiable list whose {@link CandidateTrace}s are made on first
 * read: a host that stores or shows the trace pays for it, a router routing thousands of leads a second does not pay
 * for twenty traces per lead that nobody reads. The screening results it is made from are immutable, so a trace read
 * late is the trace of the decision. Thread-safe: racing readers make equal traces and one is kept.
 */
final class CandidateTraces extends AbstractList<CandidateTrace> implements RandomAccess {
  private final Candidate[] candidates;
  private final Map<RepId, Integer> scores;
  private final AtomicReferenceArray<@Nullable CandidateTrace> made;

  CandidateTraces(List<Candidate> candidates, Map<RepId, Integer> scores) {
    this.candidates = candidates.toArray(new Candidate[0]);
    this.scores = scores;
    this.made = new AtomicReferenceArray<>(this.candidates.length);
  }

  @Override
  public CandidateTrace get(int index) {
    CandidateTrace trace = made.get(index);
    if (trace == null) {
      Candidate c = candidates[index];
      trace = c.trace(scores.isEmpty() ? null : scores.get(c.rep()));
      made.set(index, trace);
    }
    return trace;
  }

  @Override
  public int size() {
    return candidates.length;
  }
}

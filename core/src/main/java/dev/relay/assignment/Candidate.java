package dev.relay.assignment;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member after screening: who they are and what the filters said. Its {@link CandidateTrace} is made when the trace is
 * read, not for every member of every decision.
 *
 * @param member the member
 * @param eligible whether no filter excludes the member (kept apart from the list: strategies ask it of every member)
 * @param exclusions why the filters exclude the member; empty when eligible
 * @param openLeads the member's open leads when screened, or {@link #UNREAD} when the rule reads no load
 */
record Candidate(Member member, boolean eligible, List<Reason> exclusions, int openLeads) {
  /** The open leads of a candidate whose rule reads no load (no open-lead cap, neither least loaded nor best fit). */
  static final int UNREAD = -1;

  Candidate(Member member, List<Reason> exclusions, int openLeads) {
    this(member, exclusions.isEmpty(), exclusions, openLeads);
  }

  RepId rep() {
    return member.rep();
  }


  String display() {
    return member.display();
  }

  /** The candidate as the decision trace shows it, with the best-fit score if there is one. */
  CandidateTrace trace(@Nullable Integer score) {
    return new CandidateTrace(member.rep(), eligible, exclusions, score,
        openLeads == UNREAD ? null : openLeads);
  }
}

package dev.relay.assignment;

import dev.relay.common.RepId;

/** A member after screening: who they are and what the filters said. */
record Candidate(Member member, CandidateTrace trace) {
  RepId rep() {
    return member.rep();
  }

  boolean eligible() {
    return trace.eligible();
  }

  int openLeads() {
    return trace.openLeads();
  }

  String display() {
    return member.display();
  }
}

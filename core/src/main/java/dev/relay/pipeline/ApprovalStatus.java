package dev.relay.pipeline;

/** The state of one approval request. */
public enum ApprovalStatus {
  PENDING,
  APPROVED,
  REJECTED
}

package dev.relay.common;

/**
 * Stable machine-readable codes of {@link RelayException}s. Codes never change meaning once released; adapters map them
 * to their protocol (HTTP status, SQL state) in one table each.
 */
public enum ErrorCode {
  /** A referenced aggregate or configuration does not exist in the tenant. */
  NOT_FOUND("relay.not_found"),
  /** Input or configuration is invalid; the exception lists every problem with its path. */
  VALIDATION_FAILED("relay.validation_failed"),
  /** A move the pipeline does not allow (a skip, a back-move, a terminal deal, an unknown lost reason). */
  INVALID_TRANSITION("relay.invalid_transition"),
  /** A stage's exit criteria are not met. */
  GATE_NOT_SATISFIED("relay.gate_not_satisfied"),
  /** A stage exit needs an approval that has not been granted. */
  APPROVAL_REQUIRED("relay.approval_required"),
  /** The actor may not do this (e.g. approve on someone else's behalf). */
  FORBIDDEN("relay.forbidden"),
  /** The aggregate changed since it was read (stale version). Safe to retry after re-reading. */
  CONCURRENCY_CONFLICT("relay.concurrency_conflict"),
  /** The storage behind a port failed. */
  STORAGE_FAILURE("relay.storage_failure");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  /** The stable string form, e.g. {@code relay.gate_not_satisfied}. */
  public String code() {
    return code;
  }
}

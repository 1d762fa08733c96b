package dev.relay.common;

import java.util.List;

/**
 * An optimistic-locking failure: the aggregate was changed by someone else since it was read. Nothing was written.
 * Re-read and retry; application services retry by themselves where the command is safe to repeat.
 */
public final class ConcurrencyConflictException extends RelayException {
  private static final long serialVersionUID = 1L;

  public ConcurrencyConflictException(Object id, long expectedVersion, long actualVersion) {
    super(ErrorCode.CONCURRENCY_CONFLICT,
        "stale write to " + id + ": expected version " + expectedVersion + " but found " + actualVersion,
        List.of(new Problem("version", "expected " + expectedVersion + ", found " + actualVersion)));
  }
}

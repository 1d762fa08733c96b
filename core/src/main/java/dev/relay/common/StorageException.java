package dev.relay.common;

import java.util.List;

/** A storage adapter failed for a reason other than a stale write; the operation may or may not be retried. */
public final class StorageException extends RelayException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(ErrorCode.STORAGE_FAILURE, message, List.of(), cause);
  }
}

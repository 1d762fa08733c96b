package dev.relay.common;

import java.util.List;

/** A referenced aggregate or configuration does not exist in the tenant. */
public final class NotFoundException extends RelayException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what, Object id) {
    super(ErrorCode.NOT_FOUND, what + " not found: " + id, List.of(new Problem("", what + " " + id)));
  }
}

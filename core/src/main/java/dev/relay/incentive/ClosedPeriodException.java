package dev.relay.incentive;

import dev.relay.common.ErrorCode;
import dev.relay.common.Period;
import dev.relay.common.Problem;
import dev.relay.common.RelayException;
import dev.relay.common.TenantId;
import java.util.List;

/**
 * Thrown when something tries to change a statement of a closed period: a misuse, since corrections of closed periods
 * go through {@link StatementLedger#recalculate}, which lands them as adjustments in an open period.
 */
public final class ClosedPeriodException extends RelayException {
  private static final long serialVersionUID = 1L;

  public ClosedPeriodException(TenantId tenant, Period period) {
    super(ErrorCode.INVALID_TRANSITION, "period " + period + " of " + tenant + " is closed",
        List.of(new Problem("period", period + " is closed; corrections land as adjustments in an open period")));
  }
}

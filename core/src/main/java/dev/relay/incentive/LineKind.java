package dev.relay.incentive;

/** What produced a statement line. The order is the order lines appear in on a statement. */
public enum LineKind {
  /** A flat rate or a tier's rate on a credited amount. */
  COMMISSION,
  /** An accelerator's extra rate on revenue above its threshold. */
  ACCELERATOR,
  /** A SPIFF bonus on a matching deal. */
  SPIFF,
  /** What a deal cap took off (negative). */
  DEAL_CAP,
  /** What a decelerator took off (negative). */
  DECELERATOR,
  /** A manager's override on revenue credited below them. */
  OVERRIDE,
  /** A share of a team pool. */
  TEAM_POOL,
  /** What a period cap took off (negative). */
  PERIOD_CAP,
  /** A correction of a closed period, landed in this one. */
  ADJUSTMENT,
  /** What was paid on a cancelled or refunded deal, taken back (negative). */
  CLAWBACK,
  /** An earlier recoverable draw recovered from these earnings (negative). */
  DRAW_RECOVERY,
  /** A draw topping the period's earnings up. */
  DRAW;

  /** Whether the line pays for the deal it names, so that a clawback of that deal takes it back. */
  boolean paysForDeal() {
    return this == COMMISSION || this == ACCELERATOR || this == SPIFF || this == DEAL_CAP || this == OVERRIDE;
  }
}

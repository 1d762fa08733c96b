package dev.relay.incentive;

/**
 * What a credit line counts for. Revenue credits of one deal always add up to the deal's amount; overlay credits
 * (a specialist's or a partner manager's credit on the same deal) are kept apart, never counted as revenue
 * attainment, and pay only through components that ask for them.
 */
public enum CreditKind {
  /** A share of the deal's revenue: the shares of one deal total 100%. */
  REVENUE,
  /** Credit over and above the revenue split, e.g. for a product specialist. */
  OVERLAY
}

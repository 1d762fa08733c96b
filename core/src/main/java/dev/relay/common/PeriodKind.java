package dev.relay.common;

/** The calendar granularities Relay measures and targets by. Weeks are ISO weeks, starting on Monday. */
public enum PeriodKind {
  WEEK,
  MONTH,
  QUARTER,
  YEAR
}

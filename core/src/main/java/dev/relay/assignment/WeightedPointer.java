package dev.relay.assignment;

/**
 * A member's pointer in weighted round robin: the exact fraction {@code numerator / weight}. Each lead the member
 * receives adds {@code 1 / weight}, i.e. one to the numerator, so the pointer lives on the member's own grid and
 * arithmetic stays exact in {@code long}s: no rounding can drift a 2:1:1 split, and comparing two pointers
 * cross-multiplies small numbers (the router keeps pointers below 2 by subtracting whole rounds).
 *
 * @param numerator the pointer times the weight (may be negative only in stored state written by other tools)
 * @param weight the member's weight when the pointer was written (at least 1)
 * @throws IllegalArgumentException if the weight is below 1
 */
public record WeightedPointer(long numerator, int weight) implements Comparable<WeightedPointer> {
  public WeightedPointer {
    if (weight < 1) {
      throw new IllegalArgumentException("a pointer's weight must be at least 1: " + weight);
    }
  }

  /** The pointer at zero for a member of this weight. */
  public static WeightedPointer zero(int weight) {
    return new WeightedPointer(0, weight);
  }

  /** The pointer after the member received one more lead: {@code + 1/weight}. */
  public WeightedPointer advanced() {
    return new WeightedPointer(Math.addExact(numerator, 1), weight);
  }

  /** The same position on another member weight's grid, rounded up so that a re-weighted member never gains. */
  public WeightedPointer reweighted(int newWeight) {
    if (newWeight == weight) {
      return this;
    }
    return new WeightedPointer(ceilDiv(Math.multiplyExact(numerator, (long) newWeight), weight), newWeight);
  }

  /** The smallest pointer on this grid that is at least {@code floor}. */
  public WeightedPointer atLeast(WeightedPointer floor) {
    if (compareTo(floor) >= 0) {
      return this;
    }
    return new WeightedPointer(ceilDiv(Math.multiplyExact(floor.numerator, (long) weight), floor.weight), weight);
  }

  /** The pointer moved down by {@code rounds} whole units (every member is moved alike, so the order holds). */
  public WeightedPointer minusRounds(long rounds) {
    return new WeightedPointer(Math.subtractExact(numerator, Math.multiplyExact(rounds, (long) weight)), weight);
  }

  /** The whole units below the pointer: {@code floor(numerator / weight)}. */
  public long wholeRounds() {
    return Math.floorDiv(numerator, (long) weight);
  }

  @Override
  public int compareTo(WeightedPointer other) {
    return Long.compare(Math.multiplyExact(numerator, (long) other.weight),
        Math.multiplyExact(other.numerator, (long) weight));
  }

  /** The reduced fraction, e.g. {@code 1/2}, {@code 1}, {@code 4/3}. */
  @Override
  public String toString() {
    long g = gcd(Math.abs(numerator), weight);
    long n = numerator / g;
    long d = weight / g;
    return d == 1 ? Long.toString(n) : n + "/" + d;
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
  }
}

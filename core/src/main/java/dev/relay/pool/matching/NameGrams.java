package dev.relay.pool.matching;

import java.util.Arrays;
import java.util.Objects;

/**
 * The character bigrams of a normalised name, and the similarity of two names over them.
 *
 * <p><b>Similarity</b> is the Sørensen–Dice coefficient over the <em>sets</em> of character bigrams: {@code 2·|A∩B| /
 * (|A|+|B|)}, in [0, 1]. Bigrams suit both scripts: a Chinese company name carries its meaning two characters at a
 * time ({@code 振华 · 华重 · 重工}), and in a space-less English key they still see every letter pair, so one mistyped
 * letter costs only two of many bigrams. A name of a single character has that character as its only gram, so that
 * very short names can still be found. Sets rather than multisets keep the measure equal to what an inverted index can
 * count: one posting per gram and account.
 *
 * <p>Instances are immutable and thread-safe. Grams are UTF-16 code-unit pairs packed into an {@code int}; a
 * single-character gram is the character alone, which cannot collide with a pair because a normalised name never
 * contains U+0000.
 */
public final class NameGrams {
  private final int[] grams;

  private NameGrams(int[] grams) {
    this.grams = grams;
  }

  /**
   * The grams of a normalised name (a {@link MatchKind#COMPANY_NAME} or {@link MatchKind#PERSON_NAME} value).
   *
   * @throws NullPointerException if the name is null
   */
  public static NameGrams of(String normalizedName) {
    Objects.requireNonNull(normalizedName, "normalizedName");
    int n = normalizedName.length();
    if (n == 0) {
      return new NameGrams(new int[0]);
    }
    if (n == 1) {
      return new NameGrams(new int[] {normalizedName.charAt(0)});
    }
    int[] pairs = new int[n - 1];
    for (int i = 0; i < n - 1; i++) {
      pairs[i] = (normalizedName.charAt(i) << 16) | normalizedName.charAt(i + 1);
    }
    Arrays.sort(pairs);
    int distinct = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        pairs[distinct++] = pairs[i];
      }
    }
    return new NameGrams(distinct == pairs.length ? pairs : Arrays.copyOf(pairs, distinct));
  }

  /** The Dice similarity of two normalised names, in [0, 1]; 1 for equal names. */
  public static double similarity(String a, String b) {
    return of(a).dice(of(b));
  }

  /** How many distinct grams the name has. */
  public int size() {
    return grams.length;
  }

  /** How many distinct grams the two names share. */
  public int overlap(NameGrams other) {
    return overlap(grams, other.grams);
  }

  /** The size of the intersection of two sorted, distinct gram arrays. */
  static int overlap(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** The Dice coefficient with another name's grams, in [0, 1]; 0 when both are empty. */
  public double dice(NameGrams other) {
    return dice(overlap(other), size(), other.size());
  }

  /** The Dice coefficient from an overlap count, for indexes that count shared grams themselves. */
  static double dice(int overlap, int sizeA, int sizeB) {
    int total = sizeA + sizeB;
    return total == 0 ? 0.0 : 2.0 * overlap / total;
  }

  /** The gram codes, sorted and distinct; callers must not modify the array. */
  int[] codes() {
    return grams;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NameGrams other && Arrays.equals(grams, other.grams);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(grams);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("NameGrams[");
    for (int i = 0; i < grams.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      int g = grams[i];
      if (g >>> 16 != 0) {
        sb.append((char) (g >>> 16));
      }
      sb.append((char) (g & 0xFFFF));
    }
    return sb.append(']').toString();
  }
}

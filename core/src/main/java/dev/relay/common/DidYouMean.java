package dev.relay.common;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Finds the known name a misspelt one was probably meant to be, for "did you mean" hints in problem messages. */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within a third of the name's length in edits (at least one), or {@code null}. */
  public static @Nullable String closest(String unknown, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(unknown, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(1, unknown.length() / 3) ? best : null;
  }

  /** {@code " (did you mean 'x'?)"} when a candidate is close, otherwise {@code " (<noun>: a, b, c)"}. */
  public static String hint(String unknown, Collection<String> candidates, String noun) {
    String close = closest(unknown, candidates);
    if (close != null) {
      return " (did you mean '" + close + "'?)";
    }
    return candidates.isEmpty() ? "" : " (" + noun + ": " + String.join(", ", candidates) + ")";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}

package dev.relay.pool.matching;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a candidate matched. A similarity outside [0, 1] is refused with {@link IllegalArgumentException}.
 *
 * @param kind the kind of key
 * @param value the normalised value they share (for names: the candidate's normalised name)
 * @param similarity 1.0 for an exact key, otherwise the {@linkplain NameGrams name similarity} in [0, 1]
 * @param explanation in words, e.g. {@code same unified social credit code 91310000MA1FL1234X}
 */
public record MatchReason(MatchKind kind, String value, double similarity, String explanation) {
  public MatchReason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(explanation, "explanation");
    if (!(similarity >= 0.0 && similarity <= 1.0)) {
      throw new IllegalArgumentException("similarity must be in [0, 1], got " + similarity);
    }
  }

  /** Both accounts hold this exact key. */
  public static MatchReason sameKey(MatchKey key) {
    String what = switch (key.kind()) {
      case COMPANY_NAME -> "company name";
      case PERSON_NAME -> "person name";
      case PHONE -> "phone";
      case EMAIL -> "e-mail address";
      case EMAIL_DOMAIN -> "company e-mail domain";
      case CREDIT_CODE -> "unified social credit code";
    };
    boolean name = key.kind() == MatchKind.COMPANY_NAME || key.kind() == MatchKind.PERSON_NAME;
    return new MatchReason(key.kind(), key.value(), 1.0,
        "same " + what + " " + (name ? "'" + key.value() + "'" : key.value()));
  }

  /** The candidate's name is this similar to the new one's (a possible duplicate). */
  public static MatchReason similarName(MatchKind kind, String candidateName, double similarity) {
    return new MatchReason(kind, candidateName, similarity,
        "name " + percent(similarity) + " similar to '" + candidateName + "'");
  }

  /** The candidate is the parent company of the new account, a branch. */
  public static MatchReason parentCompany(String parentName, double similarity) {
    return new MatchReason(MatchKind.COMPANY_NAME, parentName, similarity,
        "parent company '" + parentName + "' of the branch");
  }

  /** The candidate is a branch of the new account's company. */
  public static MatchReason branch(String branchName, double similarity) {
    return new MatchReason(MatchKind.COMPANY_NAME, branchName, similarity,
        "branch '" + branchName + "' of the company");
  }

  /** Rounded down, so that 99.6% does not read as 100%. */
  private static String percent(double similarity) {
    return String.format(Locale.ROOT, "%d%%", (int) Math.floor(similarity * 100));
  }
}

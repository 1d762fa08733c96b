package dev.relay.pool.matching;

import dev.relay.common.ValidationException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T-U
 * W-Y} (no I, O, Z, S or V), the last a check character over the first 17. Every registered organisation in mainland
 * China has exactly one, which makes it the strongest duplicate key there is.
 *
 * <p>The check character is the one whose value {@code c} makes {@code Σ value(cᵢ)·wᵢ + c ≡ 0 (mod 31)} with weights
 * {@code 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28} (3ⁱ mod 31), values being positions in the
 * 31-character alphabet. Because 31 is prime and no weight is 0 mod 31, any single changed character changes the
 * check. Nothing else about the structure (registration authority, region code) is checked, so no real code is refused
 * for a rule we might get wrong.
 */
public final class UnifiedSocialCreditCode {
  /** The 31 characters a code may use, in value order. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private UnifiedSocialCreditCode() {}

  /**
   * The check character for the first 17 characters of a code.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 characters of the alphabet
   */
  public static char checkCharacter(CharSequence first17) {
    Objects.requireNonNull(first17, "first17");
    if (first17.length() != 17) {
      throw new IllegalArgumentException("a check character needs 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit-code character");
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** Whether {@code code} is a well-formed code as given (upper case, no separators) with the right check character. */
  public static boolean isValid(String code) {
    Objects.requireNonNull(code, "code");
    if (code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.subSequence(0, 17)) == code.charAt(17);
  }

  /**
   * The canonical form of a written code: full-width characters made half-width, upper case, with spaces and hyphens
   * removed.
   *
   * @throws ValidationException at path {@code credit_code} if it is not 18 characters, uses a character outside the
   *     alphabet, or has the wrong check character
   */
  public static String normalize(String written) {
    Objects.requireNonNull(written, "written");
    String code = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("[\\s-]", "")
        .toUpperCase(Locale.ROOT);
    if (code.length() != 18) {
      throw invalid("a unified social credit code has 18 characters, '" + written + "' has " + code.length());
    }
    for (int i = 0; i < 18; i++) {
      char c = code.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        throw invalid("'" + c + "' at position " + (i + 1) + " cannot occur in a unified social credit code (it uses"
            + " 0-9 and A-Y except I, O, S, V and Z)");
      }
    }
    if (checkCharacter(code.subSequence(0, 17)) != code.charAt(17)) {
      throw invalid("the check character (the last) of '" + code + "' does not match the first 17 characters;"
          + " the code is mistyped");
    }
    return code;
  }

  private static ValidationException invalid(String message) {
    return ValidationException.of("credit_code", message);
  }
}

package dev.relay.pool.matching;

import dev.relay.common.DidYouMean;
import dev.relay.common.ValidationException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns phone numbers as people write them into E.164. See {@link AccountKeys#phone} for what is accepted; this class
 * holds the region table and the parsing.
 *
 * <p>The table is deliberately small and honest: for each region the shapes of its numbers as dialled at home (with the
 * trunk prefix) and after the country code. It checks lengths and leading digits, not number allocation, so it accepts
 * some numbers that are not in service; it never guesses a region it does not know.
 */
final class PhoneNumbers {
  /**
   * One region's numbering plan, as far as we check it.
   *
   * @param callingCode the country calling code, without {@code +}
   * @param trunkPrefix dialled before a national number at home ({@code 0} in CN, {@code 1} in NANP), or empty
   * @param domestic a number as dialled at home, trunk prefix included where one is needed
   * @param national the national significant number, as written after the country code
   * @param example what to tell someone whose number does not fit
   */
  record Region(String code, String callingCode, String trunkPrefix, Pattern domestic, Pattern national,
      String example) {}

  private static final Region NANP_US = new Region("US", "1", "1",
      Pattern.compile("1?[2-9]\\d{2}[2-9]\\d{6}"), Pattern.compile("[2-9]\\d{2}[2-9]\\d{6}"),
      "a 10-digit number like (415) 555-0100");

  /** Supported default regions; US and CA share the North American Numbering Plan (+1). */
  static final Map<String, Region> REGIONS = regions(List.of(
      // Mainland China: mobiles 1[3-9] + 9 digits; landlines trunk 0 + area code (10, 2x, or 3 digits from 3-9)
      // + 7–8-digit subscriber; 400/800 service numbers without trunk prefix.
      new Region("CN", "86", "0",
          Pattern.compile("1[3-9]\\d{9}|0(?:10\\d{8}|2\\d{9}|[3-9]\\d{9,10})|[48]00\\d{7}"),
          Pattern.compile("1[3-9]\\d{9}|10\\d{8}|2\\d{9}|[3-9]\\d{9,10}"),
          "a mobile like 138 1234 5678 or a landline with its area code like 021-12345678"),
      new Region("HK", "852", "", Pattern.compile("[2-9]\\d{7}"), Pattern.compile("[2-9]\\d{7}"),
          "an 8-digit number like 2345 6789"),
      NANP_US,
      new Region("CA", "1", "1", NANP_US.domestic(), NANP_US.national(), NANP_US.example()),
      new Region("GB", "44", "0", Pattern.compile("0[1-9]\\d{8,9}"), Pattern.compile("[1-9]\\d{8,9}"),
          "a number with its trunk 0 like 020 7946 0018"),
      // Germany's numbers vary in length; 6 to 13 digits after the trunk prefix.
      new Region("DE", "49", "0", Pattern.compile("0[1-9]\\d{5,12}"), Pattern.compile("[1-9]\\d{5,12}"),
          "a number with its trunk 0 like 030 901820"),
      new Region("SG", "65", "", Pattern.compile("[3689]\\d{7}"), Pattern.compile("[3689]\\d{7}"),
          "an 8-digit number like 6123 4567"),
      new Region("JP", "81", "0", Pattern.compile("0[1-9]\\d{8,9}"), Pattern.compile("[1-9]\\d{8,9}"),
          "a number with its trunk 0 like 03-1234-5678")));

  /** Extensions are dropped: the key is the line, not the desk. */
  private static final Pattern EXTENSION =
      Pattern.compile("\\s*(?:转|分机|ext\\.?|x|#)\\s*\\d{1,6}\\s*$", Pattern.CASE_INSENSITIVE);

  /** Digits and the separators people write between them; a {@code +} only in front ({@code (+86)} too). */
  private static final Pattern WRITTEN = Pattern.compile("(?:\\(\\s*)?\\+?[\\d\\s().\\-/]+");

  /** A {@code +} in front, possibly inside a parenthesis: {@code (+86) 138…}. */
  private static final Pattern PLUS = Pattern.compile("^(?:\\(\\s*)?\\+");

  private PhoneNumbers() {}

  static Region region(String code) {
    Region region = REGIONS.get(code.toUpperCase(Locale.ROOT));
    if (region == null) {
      throw new IllegalArgumentException("unsupported phone region '" + code + "'"
          + DidYouMean.hint(code.toUpperCase(Locale.ROOT), REGIONS.keySet(), "supported"));
    }
    return region;
  }

  /**
   * The E.164 form of a written number.
   *
   * @throws ValidationException at path {@code phone} if it is not a number of a known shape
   */
  static String toE164(String raw, Region home) {
    String written = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
    if (written.isEmpty()) {
      throw invalid("is empty");
    }
    written = EXTENSION.matcher(written).replaceFirst("");
    if (!WRITTEN.matcher(written).matches()) {
      for (int i = 0; i < written.length(); i++) {
        char c = written.charAt(i);
        if (!isWritten(c)) {
          throw invalid("'" + raw + "' is not a phone number: unexpected '" + c + "'");
        }
      }
      throw invalid("'" + raw + "' is not a phone number: '+' may only come first");
    }
    String digits = written.replaceAll("\\D", "");
    if (PLUS.matcher(written).find()) {
      return international(raw, digits);
    }
    if (digits.startsWith("00")) {
      return international(raw, digits.substring(2));
    }
    if (home.callingCode().equals("1") && digits.startsWith("011")) {
      return international(raw, digits.substring(3));
    }
    if (home.domestic().matcher(digits).matches()) {
      String national = digits.startsWith(home.trunkPrefix()) && !home.national().matcher(digits).matches()
          ? digits.substring(home.trunkPrefix().length())
          : digits;
      return "+" + home.callingCode() + national;
    }
    // The country code written without + or 00, e.g. 86 138 1234 5678.
    if (digits.startsWith(home.callingCode())) {
      Optional<String> national = national(home, digits.substring(home.callingCode().length()));
      if (national.isPresent()) {
        return "+" + home.callingCode() + national.get();
      }
    }
    throw invalid("'" + raw + "' is not a valid " + home.code() + " phone number (expected " + home.example()
        + ", or + and a country code)");
  }

  private static String international(String raw, String digits) {
    for (Region region : REGIONS.values()) {
      if (digits.startsWith(region.callingCode())) {
        return national(region, digits.substring(region.callingCode().length()))
            .map(n -> "+" + region.callingCode() + n)
            .orElseThrow(() -> invalid("'" + raw + "' is not a valid +" + region.callingCode() + " ("
                + region.code() + ") phone number (expected " + region.example() + " after +"
                + region.callingCode() + ")"));
      }
    }
    // A country outside the table: only E.164's own limits are checked.
    if (digits.length() < 8 || digits.length() > 15 || digits.charAt(0) == '0') {
      throw invalid("'" + raw + "' is not a valid international number (E.164 allows 8 to 15 digits after +, the"
          + " first not 0)");
    }
    return "+" + digits;
  }

  /** The national significant number, forgiving a trunk prefix written after the country code ({@code +86 (0)21…}). */
  private static Optional<String> national(Region region, String digits) {
    if (region.national().matcher(digits).matches()) {
      return Optional.of(digits);
    }
    String trunk = region.trunkPrefix();
    if (!trunk.isEmpty() && digits.startsWith(trunk)) {
      String rest = digits.substring(trunk.length());
      if (region.national().matcher(rest).matches()) {
        return Optional.of(rest);
      }
    }
    return Optional.empty();
  }

  /** What {@link #WRITTEN} allows, character by character ({@code \d} and {@code \s} are ASCII-only there). */
  private static boolean isWritten(char c) {
    return (c >= '0' && c <= '9') || " \t\n\u000B\f\r+().-/".indexOf(c) >= 0;
  }

  private static ValidationException invalid(String message) {
    return ValidationException.of("phone", message);
  }

  private static Map<String, Region> regions(List<Region> regions) {
    Map<String, Region> byCode = new LinkedHashMap<>();
    for (Region r : regions) {
      byCode.put(r.code(), r);
    }
    return Collections.unmodifiableMap(byCode);
  }
}

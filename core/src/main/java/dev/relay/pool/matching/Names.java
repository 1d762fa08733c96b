package dev.relay.pool.matching;

import dev.relay.common.ValidationException;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Normalises company and person names into match keys. See {@link AccountKeys#companyName} for the rules; this class
 * holds their mechanics.
 *
 * <p>A name is first folded (NFKC, which turns full-width letters, digits and punctuation half-width, then full case
 * folding) and cut into tokens: runs of letters and digits, split at everything else and at every change between CJK
 * and other scripts, so that {@code 华为Co.} and {@code 华为 Co.} are the same tokens. English legal forms are whole
 * trailing tokens (so {@code Costco} keeps its {@code co}); Chinese ones are trailing characters of the joined tokens
 * (so white space inside {@code 有限 公司} does not matter). The key is the tokens joined without separators.
 */
final class Names {
  /** Chinese legal forms and group markers stripped from the end of a company name; longest match wins. */
  static final List<String> CHINESE_LEGAL_FORMS = byLengthDescending(List.of(
      "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司", "集团", "有限合伙", "合伙企业"));

  /**
   * English (and a few continental) legal forms stripped from the end of a company name, as token sequences because
   * punctuation splits {@code S.A.} into {@code s a}; longest match wins.
   */
  static final List<List<String>> ENGLISH_LEGAL_FORMS = byTokenCountDescending(List.of(
      List.of("inc"), List.of("incorporated"), List.of("ltd"), List.of("limited"), List.of("llc"),
      List.of("l", "l", "c"), List.of("llp"), List.of("l", "l", "p"), List.of("limited", "liability"),
      List.of("limited", "liability", "company"), List.of("gmbh"), List.of("co"), List.of("corp"),
      List.of("corporation"), List.of("company"), List.of("plc"), List.of("sa"), List.of("s", "a"), List.of("ag"),
      List.of("kg"), List.of("pte"), List.of("pty"), List.of("bv"), List.of("b", "v"), List.of("nv"),
      List.of("n", "v"), List.of("srl"), List.of("s", "r", "l"), List.of("sarl"), List.of("spa"),
      List.of("s", "p", "a"), List.of("a", "s"), List.of("kk"), List.of("group")));

  /** Words that end the name of a branch or representative office (分支机构). */
  static final List<String> CHINESE_BRANCH_WORDS = byLengthDescending(List.of(
      "分公司", "分店", "分厂", "分部", "办事处", "营业部", "分行", "支行"));

  /** The same in English, as token sequences. */
  static final List<List<String>> ENGLISH_BRANCH_WORDS = byTokenCountDescending(List.of(
      List.of("branch"), List.of("branch", "office"), List.of("representative", "office")));

  /** Separates parent and branch in a branch key; punctuation never survives normalisation otherwise. */
  static final char BRANCH_SEPARATOR = '/';

  private Names() {}

  static String company(String raw) {
    return fixedPoint(companyOnce(raw), Names::companyOnce);
  }

  static String person(String raw) {
    return fixedPoint(personOnce(raw), Names::personOnce);
  }

  /**
   * Normalises a key again until it no longer changes. A key is its tokens joined, and joined tokens can tokenise
   * differently ({@code 龟 c o} joins to {@code 龟co}, which splits into {@code 龟 co}; a stray combining mark composes
   * with the letter before it), so one pass is not always idempotent; the fixed point is, by construction. Each further
   * pass only strips or composes, so it comes within a round or two.
   */
  private static String fixedPoint(String key, UnaryOperator<String> once) {
    for (int round = 0; round < 8; round++) {
      String again = once.apply(key);
      if (again.equals(key)) {
        return key;
      }
      key = again;
    }
    return key;
  }

  private static String companyOnce(String raw) {
    String folded = fold(raw);
    int slash = folded.indexOf(BRANCH_SEPARATOR);
    if (slash >= 0) {
      // A branch key given back to us (normalisation must be idempotent): keep its split if it has the key's shape.
      Optional<String> again = reparseBranchKey(folded, slash);
      if (again.isPresent()) {
        return again.get();
      }
    }
    List<String> tokens = tokens(folded);
    if (tokens.isEmpty()) {
      throw ValidationException.of("name", "has no letters or digits");
    }
    return company(tokens);
  }

  private static String personOnce(String raw) {
    List<String> tokens = tokens(fold(raw));
    if (tokens.isEmpty()) {
      throw ValidationException.of("name", "has no letters or digits");
    }
    return String.join("", tokens);
  }

  /** The parent part of a branch key, or empty if the key is not a branch. */
  static Optional<String> parentOfBranch(String companyKey) {
    int slash = companyKey.indexOf(BRANCH_SEPARATOR);
    return slash > 0 ? Optional.of(companyKey.substring(0, slash)) : Optional.empty();
  }

  private static String company(List<String> tokens) {
    List<String> current = new ArrayList<>(tokens);
    while (true) {
      int split = branchSplit(current);
      if (split > 0) {
        String joined = String.join("", current);
        return stripped(cut(current, split)) + BRANCH_SEPARATOR + joined.substring(split);
      }
      if (!stripOneLegalForm(current)) {
        return String.join("", current);
      }
    }
  }

  /** The name without its trailing legal forms; a parent is never split again, so a key has at most one branch. */
  private static String stripped(List<String> tokens) {
    List<String> current = new ArrayList<>(tokens);
    while (stripOneLegalForm(current)) {
      // strip until none is left
    }
    return String.join("", current);
  }

  private static Optional<String> reparseBranchKey(String folded, int slash) {
    String left = folded.substring(0, slash);
    String right = folded.substring(slash + 1);
    List<String> leftTokens = tokens(left);
    List<String> rightTokens = tokens(right);
    boolean shaped = !leftTokens.isEmpty() && String.join("", leftTokens).equals(left)
        && !rightTokens.isEmpty() && String.join("", rightTokens).equals(right)
        && endsWithBranchWord(rightTokens);
    if (!shaped) {
      return Optional.empty();
    }
    return Optional.of(stripped(leftTokens) + BRANCH_SEPARATOR + right);
  }

  /**
   * Where the parent ends in a branch name, as an offset into the joined tokens, or -1. The name must end with a branch
   * word and have a legal form somewhere before it ({@code XX有限公司北京分公司}, {@code ACME Ltd. Shanghai Branch}):
   * without one we cannot tell the parent from the place ({@code 华为北京分公司}), so the name stays whole and is left to
   * similarity.
   */
  private static int branchSplit(List<String> tokens) {
    String joined = String.join("", tokens);
    int branchStart = -1;
    for (String word : CHINESE_BRANCH_WORDS) {
      if (joined.endsWith(word)) {
        branchStart = joined.length() - word.length();
        break;
      }
    }
    if (branchStart < 0) {
      for (List<String> words : ENGLISH_BRANCH_WORDS) {
        if (endsWith(tokens, words) && tokens.size() > words.size()) {
          branchStart = joined.length() - String.join("", words).length();
          break;
        }
      }
    }
    if (branchStart <= 0) {
      return -1;
    }
    int best = -1;
    String prefix = joined.substring(0, branchStart);
    for (String form : CHINESE_LEGAL_FORMS) {
      int at = prefix.lastIndexOf(form);
      if (at > 0) {
        best = Math.max(best, at + form.length());
      }
    }
    int offset = 0;
    for (int i = 0; i < tokens.size() && offset < branchStart; i++) {
      String token = tokens.get(i);
      offset += token.length();
      if (i > 0 && offset <= branchStart && isEnglishLegalFormToken(token)) {
        best = Math.max(best, offset);
      }
    }
    return best;
  }

  private static boolean isEnglishLegalFormToken(String token) {
    for (List<String> form : ENGLISH_LEGAL_FORMS) {
      if (form.size() == 1 && form.get(0).equals(token)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes the longest trailing legal form; false if there is none, or if it is the whole name — then a shorter form
   * must not be taken either ({@code 有限公司} alone is not {@code 有限} + {@code 公司}).
   */
  private static boolean stripOneLegalForm(List<String> tokens) {
    for (List<String> form : ENGLISH_LEGAL_FORMS) {
      if (endsWith(tokens, form)) {
        if (tokens.size() == form.size()) {
          return false;
        }
        tokens.subList(tokens.size() - form.size(), tokens.size()).clear();
        return true;
      }
    }
    String joined = String.join("", tokens);
    // 分公司 ends with 公司, but a branch word is part of the name, not a legal form.
    for (String word : CHINESE_BRANCH_WORDS) {
      if (joined.endsWith(word)) {
        return false;
      }
    }
    for (String form : CHINESE_LEGAL_FORMS) {
      if (joined.endsWith(form)) {
        if (joined.length() == form.length()) {
          return false;
        }
        List<String> kept = cut(tokens, joined.length() - form.length());
        tokens.clear();
        tokens.addAll(kept);
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithBranchWord(List<String> tokens) {
    String joined = String.join("", tokens);
    for (String word : CHINESE_BRANCH_WORDS) {
      if (joined.endsWith(word)) {
        return true;
      }
    }
    for (List<String> words : ENGLISH_BRANCH_WORDS) {
      if (joined.endsWith(String.join("", words))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(List<String> tokens, List<String> suffix) {
    int offset = tokens.size() - suffix.size();
    if (offset < 0) {
      return false;
    }
    for (int i = 0; i < suffix.size(); i++) {
      if (!tokens.get(offset + i).equals(suffix.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The tokens covering the first {@code length} characters of their concatenation. */
  private static List<String> cut(List<String> tokens, int length) {
    List<String> out = new ArrayList<>();
    int remaining = length;
    for (String token : tokens) {
      if (remaining <= 0) {
        break;
      }
      out.add(token.length() <= remaining ? token : token.substring(0, remaining));
      remaining -= token.length();
    }
    return out;
  }

  /**
   * NFKC, then full case folding (upper then lower, so that {@code ß} and {@code SS} agree), repeated until nothing
   * changes: one round is not always idempotent ({@code ẞ → ß → ss}, {@code ǰ → J̌ → ǰ} decomposed).
   */
  static String fold(String raw) {
    String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    if (isAscii(folded)) {
      return folded.toLowerCase(Locale.ROOT);
    }
    for (int round = 0; round < 4; round++) {
      String next = Normalizer.normalize(folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
          Normalizer.Form.NFKC);
      if (next.equals(folded)) {
        break;
      }
      folded = next;
    }
    return folded;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Runs of letters, digits and marks, split at anything else and where CJK meets other scripts. */
  static List<String> tokens(String folded) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean currentCjk = false;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (!isWordCharacter(cp)) {
        flush(current, tokens);
        continue;
      }
      boolean cjk = isCjk(cp);
      if (current.length() > 0 && cjk != currentCjk && Character.getType(cp) != Character.NON_SPACING_MARK) {
        flush(current, tokens);
      }
      currentCjk = cjk;
      current.appendCodePoint(cp);
    }
    flush(current, tokens);
    return tokens;
  }

  private static void flush(StringBuilder current, List<String> tokens) {
    if (current.length() > 0) {
      tokens.add(current.toString());
      current.setLength(0);
    }
  }

  private static boolean isWordCharacter(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.LETTER_NUMBER || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isCjk(int cp) {
    UnicodeScript script = UnicodeScript.of(cp);
    return script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
        || script == UnicodeScript.HANGUL || cp == 0x3007;
  }

  private static List<String> byLengthDescending(List<String> words) {
    return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static List<List<String>> byTokenCountDescending(List<List<String>> forms) {
    return forms.stream().sorted(Comparator.<List<String>>comparingInt(List::size).reversed()).toList();
  }
}

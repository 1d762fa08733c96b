package dev.relay.pool.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.pool.AccountKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of matching: normalisation is idempotent and blind to how a name is typed, credit-code checking catches
 * every single-character error, and the indexed detector finds exactly what a brute-force scan of the registry finds.
 */
class MatchingProperties {
  private static final TenantId TENANT = TenantId.of("acme-crm");

  // --- names ---

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void companyNameNormalisationIsIdempotent(@ForAll("companyNames") String name) {
    String key = AccountKeys.companyName(name).value();
    Statistics.collect(AccountKeys.parentCompany(AccountKeys.companyName(name)).isPresent() ? "branch" : "company");
    assertEquals(key, AccountKeys.companyName(key).value(), () -> name + " → " + key);
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void normalisationOfAnyTextIsIdempotent(@ForAll String text) {
    Optional<String> company = normalized(() -> AccountKeys.companyName(text).value());
    Statistics.collect(company.isPresent() ? "has letters" : "rejected");
    company.ifPresent(key -> assertEquals(key, AccountKeys.companyName(key).value(), text));
    normalized(() -> AccountKeys.personName(text).value())
        .ifPresent(key -> assertEquals(key, AccountKeys.personName(key).value(), text));
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void companyNameKeyIgnoresCaseWidthAndWhiteSpace(@ForAll("companyNames") String name, @ForAll long seed) {
    String typed = perturb(name, new java.util.Random(seed));
    assertEquals(AccountKeys.companyName(name), AccountKeys.companyName(typed), () -> name + " typed as " + typed);
    assertEquals(AccountKeys.personName(name), AccountKeys.personName(typed), () -> name + " typed as " + typed);
  }

  // --- phones ---

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void mainlandMobilesReadTheSameHoweverTheyAreWritten(@ForAll("mobiles") String digits, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    String prefix = List.of("", "+86 ", "+86-", "0086 ", "86 ", "(+86) ", "＋８６").get(random.nextInt(7));
    String written = prefix + separate(digits, random);
    if (random.nextBoolean()) {
      written = fullWidth(written);
    }
    String e164 = AccountKeys.phone(written, "CN").value();
    assertEquals("+86" + digits, e164, written);
    assertEquals(e164, AccountKeys.phone(e164, "US").value(), "E.164 reads as itself anywhere");
  }

  // --- credit codes ---

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void everyGeneratedCreditCodePasses(@ForAll("creditCodes") String code) {
    assertTrue(UnifiedSocialCreditCode.isValid(code), code);
    assertEquals(code, AccountKeys.creditCode(code.toLowerCase(java.util.Locale.ROOT)).value());
  }

  @Property(afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void anySingleCharacterChangeToACreditCodeFails(@ForAll("creditCodes") String code,
      @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 35) int shift) {
    // Shift through the alphabet plus the five letters a code must not use, so both kinds of error are made.
    String characters = UnifiedSocialCreditCode.ALPHABET + "IOSVZ";
    int at = characters.indexOf(code.charAt(position));
    char replacement = characters.charAt((at + shift) % characters.length());
    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
    Statistics.collect("IOSVZ".indexOf(replacement) >= 0 ? "forbidden character" : "wrong check");
    assertFalse(UnifiedSocialCreditCode.isValid(changed), changed);
    ValidationException e = assertThrows(ValidationException.class, () -> AccountKeys.creditCode(changed));
    assertEquals("credit_code", e.problems().get(0).path());
  }

  // --- the detector against a linear scan ---

  @Property(tries = 300, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void detectorFindsWhatALinearScanFinds(@ForAll("registries") List<Tuple.Tuple2<String, Account>> writes,
      @ForAll("accounts") Account query, @ForAll @DoubleRange(min = 0.3, max = 0.95) double threshold) {
    InMemoryMatchIndex index = new InMemoryMatchIndex();
    Map<AccountId, Set<MatchKey>> registry = new LinkedHashMap<>();
    for (Tuple.Tuple2<String, Account> write : writes) {
      AccountId id = AccountId.of(TENANT, write.get1());
      if (write.get2() == null) {
        index.remove(TENANT, id);
        registry.remove(id);
      } else {
        Set<MatchKey> keys = write.get2().keys();
        index.put(TENANT, id, keys);
        registry.put(id, keys);
      }
    }
    Set<MatchKey> keys = query.keys();

    List<DuplicateCandidate> found = new DuplicateDetector(index).find(TENANT, keys, threshold);
    List<DuplicateCandidate> scanned = linearScan(registry, keys, threshold);

    Statistics.label("exact").collect(found.stream().anyMatch(DuplicateCandidate::exact) ? "some" : "none");
    Statistics.label("possible").collect(found.stream().anyMatch(c -> !c.exact()) ? "some" : "none");
    Statistics.label("exact").coverage(c -> c.check("some").percentage(p -> p > 10));
    Statistics.label("possible").coverage(c -> c.check("some").percentage(p -> p > 10));
    Statistics.label("branch relation").collect(found.stream().flatMap(c -> c.reasons().stream())
        .anyMatch(r -> r.explanation().startsWith("parent") || r.explanation().startsWith("branch")));
    Statistics.label("branch relation").coverage(c -> c.check(true).percentage(p -> p > 2));
    assertEquals(scanned.stream().filter(DuplicateCandidate::exact).toList(),
        found.stream().filter(DuplicateCandidate::exact).toList(), "exact matches");
    assertEquals(scanned, found, "all candidates");
  }

  /** The specification of the detector, by brute force: every account compared with the query. */
  private static List<DuplicateCandidate> linearScan(Map<AccountId, Set<MatchKey>> registry, Set<MatchKey> query,
      double threshold) {
    List<MatchKey> sortedQuery = query.stream()
        .sorted(Comparator.comparing(MatchKey::kind).thenComparing(MatchKey::value)).toList();
    MatchKey queryName = sortedQuery.stream().filter(MatchingProperties::isName).findFirst().orElseThrow();
    Optional<MatchKey> parent = AccountKeys.parentCompany(queryName);
    List<DuplicateCandidate> out = new ArrayList<>();
    for (Map.Entry<AccountId, Set<MatchKey>> account : registry.entrySet()) {
      List<MatchReason> reasons = new ArrayList<>();
      for (MatchKey k : sortedQuery) {
        if (account.getValue().contains(k)) {
          reasons.add(MatchReason.sameKey(k));
        }
      }
      boolean exact = !reasons.isEmpty();
      MatchKey name = account.getValue().stream().filter(MatchingProperties::isName).findFirst().orElseThrow();
      double similarity = NameGrams.similarity(queryName.value(), name.value());
      if (account.getValue().contains(queryName)) {
        // the exact name reason says it all
      } else if (parent.isPresent() && account.getValue().contains(parent.get())) {
        reasons.add(MatchReason.parentCompany(name.value(), similarity));
      } else if (queryName.kind() == MatchKind.COMPANY_NAME && name.value().startsWith(queryName.value() + "/")) {
        reasons.add(MatchReason.branch(name.value(), similarity));
      } else if (similarity >= threshold) {
        reasons.add(MatchReason.similarName(queryName.kind(), name.value(), similarity));
      }
      if (!reasons.isEmpty()) {
        out.add(new DuplicateCandidate(account.getKey(), reasons, exact));
      }
    }
    out.sort(DuplicateCandidate.BEST_FIRST);
    return out;
  }

  private static boolean isName(MatchKey k) {
    return k.kind() == MatchKind.COMPANY_NAME || k.kind() == MatchKind.PERSON_NAME;
  }

  // --- arbitraries ---

  /** An account's details drawn from small pools, so that registries are full of shared keys and near-names. */
  record Account(AccountKind kind, String name, List<String> phones, List<String> emails, String creditCode) {
    Set<MatchKey> keys() {
      return AccountKeys.of(kind, name, phones, emails, creditCode, "CN");
    }
  }

  @Provide
  Arbitrary<Account> accounts() {
    Arbitrary<String> phones = Arbitraries.of("13812345678", "+86 138 1234 5678", "021-12345678", "13900001111",
        "+852 2345 6789", "+1 (415) 555-0100 转 1", "0755-1234567");
    Arbitrary<String> emails = Arbitraries.of("sales@zpmc.com", "info@zpmc.com", "li@qq.com", "hr@acme.com",
        "Sales@ZPMC.com", "zhang@163.com", "ops@goldenharbor.cn");
    Arbitrary<String> creditCodes = Arbitraries.of("", "91350100M000100Y43", "914403001922038216",
        "91440300708461136T", "91310000MA1FL1234Q");
    Arbitrary<AccountKind> kinds = Arbitraries.frequency(Tuple.of(4, AccountKind.COMPANY), Tuple.of(1, AccountKind.PERSON));
    // A family of parents and branches, so that branch relations are common enough to check.
    Arbitrary<String> family = Arbitraries.of("上海振华重工有限公司", "上海振华重工股份有限公司北京分公司",
        "上海振华重工（集团）公司上海办事处", "ACME Ltd.", "ACME Ltd. Shanghai Branch", "Acme Inc. Beijing Branch Office");
    Arbitrary<String> persons = Arbitraries.of("张伟", "张 伟", "李雷", "Li Lei");
    Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(2, companyNames()), Tuple.of(3, family),
        Tuple.of(1, persons));
    return Combinators.combine(kinds, names, phones.list().ofMaxSize(2), emails.list().ofMaxSize(2), creditCodes)
        .as(Account::new);
  }

  /** Puts (an account) and removes (null) over a small id space, so that accounts get re-indexed and removed. */
  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Account>>> registries() {
    Arbitrary<String> ids = Arbitraries.integers().between(1, 15).map(i -> "A-" + i);
    Arbitrary<Account> maybe = accounts().injectNull(0.1);
    return Combinators.combine(ids, maybe).as(Tuple::of).list().ofMaxSize(25);
  }

  @Provide
  Arbitrary<String> companyNames() {
    Arbitrary<String> chinese = Combinators.combine(
        Arbitraries.of("", "上海", "北京", "深圳"),
        Arbitraries.of("振华", "振东", "华为", "海尔", "鲲鹏"),
        Arbitraries.of("重工", "港口机械", "网络技术", "科技", "物流"),
        Arbitraries.of("", "（集团）", "集团", "【集团】"),
        Arbitraries.of("有限公司", "股份有限公司", "有限责任公司", "公司", ""),
        Arbitraries.of("", "", "", "北京分公司", "上海办事处"))
        .as((region, brand, trade, group, form, branch) -> region + brand + trade + group + form + branch);
    Arbitrary<String> english = Combinators.combine(
        Arbitraries.of("Golden", "Blue", "Zhenhua", "Acme"),
        Arbitraries.of("Harbor", "Harbour", "River", "Heavy"),
        Arbitraries.of("Logistics", "Industry", "Industries", "Trading", "Technologies"),
        Arbitraries.of("", " Group", " Co., Ltd.", " Inc.", " LLC", " GmbH", " S.A.", " Corp.", " plc", " Company"),
        Arbitraries.of("", "", "", " Shanghai Branch"))
        .as((a, b, c, form, branch) -> a + " " + b + " " + c + form + branch);
    return Arbitraries.oneOf(chinese, english);
  }

  @Provide
  Arbitrary<String> mobiles() {
    return Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
        .as((second, rest) -> "1" + second + rest);
  }

  @Provide
  Arbitrary<String> creditCodes() {
    return Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET.toCharArray()).ofLength(17)
        .map(first17 -> first17 + UnifiedSocialCreditCode.checkCharacter(first17));
  }

  // --- perturbations ---

  private static final String[] WHITE = {" ", "  ", "\t", "\u3000", "\u00A0", " \u3000 "};

  /** Retypes a name: random case, random full width, other white space, and spaces between CJK characters. */
  static String perturb(String name, java.util.Random random) {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append(WHITE[random.nextInt(WHITE.length)]);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ' ') {
        out.append(WHITE[random.nextInt(WHITE.length)]);
        continue;
      }
      if (c < 128 && Character.isLetter(c)) {
        c = random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c);
      }
      if (c > 0x20 && c < 0x7F && random.nextInt(3) == 0) {
        c = (char) (c + 0xFEE0);
      }
      out.append(c);
      boolean betweenCjk = i + 1 < name.length() && isHan(name.charAt(i)) && isHan(name.charAt(i + 1));
      if (betweenCjk && random.nextInt(4) == 0) {
        out.append(WHITE[random.nextInt(WHITE.length)]);
      }
    }
    if (random.nextBoolean()) {
      out.append(WHITE[random.nextInt(WHITE.length)]);
    }
    return out.toString();
  }

  private static boolean isHan(char c) {
    return c >= 0x4E00 && c <= 0x9FFF;
  }

  private static String separate(String digits, java.util.Random random) {
    String separator = List.of("", " ", "-", ".", " - ").get(random.nextInt(5));
    return digits.substring(0, 3) + separator + digits.substring(3, 7) + separator + digits.substring(7);
  }

  private static String fullWidth(String written) {
    StringBuilder out = new StringBuilder();
    for (char c : written.toCharArray()) {
      out.append(c > 0x20 && c < 0x7F ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }

  private static Optional<String> normalized(java.util.function.Supplier<String> normalise) {
    try {
      return Optional.of(normalise.get());
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }
}

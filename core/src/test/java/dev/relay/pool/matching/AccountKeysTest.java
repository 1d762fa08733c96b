package dev.relay.pool.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.pool.AccountKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountKeysTest {

  private static String company(String name) {
    return AccountKeys.companyName(name).value();
  }

  private static String phone(String written, String region) {
    return AccountKeys.phone(written, region).value();
  }

  private static Problem onlyProblem(ValidationException e) {
    assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    assertEquals(1, e.problems().size(), e.problems().toString());
    return e.problems().get(0);
  }

  // --- company and person names ---

  @Test
  void fullWidthAndLegalFormVariantsShareTheCompanyNameKey() {
    for (String variant : List.of("上海振华重工（集团）股份有限公司", "上海振华重工股份有限公司", "上海振华重工(集团)有限公司",
        "上海振华重工集团公司", "  上海 振华重工【集团】 有限 公司 ", "上海振华重工")) {
      assertEquals("上海振华重工", company(variant), variant);
    }
    for (String variant : List.of("ACME Co., Ltd.", "ＡＣＭＥ ＣＯ．，ＬＴＤ．", "Acme Company Limited", "acme inc",
        "ACME, Inc.", "Acme Corp.", "ACME LLC", "A.C.M.E. GmbH", "Acme Group Co., Ltd.")) {
      assertEquals("acme", company(variant), variant);
    }
  }

  @Test
  void englishLegalFormsAreStrippedRepeatedlyButOnlyAsWholeTrailingWords() {
    assertEquals("zhenhuaheavyindustry", company("Zhenhua Heavy Industry Group Co., Ltd."));
    assertEquals("bancosantander", company("Banco Santander, S.A."));
    assertEquals("siemens", company("Siemens AG"));
    assertEquals("maersk", company("Maersk A/S"));
    assertEquals("thecocacola", company("The Coca-Cola Company"));
    assertEquals("costco", company("Costco"), "'co' inside a word is not a legal form");
    assertEquals("cooperativebank", company("Co-operative Bank"), "a legal form in front is part of the name");
    assertEquals("华为", company("华为Co., Ltd."), "a change of script separates words like a space");
  }

  @Test
  void regionPrefixesAreKeptBecauseTheyNameDifferentCompanies() {
    assertNotEquals(company("上海振华重工有限公司"), company("北京振华重工有限公司"));
    assertEquals("阿里巴巴中国网络技术", company("阿里巴巴（中国）网络技术有限公司"));
  }

  @Test
  void aNameThatIsOnlyALegalFormIsKeptWhole() {
    assertEquals("有限公司", company("有限公司"));
    assertEquals("集团", company("集团"));
    assertEquals("limited", company("Limited"));
    assertEquals("sa", company("S.A."));
  }

  @Test
  void branchOfficeIsKeyedAsItsParentPlusTheBranch() {
    MatchKey branch = AccountKeys.companyName("上海振华重工（集团）股份有限公司北京分公司");
    assertEquals("上海振华重工/北京分公司", branch.value());
    assertEquals(Optional.of(AccountKeys.companyName("上海振华重工股份有限公司")), AccountKeys.parentCompany(branch));

    assertEquals("中国工商银行/上海市分行", company("中国工商银行股份有限公司上海市分行"));
    assertEquals("acme/shanghaibranch", company("ACME Co., Ltd. Shanghai Branch"));
    assertEquals("华为技术/beijingrepresentativeoffice", company("华为技术有限公司 Beijing Representative Office"));
    assertEquals(Optional.empty(), AccountKeys.parentCompany(AccountKeys.companyName("上海振华重工股份有限公司")));
  }

  @Test
  void branchWithoutALegalFormBeforeThePlaceIsKeptWhole() {
    // Is the parent 华为 or 华为北京? Without 有限公司 in between we cannot tell, and 分公司 is not a legal form.
    assertEquals("华为北京分公司", company("华为北京分公司"));
    assertEquals(Optional.empty(), AccountKeys.parentCompany(AccountKeys.companyName("华为北京分公司")));
  }

  @Test
  void personNamesIgnoreCaseWidthSpacesAndDotsButKeepEveryWord() {
    assertEquals(AccountKeys.personName("张伟"), AccountKeys.personName(" 张　伟 "));
    assertEquals("johnsmith", AccountKeys.personName("John  SMITH").value());
    assertEquals("阿依买买提", AccountKeys.personName("阿依·买买提").value());
    assertEquals("obrienco", AccountKeys.personName("O'Brien Co").value(), "persons have no legal form");
    assertEquals(MatchKind.PERSON_NAME, AccountKeys.name(AccountKind.PERSON, "张伟").kind());
  }

  @Test
  void nameWithoutLettersOrDigitsIsRejected() {
    Problem p = onlyProblem(assertThrows(ValidationException.class, () -> AccountKeys.companyName(" （）—— ")));
    assertEquals("name", p.path());
    assertTrue(p.message().contains("no letters or digits"), p.message());
  }

  // --- phones ---

  @Test
  void mainlandMobileWithCountryCodeAndSeparatorsNormalisesToE164() {
    for (String written : List.of("13812345678", "138 1234 5678", "138-1234-5678", "138.1234.5678", "(138) 1234 5678",
        "+86 138 1234 5678", "+86-13812345678", "(+86) 138 1234 5678", "0086 13812345678", "86 13812345678",
        "8613812345678", "１３８１２３４５６７８", "＋８６ １３８－１２３４－５６７８")) {
      assertEquals("+8613812345678", phone(written, "CN"), written);
    }
    assertEquals("+8613812345678", phone("+86 138 1234 5678", "US"), "a country code overrides the default region");
  }

  @Test
  void mainlandLandlineKeepsItsAreaCodeWithoutTheTrunkZero() {
    assertEquals("+862112345678", phone("021-12345678", "CN"));
    assertEquals("+862112345678", phone("(021) 1234 5678", "CN"));
    assertEquals("+862112345678", phone("+86 21 1234 5678", "CN"));
    assertEquals("+862112345678", phone("+86 (0)21 1234 5678", "CN"), "a trunk zero after +86 is forgiven");
    assertEquals("+861088888888", phone("010 8888 8888", "CN"));
    assertEquals("+867551234567", phone("0755-1234567", "CN"));
    assertEquals("+8675512345678", phone("0755-12345678", "CN"));
    assertEquals("+864008208820", phone("400-820-8820", "CN"));
    assertEquals("+862112345678", phone("021-12345678 转 8001", "CN"), "extensions are dropped");
    assertEquals("+862112345678", phone("021 1234 5678 ext. 12", "CN"));
  }

  @Test
  void numbersOfOtherRegionsFollowTheirOwnPlans() {
    assertEquals("+85223456789", phone("2345 6789", "HK"));
    assertEquals("+85291234567", phone("+852 9123 4567", "CN"));
    assertEquals("+14155550100", phone("(415) 555-0100", "US"));
    assertEquals("+14155550100", phone("1-415-555-0100", "US"));
    assertEquals("+16135550100", phone("613.555.0100", "CA"));
    assertEquals("+14155550100", phone("011 1 415 555 0100", "US"), "011 is the NANP international prefix");
    assertEquals("+442079460018", phone("020 7946 0018", "GB"));
    assertEquals("+447700900123", phone("+44 7700 900123", "CN"));
    assertEquals("+4930901820", phone("030 901820", "DE"));
    assertEquals("+6561234567", phone("6123 4567", "sg"));
    assertEquals("+81312345678", phone("03-1234-5678", "JP"));
    assertEquals("+33123456789", phone("+33 1 23 45 67 89", "CN"), "outside the table only E.164 length is checked");
  }

  @Test
  void unparseableNumbersAreRejectedAtTheirIndex() {
    ValidationException e = assertThrows(ValidationException.class, () -> AccountKeys.of(AccountKind.COMPANY,
        "ACME Ltd", List.of("13812345678", "1234-5678", "138 1234 567", "call me", "+86 12345"), List.of(), null,
        "CN"));
    assertEquals(List.of("phones[1]", "phones[2]", "phones[3]", "phones[4]"),
        e.problems().stream().map(Problem::path).toList());
    assertTrue(e.problems().get(0).message().contains("not a valid CN phone number"), e.getMessage());
    assertTrue(e.problems().get(2).message().contains("unexpected 'c'"), e.getMessage());
    assertTrue(e.problems().get(3).message().contains("+86 (CN)"), e.getMessage());
    assertThrows(ValidationException.class, () -> phone("2112345678", "CN"), "a landline needs its trunk zero at home");
    assertThrows(ValidationException.class, () -> phone("+0 1234 5678", "CN"));
    assertThrows(ValidationException.class, () -> phone("138+1234", "CN"));
  }

  @Test
  void unsupportedDefaultRegionIsMisuseWithAHint() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> phone("2345 6789", "UK"));
    assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
    assertEquals(Set.of("CN", "HK", "US", "CA", "GB", "DE", "SG", "JP"), AccountKeys.supportedRegions());
  }

  // --- e-mail ---

  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertEquals(new MatchKey(MatchKind.EMAIL, "li.lei@zpmc.com"), AccountKeys.email("  Li.Lei@ZPMC.com "));
    assertEquals(new MatchKey(MatchKind.EMAIL, "sales@acme.com"), AccountKeys.email("ｓａｌｅｓ＠ａｃｍｅ．ｃｏｍ"));
  }

  @Test
  void malformedEmailsAreRejectedAtTheirIndex() {
    ValidationException e = assertThrows(ValidationException.class, () -> AccountKeys.of(AccountKind.PERSON, "李雷",
        List.of(), List.of("li@zpmc.com", "li@", "li lei@zpmc.com", "@zpmc.com", "li@zpmc", "li..lei@zpmc.com"),
        null, "CN"));
    assertEquals(List.of("emails[1]", "emails[2]", "emails[3]", "emails[4]", "emails[5]"),
        e.problems().stream().map(Problem::path).toList());
  }

  @Test
  void freeMailDomainsAreNotCompanyKeys() {
    Set<MatchKey> keys = AccountKeys.of(AccountKind.COMPANY, "上海振华重工股份有限公司", List.of(),
        List.of("zhenhua@qq.com", "zpmc@vip.163.com", "zpmc.sales@gmail.com", "sales@zpmc.com"), null, "CN");
    assertEquals(List.of(new MatchKey(MatchKind.EMAIL_DOMAIN, "zpmc.com")),
        keys.stream().filter(k -> k.kind() == MatchKind.EMAIL_DOMAIN).toList());
    assertTrue(AccountKeys.FREE_MAIL_DOMAINS.size() >= 40, "a reasonable list");
    assertEquals(Optional.empty(), AccountKeys.companyDomain(AccountKeys.email("a@mail.sina.com")));

    Set<MatchKey> person = AccountKeys.of(AccountKind.PERSON, "李雷", List.of(), List.of("li.lei@zpmc.com"), null, "CN");
    assertFalse(person.stream().anyMatch(k -> k.kind() == MatchKind.EMAIL_DOMAIN),
        "two people at one employer are not one customer");
  }

  // --- credit codes ---

  @Test
  void creditCodeWithWrongCheckCharacterIsRejected() {
    ValidationException e = assertThrows(ValidationException.class, () -> AccountKeys.of(AccountKind.COMPANY,
        "福建某某有限公司", List.of(), List.of(), "91350100M000100Y44", "CN"));
    Problem p = onlyProblem(e);
    assertEquals("credit_code", p.path());
    assertTrue(p.message().contains("check character"), p.message());
  }

  @Test
  void creditCodesAreNormalisedAndPubliclyKnownCodesPass() {
    assertEquals(new MatchKey(MatchKind.CREDIT_CODE, "91350100M000100Y43"),
        AccountKeys.creditCode(" 91350100m000100y43 "));
    assertEquals("914403001922038216", AccountKeys.creditCode("９１４４０３００１９２２０３８２１６").value());
    assertEquals("91440300708461136T", AccountKeys.creditCode("9144 0300 7084 6113 6T").value());
    assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
    assertTrue(UnifiedSocialCreditCode.isValid("91110000802100433B"));
    assertFalse(UnifiedSocialCreditCode.isValid("91110000802100433b"), "isValid takes the canonical form");
  }

  @Test
  void creditCodesOfTheWrongLengthOrWithForbiddenLettersAreRejected() {
    Problem shortCode = onlyProblem(assertThrows(ValidationException.class,
        () -> AccountKeys.creditCode("91350100M000100Y4")));
    assertTrue(shortCode.message().contains("18 characters"), shortCode.message());
    Problem letterO = onlyProblem(assertThrows(ValidationException.class,
        () -> AccountKeys.creditCode("91350100MO00100Y43")));
    assertTrue(letterO.message().contains("'O' at position 10"), letterO.message());
  }

  @Test
  void blankCreditCodeCountsAsNone() {
    Set<MatchKey> keys = AccountKeys.of(AccountKind.COMPANY, "ACME Ltd", List.of(), List.of(), "  ", "CN");
    assertEquals(Set.of(new MatchKey(MatchKind.COMPANY_NAME, "acme")), keys);
  }

  // --- all together ---

  @Test
  void everyProblemIsReportedAtOnce() {
    ValidationException e = assertThrows(ValidationException.class, () -> AccountKeys.of(AccountKind.COMPANY, "·",
        List.of("13812345678", "12"), List.of("not-an-address", "sales@zpmc.com"), "91350100M000100Y4I", "CN"));
    assertEquals(List.of("name", "phones[1]", "emails[0]", "credit_code"),
        e.problems().stream().map(Problem::path).toList());
    assertTrue(e.getMessage().startsWith("4 problems:"), e.getMessage());
  }

  @Test
  void keysComeInDocumentedOrderWithoutRepeats() {
    Set<MatchKey> keys = AccountKeys.of(AccountKind.COMPANY, "上海振华重工（集团）股份有限公司",
        List.of("021-12345678", "+86 21 1234 5678", "138 1234 5678"),
        List.of("Sales@ZPMC.com", "sales@zpmc.com", "info@zpmc.com"), "91310000MA1FL1234Q", "CN");
    assertEquals(List.of(
        new MatchKey(MatchKind.COMPANY_NAME, "上海振华重工"),
        new MatchKey(MatchKind.PHONE, "+862112345678"),
        new MatchKey(MatchKind.PHONE, "+8613812345678"),
        new MatchKey(MatchKind.EMAIL, "sales@zpmc.com"),
        new MatchKey(MatchKind.EMAIL, "info@zpmc.com"),
        new MatchKey(MatchKind.EMAIL_DOMAIN, "zpmc.com"),
        new MatchKey(MatchKind.CREDIT_CODE, "91310000MA1FL1234Q")), List.copyOf(keys));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class,
        () -> AccountKeys.of(AccountKind.COMPANY, "ACME", List.of(), List.of(), null, null));
    assertThrows(NullPointerException.class, () -> AccountKeys.of(AccountKind.COMPANY, "ACME",
        java.util.Arrays.asList("13812345678", null), List.of(), null, "CN"));
  }
}

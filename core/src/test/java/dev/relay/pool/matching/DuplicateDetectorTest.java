package dev.relay.pool.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static java.util.stream.Collectors.toSet;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import dev.relay.pool.AccountKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
  private static final TenantId TENANT = TenantId.of("acme-crm");
  private static final double THRESHOLD = 0.8;

  private final InMemoryMatchIndex index = new InMemoryMatchIndex();
  private final DuplicateDetector detector = new DuplicateDetector(index);

  private static AccountId id(String value) {
    return AccountId.of(TENANT, value);
  }

  private AccountId company(String id, String name, List<String> phones, List<String> emails, String creditCode) {
    AccountId account = id(id);
    index.put(TENANT, account, AccountKeys.of(AccountKind.COMPANY, name, phones, emails, creditCode, "CN"));
    return account;
  }

  private AccountId company(String id, String name) {
    return company(id, name, List.of(), List.of(), null);
  }

  private List<DuplicateCandidate> check(String name, List<String> phones, List<String> emails, String creditCode) {
    return detector.find(TENANT, AccountKeys.of(AccountKind.COMPANY, name, phones, emails, creditCode, "CN"),
        THRESHOLD);
  }

  private List<DuplicateCandidate> check(String name) {
    return check(name, List.of(), List.of(), null);
  }

  @Test
  void sameCreditCodeIsAnExactDuplicateWhateverTheName() {
    AccountId zpmc = company("A-1", "上海振华重工（集团）股份有限公司", List.of(), List.of(), "91350100M000100Y43");

    List<DuplicateCandidate> found = check("ZPMC", List.of(), List.of(), "91350100m000100y43");

    assertEquals(List.of(new DuplicateCandidate(zpmc, List.of(new MatchReason(MatchKind.CREDIT_CODE,
        "91350100M000100Y43", 1.0, "same unified social credit code 91350100M000100Y43")), true)), found);
  }

  @Test
  void phoneWrittenDifferentlyByAnotherRepIsTheSameCustomer() {
    AccountId owned = company("A-1", "Golden Harbor Logistics Ltd.", List.of("+86 138-1234-5678"), List.of(), null);

    List<DuplicateCandidate> found = check("Nanjing Port Services", List.of("13812345678"), List.of(), null);

    assertEquals(1, found.size());
    assertEquals(owned, found.get(0).account());
    assertEquals(List.of(MatchReason.sameKey(new MatchKey(MatchKind.PHONE, "+8613812345678"))),
        found.get(0).reasons());
    assertEquals("same phone +8613812345678", found.get(0).reasons().get(0).explanation());
  }

  @Test
  void accountMatchingSeveralWaysIsOneCandidateWithEveryReasonExactFirst() {
    AccountId zpmc = company("A-1", "Zhenhua Heavy Industries Co., Ltd.", List.of("021-12345678"),
        List.of("sales@zpmc.com"), null);

    List<DuplicateCandidate> found = check("Zhenhua Heavy Industry Group", List.of("+86 21 1234 5678"),
        List.of("info@zpmc.com"), null);

    assertEquals(1, found.size());
    DuplicateCandidate c = found.get(0);
    assertEquals(zpmc, c.account());
    assertTrue(c.exact());
    assertEquals(List.of("same phone +862112345678", "same company e-mail domain zpmc.com",
        "name 89% similar to 'zhenhuaheavyindustries'"), c.reasons().stream().map(MatchReason::explanation).toList());
    assertEquals(NameGrams.similarity("zhenhuaheavyindustry", "zhenhuaheavyindustries"), c.nameSimilarity());
  }

  @Test
  void sameNormalisedNameIsAnExactDuplicateWithoutASecondNameReason() {
    AccountId zpmc = company("A-1", "上海振华重工（集团）股份有限公司");

    List<DuplicateCandidate> found = check("上海振华重工股份有限公司");

    assertEquals(List.of(new DuplicateCandidate(zpmc,
        List.of(MatchReason.sameKey(new MatchKey(MatchKind.COMPANY_NAME, "上海振华重工"))), true)), found);
    assertEquals("same company name '上海振华重工'", found.get(0).reasons().get(0).explanation());
  }

  @Test
  void similarNameAboveThresholdIsAPossibleDuplicate() {
    AccountId chinese = company("A-1", "上海振华港口机械重工有限公司");
    AccountId english = company("A-2", "Golden Harbor International Logistics Ltd.");
    company("A-3", "深圳腾讯计算机系统有限公司");

    List<DuplicateCandidate> byChinese = check("上海振华港口机械重工业有限公司");
    List<DuplicateCandidate> byEnglish = check("Golden Harbour International Logistics Inc.");

    assertEquals(1, byChinese.size(), byChinese.toString());
    assertEquals(chinese, byChinese.get(0).account());
    assertFalse(byChinese.get(0).exact());
    MatchReason reason = byChinese.get(0).reasons().get(0);
    assertEquals(MatchKind.COMPANY_NAME, reason.kind());
    assertEquals("上海振华港口机械重工", reason.value());
    assertTrue(reason.similarity() >= THRESHOLD && reason.similarity() < 1.0, reason.toString());
    assertTrue(reason.explanation().matches("name \\d\\d% similar to '上海振华港口机械重工'"), reason.explanation());

    assertEquals(List.of(english), byEnglish.stream().map(DuplicateCandidate::account).toList());
  }

  @Test
  void similarNameBelowThresholdIsNotACandidate() {
    company("A-1", "上海振华重工有限公司");
    company("A-2", "Golden Harbor Logistics Ltd.");

    assertEquals(List.of(), check("上海振东机械有限公司"));
    assertEquals(List.of(), check("Golden Gate Logistics Ltd."));
    assertEquals(List.of(), check("北京振华重工有限公司"), "another city's company shares only part of the name");
  }

  @Test
  void branchOfficeIsAPossibleDuplicateOfItsParent() {
    AccountId parent = company("A-1", "上海振华重工（集团）股份有限公司");

    List<DuplicateCandidate> found = check("上海振华重工股份有限公司北京分公司");

    assertEquals(1, found.size(), found.toString());
    DuplicateCandidate c = found.get(0);
    assertEquals(parent, c.account());
    assertFalse(c.exact(), "a branch is a customer of its own");
    assertEquals("parent company '上海振华重工' of the branch", c.reasons().get(0).explanation());
    assertTrue(c.reasons().get(0).similarity() < THRESHOLD, "found as the parent, not by similarity");
  }

  @Test
  void parentCompanyFindsItsBranchesAsPossibleDuplicates() {
    AccountId beijing = company("A-1", "ACME Co., Ltd. Beijing Branch");
    AccountId shanghai = company("A-2", "ACME Co., Ltd. Shanghai Branch");
    company("A-3", "Acme Tools GmbH");

    List<DuplicateCandidate> found = check("ACME Limited");

    assertEquals(Set.of(beijing, shanghai), found.stream().map(DuplicateCandidate::account).collect(toSet()));
    DuplicateCandidate b = found.stream().filter(c -> c.account().equals(beijing)).findFirst().orElseThrow();
    assertEquals("branch 'acme/beijingbranch' of the company", b.reasons().get(0).explanation());
    assertFalse(b.exact());
    assertTrue(b.reasons().get(0).similarity() < THRESHOLD, "found as a branch, not by similarity");
  }

  @Test
  void candidatesComeExactFirstThenBySimilarityThenAccountId() {
    AccountId phoneOnly = company("A-9", "Nanjing Port Services", List.of("13812345678"), List.of(), null);
    AccountId sameName = company("A-5", "Golden Harbor Logistics Co.", List.of(), List.of(), null);
    AccountId close = company("A-3", "Golden Harbour Logistics");
    AccountId closeTwin = company("A-2", "Golden Harbour Logistics Ltd");
    AccountId lessClose = company("A-1", "Golden Harbor Logistic Services");
    company("A-4", "Blue River Trading");

    List<DuplicateCandidate> found = check("Golden Harbor Logistics Ltd.", List.of("138 1234 5678"), List.of(), null);

    assertEquals(List.of(sameName, phoneOnly, closeTwin, close, lessClose),
        found.stream().map(DuplicateCandidate::account).toList(), found.toString());
    assertEquals(List.of(true, true, false, false, false), found.stream().map(DuplicateCandidate::exact).toList());
  }

  @Test
  void otherTenantsAreNeverSeen() {
    TenantId other = TenantId.of("other-isv-customer");
    index.put(other, AccountId.of(other, "A-1"),
        AccountKeys.of(AccountKind.COMPANY, "ACME Ltd", List.of("13812345678"), List.of(), null, "CN"));

    assertEquals(List.of(), check("ACME Ltd", List.of("13812345678"), List.of(), null));
  }

  @Test
  void theChangedAccountIsNotItsOwnDuplicate() {
    AccountId self = company("A-1", "ACME Ltd", List.of("13812345678"), List.of(), null);
    AccountId twin = company("A-2", "ACME Limited", List.of(), List.of(), null);
    Set<MatchKey> keys = AccountKeys.of(AccountKind.COMPANY, "ACME Ltd", List.of("13812345678"), List.of(), null, "CN");

    assertEquals(List.of(self, twin),
        detector.find(TENANT, keys, THRESHOLD).stream().map(DuplicateCandidate::account).toList());
    assertEquals(List.of(twin),
        detector.findOthers(TENANT, keys, THRESHOLD, self).stream().map(DuplicateCandidate::account).toList());
  }

  @Test
  void personNamesAreMatchedTooButNeverByLegalForm() {
    AccountId zhang = id("P-1");
    index.put(TENANT, zhang, AccountKeys.of(AccountKind.PERSON, "张 伟", List.of(), List.of(), null, "CN"));

    List<DuplicateCandidate> found = detector.find(TENANT,
        AccountKeys.of(AccountKind.PERSON, "张伟", List.of(), List.of(), null, "CN"), THRESHOLD);

    assertEquals(List.of(zhang), found.stream().map(DuplicateCandidate::account).toList());
    assertEquals("same person name '张伟'", found.get(0).reasons().get(0).explanation());
  }

  @Test
  void thresholdOutsideTheUnitIntervalIsMisuse() {
    Set<MatchKey> keys = Set.of(AccountKeys.companyName("ACME"));
    assertThrows(IllegalArgumentException.class, () -> detector.find(TENANT, keys, 1.01));
    assertThrows(IllegalArgumentException.class, () -> detector.find(TENANT, keys, -0.1));
    assertThrows(IllegalArgumentException.class, () -> detector.find(TENANT, keys, Double.NaN));
    assertThrows(NullPointerException.class, () -> detector.find(TENANT, null, 0.8));
  }
}

package dev.relay.pool.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchIndex.NameCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryMatchIndexTest {
  private static final TenantId TENANT = TenantId.of("acme-crm");
  private final InMemoryMatchIndex index = new InMemoryMatchIndex();

  private static AccountId id(String value) {
    return AccountId.of(TENANT, value);
  }

  private static MatchKey company(String normalized) {
    return new MatchKey(MatchKind.COMPANY_NAME, normalized);
  }

  private static MatchKey phone(String e164) {
    return new MatchKey(MatchKind.PHONE, e164);
  }

  @Test
  void putReplacesAnAccountsPreviousKeysAndName() {
    index.put(TENANT, id("A-1"), Set.of(company("goldenharbor"), phone("+8613812345678")));
    index.put(TENANT, id("A-1"), Set.of(company("blueriver"), phone("+8613900000000")));

    assertEquals(Set.of(), index.accountsWithKeys(TENANT, List.of(phone("+8613812345678"), company("goldenharbor"))));
    assertEquals(Set.of(id("A-1")), index.accountsWithKeys(TENANT, List.of(phone("+8613900000000"))));
    assertEquals(List.of(), index.nameCandidates(TENANT, "goldenharbor", 5));
    assertEquals(List.of(new NameCandidate(id("A-1"), "blueriver")), index.nameCandidates(TENANT, "bluerivers", 5));
    assertEquals(1, index.size(TENANT));
  }

  @Test
  void removeForgetsAnAccountAndLeavesItsNeighbours() {
    index.put(TENANT, id("A-1"), Set.of(company("goldenharbor"), phone("+8613812345678")));
    index.put(TENANT, id("A-2"), Set.of(company("goldenharbor"), phone("+8613812345678")));

    index.remove(TENANT, id("A-1"));
    index.remove(TENANT, id("A-404"));

    assertEquals(Set.of(id("A-2")), index.accountsWithKeys(TENANT, List.of(phone("+8613812345678"))));
    assertEquals(List.of(new NameCandidate(id("A-2"), "goldenharbor")),
        index.nameCandidates(TENANT, "goldenharbor", 5));
  }

  @Test
  void keysAreSeparatedByKindAndTenant() {
    TenantId other = TenantId.of("other");
    index.put(TENANT, id("A-1"), Set.of(company("张伟")));
    index.put(other, AccountId.of(other, "A-1"), Set.of(new MatchKey(MatchKind.PERSON_NAME, "张伟")));

    assertEquals(Set.of(), index.accountsWithKeys(TENANT, List.of(new MatchKey(MatchKind.PERSON_NAME, "张伟"))));
    assertEquals(Set.of(AccountId.of(other, "A-1")),
        index.accountsWithKeys(other, List.of(new MatchKey(MatchKind.PERSON_NAME, "张伟"))));
    assertEquals(List.of(new NameCandidate(id("A-1"), "张伟")), index.nameCandidates(TENANT, "张伟", 5));
    assertThrows(IllegalArgumentException.class, () -> index.put(other, id("A-2"), Set.of()));
  }

  @Test
  void nameCandidatesAreRankedByDiceThenAccountIdAndLimited() {
    index.put(TENANT, id("A-4"), Set.of(company("上海振华重工")));
    index.put(TENANT, id("A-3"), Set.of(company("上海振华重工机械")));
    index.put(TENANT, id("A-2"), Set.of(company("上海振华重工")));
    index.put(TENANT, id("A-1"), Set.of(company("振华")));
    index.put(TENANT, id("A-5"), Set.of(company("深圳腾讯")));

    List<NameCandidate> found = index.nameCandidates(TENANT, "上海振华重工", 10);

    assertEquals(List.of("A-2", "A-4", "A-3", "A-1"), found.stream().map(c -> c.account().value()).toList());
    assertEquals(List.of("A-2", "A-4"),
        index.nameCandidates(TENANT, "上海振华重工", 2).stream().map(c -> c.account().value()).toList());
    assertEquals(List.of(), index.nameCandidates(TENANT, "上海振华重工", 0));
  }

  @Test
  void singleCharacterNamesAreFoundByTheWholeName() {
    index.put(TENANT, id("A-1"), Set.of(new MatchKey(MatchKind.PERSON_NAME, "王")));

    assertEquals(List.of(new NameCandidate(id("A-1"), "王")), index.nameCandidates(TENANT, "王", 5));
  }

  @Test
  void veryCommonGramsAreSkippedSoThatALookupStaysBounded() {
    // Every account is a 科技 (technology) company in 北京; only one shares the rare part of the query.
    int common = InMemoryMatchIndex.ENUMERATION_BUDGET + 500;
    for (int i = 0; i < common; i++) {
      index.put(TENANT, id("T-" + i), Set.of(company("北京" + (char) ('一' + i % 2000) + (char) ('丁' + i / 2000) + "科技")));
    }
    index.put(TENANT, id("Z-1"), Set.of(company("北京鲲鹏翱翔科技")));

    List<NameCandidate> found = index.nameCandidates(TENANT, "北京鲲鹏翱翔智能科技", 3);
    assertEquals(id("Z-1"), found.get(0).account(), found.toString());

    // A query made only of common grams still answers, from the first accounts of the rarest posting list.
    List<NameCandidate> vague = index.nameCandidates(TENANT, "北京科技", 3);
    assertEquals(3, vague.size());
    assertTrue(vague.stream().allMatch(c -> c.normalizedName().startsWith("北京")), vague.toString());
  }

  @Test
  void concurrentWritersAndReadersKeepEveryAccountFindable() throws Exception {
    int writers = 4;
    int perWriter = 500;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        work.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            AccountId a = id("W" + writer + "-" + i);
            // Written twice: the second put must replace the first completely.
            index.put(TENANT, a, Set.of(company("old" + writer + "x" + i), phone("+86139" + writer + String.format("%07d", i))));
            index.put(TENANT, a, Set.of(company("new" + writer + "x" + i), phone("+86138" + writer + String.format("%07d", i))));
          }
        }));
      }
      work.add(pool.submit(() -> {
        for (int i = 0; i < 2000; i++) {
          index.nameCandidates(TENANT, "new1x" + i, 3);
          index.accountsWithKeys(TENANT, List.of(phone("+861382" + String.format("%07d", i))));
        }
      }));
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(writers * perWriter, index.size(TENANT));
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < perWriter; i++) {
        AccountId a = id("W" + w + "-" + i);
        assertEquals(Set.of(a), index.accountsWithKeys(TENANT, List.of(phone("+86138" + w + String.format("%07d", i)))));
        assertEquals(Set.of(), index.accountsWithKeys(TENANT, List.of(phone("+86139" + w + String.format("%07d", i)))));
      }
    }
  }

  @Test
  void misuseIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> index.put(TENANT, id("A-1"), Set.of(company("acme"), new MatchKey(MatchKind.PERSON_NAME, "acme"))));
    assertThrows(IllegalArgumentException.class, () -> index.nameCandidates(TENANT, "acme", -1));
    assertThrows(NullPointerException.class, () -> index.put(TENANT, id("A-1"), null));
  }
}

package dev.relay.benchmarks.pool;

import dev.relay.benchmarks.pool.SyntheticCustomers.Customer;
import dev.relay.common.AccountId;
import dev.relay.common.TenantId;
import dev.relay.pool.AccountKind;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.InMemoryMatchIndex;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.NameGrams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The registry and queries of {@link DuplicateCheckBenchmark}: {@code size} synthetic companies ({@link
 * SyntheticCustomers}) indexed in an {@link InMemoryMatchIndex} and, the same keys, in a {@link LinearScanDetector}; and a
 * fixed mix of queries such as reps enter them — hits by each kind of key, names that are only similar, a branch of a
 * known company, and misses.
 */
final class DuplicateCheckWorkload {
  static final TenantId TENANT = TenantId.of("benchmark");
  static final double THRESHOLD = 0.8;

  /**
   * One duplicate check.
   *
   * @param label what it exercises
   * @param keys the new account's keys
   */
  record Query(String label, Set<MatchKey> keys) {}

  final InMemoryMatchIndex index = new InMemoryMatchIndex();
  final LinearScanDetector linearScan;
  final List<Query> queries;
  final long buildMillis;

  DuplicateCheckWorkload(int size, long seed) {
    long start = System.nanoTime();
    SyntheticCustomers customers = new SyntheticCustomers(seed);
    AccountId[] accounts = new AccountId[size];
    MatchKey[][] keys = new MatchKey[size][];
    MatchKey[] names = new MatchKey[size];
    NameGrams[] grams = new NameGrams[size];
    // Normalising is pure and the expensive part; spread it over the cores, then index in order.
    IntStream.range(0, size).parallel().forEach(i -> {
      accounts[i] = AccountId.of(TENANT, "A-" + i);
      Set<MatchKey> k = keysOf(customers.customer(i));
      keys[i] = k.toArray(new MatchKey[0]);
      names[i] = keys[i][0];
      grams[i] = NameGrams.of(names[i].value());
    });
    for (int i = 0; i < size; i++) {
      index.put(TENANT, accounts[i], Set.of(keys[i]));
    }
    linearScan = new LinearScanDetector(accounts, keys, names, grams);
    queries = queries(customers, size, seed);
    buildMillis = (System.nanoTime() - start) / 1_000_000;
  }

  private static Set<MatchKey> keysOf(Customer c) {
    return AccountKeys.of(AccountKind.COMPANY, c.name(), c.phones(), c.emails(), c.creditCode(), "CN");
  }

  /** The query mix, drawn from accounts picked by the seed so that hits are hits at any registry size. */
  private static List<Query> queries(SyntheticCustomers customers, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Query> out = new ArrayList<>();

    Customer coded = find(customers, size, random, c -> !c.creditCode().isEmpty());
    out.add(query("credit code hit", "新录入客户名称有限公司", List.of(), List.of(), coded.creditCode()));

    Customer called = find(customers, size, random, DuplicateCheckWorkload::isChinese);
    out.add(query("phone hit, written differently",
        "Unrelated Trading Ltd", List.of(retype(called.phones().get(0))), List.of(), ""));

    Customer mailed = find(customers, size, random, c -> !c.emails().isEmpty()
        && AccountKeys.companyDomain(AccountKeys.email(c.emails().get(0))).isPresent());
    String domain = mailed.emails().get(0).substring(mailed.emails().get(0).indexOf('@') + 1);
    out.add(query("company e-mail domain hit", "Another Name Holdings", List.of(), List.of("ceo@" + domain), ""));

    Customer chinese = find(customers, size, random, c -> isChinese(c) && !c.name().contains("分公司"));
    String base = AccountKeys.companyName(chinese.name()).value();
    out.add(query("same name, other legal form and spacing",
        base.substring(0, 2) + " " + base.substring(2) + " (集团) 有限责任公司", List.of(), List.of(), ""));
    out.add(query("similar Chinese name", base + "发展有限公司", List.of(), List.of(), ""));
    out.add(query("branch of a known company", base + "有限公司珠海分公司", List.of(), List.of(), ""));

    Customer english = find(customers, size, random, c -> c.name().contains(" Technologies "));
    out.add(query("similar English name", english.name().replace(" Technologies ", " Technology ") + " Limited",
        List.of(), List.of(), ""));

    out.add(query("miss (Chinese)", "乌鲁木齐雪莲瀚海量子计算有限公司", List.of("0991-56781234"),
        List.of("info@xuelian-quantum.cn"), SyntheticCustomers.creditCode(random, "650100")));
    out.add(query("miss (English)", "Quokka Quantum Widgets Pty Ltd", List.of("+61 2 9876 5432"),
        List.of("hello@quokkaquantum.au"), ""));
    return List.copyOf(out);
  }

  private static Query query(String label, String name, List<String> phones, List<String> emails, String code) {
    return new Query(label, AccountKeys.of(AccountKind.COMPANY, name, phones, emails, code, "CN"));
  }

  private static Customer find(SyntheticCustomers customers, int size, SplittableRandom random,
      java.util.function.Predicate<Customer> wanted) {
    for (int tries = 0; tries < 10_000; tries++) {
      Customer c = customers.customer(random.nextInt(size));
      if (wanted.test(c)) {
        return c;
      }
    }
    throw new IllegalStateException("no such customer in the registry");
  }

  /** The same number as another rep would type it: digits only, with the country code. */
  private static String retype(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.startsWith("0086") ? "+86 " + digits.substring(4)
        : digits.startsWith("86") ? "0086 " + digits.substring(2)
        : digits.startsWith("1") && digits.length() == 11 ? "+86-" + digits
        : "+" + digits;
  }

  private static boolean isChinese(Customer c) {
    return Character.UnicodeScript.of(c.name().codePointAt(0)) == Character.UnicodeScript.HAN;
  }
}

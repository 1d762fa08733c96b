package dev.relay.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.NotFoundException;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.matching.MatchIndex.NameCandidate;
import dev.relay.pool.matching.MatchKey;
import dev.relay.testing.WriteRace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AccountRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass that returns a fresh, empty repository: {@code class JdbcAccountRepositoryTest extends
 * AccountRepositoryContract}. Depends only on the port and on {@link AccountSamples}.
 */
public abstract class AccountRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  private static final MatchKey SWITCHBOARD = AccountSamples.phoneKey("+862168888888");

  private AccountRepository repository;

  /** A new repository holding no accounts. */
  protected abstract AccountRepository createRepository();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected AccountRepository repository() {
    return repository;
  }

  @Nested
  public class Crud {
    @Test
    void insertedAccountIsFoundWithEveryPart() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");

      repository.insert(account);

      assertEquals(Optional.of(account), repository.find(account.id()));
    }

    @Test
    void unknownAccountIsNotFound() {
      assertEquals(Optional.empty(), repository.find(AccountId.of(ACME, "C-404")));
    }

    @Test
    void insertingAnExistingIdConflicts() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");
      repository.insert(account);

      assertThrows(ConcurrencyConflictException.class, () -> repository.insert(account));
    }

    @Test
    void newAccountsStartAtVersionOne() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");

      assertThrows(IllegalArgumentException.class, () -> repository.insert(AccountSamples.withMarker(account, 1)));
    }

    @Test
    void saveReplacesTheAccountWithItsNextVersion() {
      Account account = AccountSamples.poolAccount(ACME, "C-1", "宁波舟山港", "+8657427690000");
      repository.insert(account);
      Account claimed = AccountSamples.claimed(account, RepId.of(ACME, "li"), AccountSamples.T0.plusSeconds(60));

      repository.save(claimed, 1);

      assertEquals(Optional.of(claimed), repository.find(account.id()));
    }

    @Test
    void savingAnUnknownAccountIsNotFound() {
      Account account = AccountSamples.withMarker(AccountSamples.ownedAccount(ACME, "C-1", ""), 1);

      assertThrows(NotFoundException.class, () -> repository.save(account, 1));
    }

    @Test
    void versionsGrowByOne() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");
      repository.insert(account);
      Account skipping = AccountSamples.withMarker(AccountSamples.withMarker(account, 1), 2);

      assertThrows(IllegalArgumentException.class, () -> repository.save(skipping, 1));
      assertEquals(Optional.of(account), repository.find(account.id()));
    }

    @Test
    void accountsAreListedByOwnerAndInThePoolInIdOrder() {
      RepId li = RepId.of(ACME, "li");
      repository.insert(AccountSamples.ownedAccount(ACME, "C-3", "3"));
      repository.insert(AccountSamples.ownedAccount(ACME, "C-1", "1"));
      repository.insert(AccountSamples.poolAccount(ACME, "C-2", "宁波舟山港", "+8657427690000"));
      Account zhangs = AccountSamples.poolAccount(ACME, "C-4", "青岛港", "+8653282980000");
      repository.insert(zhangs);
      repository.save(AccountSamples.claimed(zhangs, RepId.of(ACME, "zhang"), AccountSamples.T0), 1);

      assertEquals(List.of("C-1", "C-3"), ids(repository.findOwnedBy(li)));
      assertEquals(List.of("C-1", "C-3", "C-4"), ids(repository.findOwned(ACME)));
      assertEquals(List.of("C-2"), ids(repository.findInPublicPool(ACME)));
      assertEquals(List.of(), repository.findOwnedBy(RepId.of(ACME, "sun")));
    }

    @Test
    void claimsAreCountedFromTheHistoryWhateverBecameOfTheAccounts() {
      RepId li = RepId.of(ACME, "li");
      Instant morning = AccountSamples.T0.plus(Duration.ofHours(1));
      Account a = AccountSamples.poolAccount(ACME, "C-1", "宁波舟山港", "+8657427690000");
      Account b = AccountSamples.poolAccount(ACME, "C-2", "青岛港", "+8653282980000");
      repository.insert(a);
      repository.insert(b);
      Account claimedA = AccountSamples.claimed(a, li, morning);
      repository.save(claimedA, 1);
      repository.save(AccountSamples.released(claimedA, morning.plusSeconds(60)), 2);
      repository.save(AccountSamples.claimed(b, li, morning.minus(Duration.ofDays(1))), 1);

      assertEquals(1, repository.countClaimsSince(li, morning));
      assertEquals(0, repository.countClaimsSince(li, morning.plusSeconds(1)));
      assertEquals(2, repository.countClaimsSince(li, morning.minus(Duration.ofDays(2))));
      assertEquals(0, repository.countClaimsSince(RepId.of(ACME, "zhang"), AccountSamples.T0));
    }
  }

  @Nested
  public class TenantIsolation {
    @Test
    void theSameLocalIdInTwoTenantsNamesTwoAccounts() {
      Account acme = AccountSamples.ownedAccount(ACME, "C-1", "");
      Account globex = AccountSamples.poolAccount(GLOBEX, "C-1", "宁波舟山港", "+8657427690000");

      repository.insert(acme);
      repository.insert(globex);

      assertEquals(Optional.of(acme), repository.find(acme.id()));
      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }

    @Test
    void listsCountsAndLookupsNeverCrossTenants() {
      repository.insert(AccountSamples.ownedAccount(ACME, "C-1", ""));
      Account globex = AccountSamples.ownedAccount(GLOBEX, "C-2", "");
      repository.insert(globex);

      assertEquals(List.of("C-1"), ids(repository.findOwned(ACME)));
      assertEquals(List.of("C-2"), ids(repository.findOwnedBy(RepId.of(GLOBEX, "li"))));
      assertEquals(List.of(), repository.findOwned(TenantId.of("initech")));
      assertEquals(Set.of(globex.id()), repository.accountsWithKeys(GLOBEX, List.of(SWITCHBOARD)));
      assertEquals(List.of(globex.id()), repository.nameCandidates(GLOBEX, "上海振华重工", 5).stream()
          .map(NameCandidate::account).toList());
      assertEquals(0, repository.countClaimsSince(RepId.of(TenantId.of("initech"), "li"), AccountSamples.T0));
    }
  }

  @Nested
  public class OptimisticLocking {
    @Test
    void aStaleSaveConflictsAndWritesNothing() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");
      repository.insert(account);
      Account first = AccountSamples.withMarker(account, 1);
      repository.save(first, 1);

      ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
          () -> repository.save(AccountSamples.withKeys(account, Set.of(AccountSamples.nameKey("stale"))), 1));

      assertTrue(conflict.getMessage().contains("expected version 1"), conflict.getMessage());
      assertEquals(Optional.of(first), repository.find(account.id()));
      assertEquals(Set.of(account.id()), repository.accountsWithKeys(ACME, List.of(SWITCHBOARD)),
          "the stale write did not touch the index either");
      assertEquals(Set.of(), repository.accountsWithKeys(ACME, List.of(AccountSamples.nameKey("stale"))));
    }

    @Test
    void ofClaimsRacingFromOneReadExactlyOneWins() throws Exception {
      Account account = AccountSamples.poolAccount(ACME, "C-1", "宁波舟山港", "+8657427690000");
      repository.insert(account);
      int writers = 8;
      List<Callable<Account>> attempts = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Account mine = AccountSamples.claimed(account, RepId.of(ACME, "rep" + w), AccountSamples.T0);
        attempts.add(() -> {
          repository.save(mine, 1);
          return mine;
        });
      }

      WriteRace.Outcome<Account> race = WriteRace.run(attempts);
      List<Account> winners = race.winners();
      int conflicts = race.conflicts();

      assertEquals(1, winners.size());
      assertEquals(writers - 1, conflicts);
      assertEquals(Optional.of(winners.get(0)), repository.find(account.id()));
    }
  }

  @Nested
  public class Index {
    @Test
    void anInsertedAccountIsFoundByEachOfItsKeys() {
      Account account = AccountSamples.ownedAccount(ACME, "C-1", "");
      repository.insert(account);

      for (MatchKey key : account.keys()) {
        assertEquals(Set.of(account.id()), repository.accountsWithKeys(ACME, List.of(key)), key.toString());
      }
      assertEquals(Set.of(), repository.accountsWithKeys(ACME, List.of(AccountSamples.phoneKey("+8610000000000"))));
    }

    @Test
    void accountsSharingAKeyAreAllFound() {
      Account a = AccountSamples.ownedAccount(ACME, "C-1", "");
      Account b = AccountSamples.poolAccount(ACME, "C-2", "振华港机", "+862168888888");
      repository.insert(a);
      repository.insert(b);

      assertEquals(Set.of(a.id(), b.id()), repository.accountsWithKeys(ACME, List.of(SWITCHBOARD)));
      assertEquals(Set.of(b.id()), repository.accountsWithKeys(ACME, List.of(AccountSamples.nameKey("振华港机"))));
    }

    @Test
    void aSaveReindexesTheAccountUnderExactlyItsNewKeys() {
      Account account = AccountSamples.poolAccount(ACME, "C-1", "宁波舟山港", "+8657427690000");
      repository.insert(account);
      MatchKey mobile = AccountSamples.phoneKey("+8613800138000");

      repository.save(AccountSamples.withKeys(account, Set.of(AccountSamples.nameKey("宁波舟山港"), mobile)), 1);

      assertEquals(Set.of(account.id()), repository.accountsWithKeys(ACME, List.of(mobile)));
      assertEquals(Set.of(), repository.accountsWithKeys(ACME,
          List.of(AccountSamples.phoneKey("+8657427690000"))));
    }

    @Test
    void similarNamesAreCandidates() {
      Account zhenhua = AccountSamples.ownedAccount(ACME, "C-1", "");
      repository.insert(zhenhua);
      repository.insert(AccountSamples.poolAccount(ACME, "C-2", "wuxileadintelligent", "+8651081163888"));

      List<NameCandidate> candidates = repository.nameCandidates(ACME, "上海振华重工机械", 5);

      assertEquals(new NameCandidate(zhenhua.id(), "上海振华重工"), candidates.get(0));
    }
  }

  private static List<String> ids(List<Account> accounts) {
    return accounts.stream().map(a -> a.id().value()).toList();
  }
}

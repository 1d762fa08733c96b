package dev.relay.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PlaybookRepository}. Every implementation certifies itself with an empty subclass that
 * supplies a fresh, empty repository (published in the core test-jar for the adapters).
 */
public abstract class PlaybookRepositoryContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private PlaybookRepository repository;

  /** A new repository with nothing saved, for one test. */
  protected abstract PlaybookRepository newRepository();

  @BeforeEach
  void freshRepository() {
    repository = newRepository();
  }

  @Test
  void firstSaveIsVersionOne() {
    Playbook playbook = SmallTeamPlaybook.built();
    VersionedPlaybook saved = repository.save(ACME, playbook, T0);

    assertEquals(new VersionedPlaybook(ACME, 1, playbook, playbook.fingerprint(), T0), saved);
    assertEquals(Optional.of(saved), repository.current(ACME));
    assertEquals(Optional.of(saved), repository.version(ACME, 1));
    assertEquals(List.of(saved), repository.history(ACME));
  }

  @Test
  void savingAnEqualPlaybookKeepsTheCurrentVersion() {
    VersionedPlaybook first = repository.save(ACME, SmallTeamPlaybook.built(), T0);
    Playbook sameContent = PlaybookJson.read(SmallTeamPlaybook.json());

    VersionedPlaybook again = repository.save(ACME, sameContent, T0.plus(Duration.ofHours(1)));

    assertEquals(first, again);
    assertEquals(T0, again.savedAt());
    assertEquals(1, repository.history(ACME).size());
  }

  @Test
  void savingAChangedPlaybookAddsTheNextVersion() {
    repository.save(ACME, SmallTeamPlaybook.built(), T0);
    Playbook changed = SmallTeamPlaybook.named("Small team, spring rules");

    VersionedPlaybook second = repository.save(ACME, changed, T0.plusSeconds(60));

    assertEquals(2, second.version());
    assertEquals(changed, second.playbook());
    assertEquals(changed.fingerprint(), second.fingerprint());
    assertEquals(T0.plusSeconds(60), second.savedAt());
    assertEquals(Optional.of(second), repository.current(ACME));
  }

  @Test
  void historyListsEveryVersionOldestFirst() {
    List<VersionedPlaybook> saved = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      saved.add(repository.save(ACME, SmallTeamPlaybook.named("rev " + i), T0.plusSeconds(i)));
    }
    assertEquals(saved, repository.history(ACME));
    assertEquals(List.of(1, 2, 3, 4), repository.history(ACME).stream().map(VersionedPlaybook::version).toList());
  }

  @Test
  void goingBackToAnEarlierConfigurationIsANewVersion() {
    Playbook a = SmallTeamPlaybook.named("A");
    repository.save(ACME, a, T0);
    repository.save(ACME, SmallTeamPlaybook.named("B"), T0.plusSeconds(1));

    VersionedPlaybook third = repository.save(ACME, a, T0.plusSeconds(2));

    assertEquals(3, third.version());
    assertEquals(repository.version(ACME, 1).orElseThrow().fingerprint(), third.fingerprint());
  }

  @Test
  void savedVersionsNeverChange() {
    Playbook a = SmallTeamPlaybook.named("A");
    VersionedPlaybook first = repository.save(ACME, a, T0);
    List<VersionedPlaybook> history = repository.history(ACME);
    repository.save(ACME, SmallTeamPlaybook.named("B"), T0.plusSeconds(1));
    try {
      history.clear();
    } catch (UnsupportedOperationException readOnly) {
      // A read-only history is fine too; the point is that the store cannot be changed through it.
    }

    assertEquals(Optional.of(first), repository.version(ACME, 1));
    assertEquals(a, repository.version(ACME, 1).orElseThrow().playbook());
    assertEquals(2, repository.history(ACME).size());
  }

  @Test
  void unknownTenantsAndVersionsAreEmpty() {
    repository.save(ACME, SmallTeamPlaybook.built(), T0);

    assertEquals(Optional.empty(), repository.current(GLOBEX));
    assertEquals(List.of(), repository.history(GLOBEX));
    assertEquals(Optional.empty(), repository.version(ACME, 0));
    assertEquals(Optional.empty(), repository.version(ACME, 2));
    assertEquals(Optional.empty(), repository.version(GLOBEX, 1));
  }

  @Test
  void tenantsAreIsolated() {
    VersionedPlaybook acme = repository.save(ACME, SmallTeamPlaybook.named("acme"), T0);
    repository.save(ACME, SmallTeamPlaybook.named("acme 2"), T0.plusSeconds(1));
    VersionedPlaybook globex = repository.save(GLOBEX, SmallTeamPlaybook.named("acme"), T0.plusSeconds(2));

    assertEquals(1, globex.version());
    assertEquals(GLOBEX, globex.tenant());
    assertEquals(acme.fingerprint(), globex.fingerprint());
    assertEquals(List.of(globex), repository.history(GLOBEX));
    assertEquals(2, repository.current(ACME).orElseThrow().version());
    assertNotEquals(repository.current(ACME), repository.current(GLOBEX));
  }

  @Test
  void concurrentSavesOfDifferentPlaybooksNeverRepeatAVersionNumber() throws Exception {
    int writers = 8;
    int savesEach = 5;
    List<Playbook> playbooks = IntStream.range(0, writers * savesEach)
        .mapToObj(i -> SmallTeamPlaybook.named("concurrent " + i)).toList();
    playbooks.forEach(Playbook::fingerprint); // render up front so the writers contend on the store, not on Jackson
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Callable<List<Integer>> task = () -> {
          start.await();
          List<Integer> versions = new ArrayList<>();
          for (int s = 0; s < savesEach; s++) {
            versions.add(repository.save(ACME, playbooks.get(writer * savesEach + s), T0).version());
          }
          return versions;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      Set<Integer> returned = new HashSet<>();
      for (Future<List<Integer>> result : results) {
        for (int version : result.get(30, TimeUnit.SECONDS)) {
          assertTrue(returned.add(version), "version " + version + " was handed out twice");
        }
      }
      List<Integer> expected = IntStream.rangeClosed(1, writers * savesEach).boxed().toList();
      assertEquals(Set.copyOf(expected), returned);
      assertEquals(expected, repository.history(ACME).stream().map(VersionedPlaybook::version).toList());
      assertEquals(writers * savesEach,
          repository.history(ACME).stream().map(VersionedPlaybook::fingerprint).distinct().count());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSavesOfOneUnchangedPlaybookCreateOneVersion() throws Exception {
    Playbook playbook = SmallTeamPlaybook.built();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<VersionedPlaybook>> results = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        results.add(pool.submit(() -> {
          start.await();
          return repository.save(ACME, playbook, T0);
        }));
      }
      start.countDown();
      for (Future<VersionedPlaybook> result : results) {
        assertEquals(1, result.get(30, TimeUnit.SECONDS).version());
      }
      assertEquals(1, repository.history(ACME).size());
    } finally {
      pool.shutdownNow();
    }
  }
}

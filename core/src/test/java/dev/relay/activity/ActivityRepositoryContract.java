package dev.relay.activity;

import static dev.relay.activity.ActivitySamples.T0;
import static dev.relay.activity.ActivitySamples.account;
import static dev.relay.activity.ActivitySamples.activity;
import static dev.relay.activity.ActivitySamples.call;
import static dev.relay.activity.ActivitySamples.deal;
import static dev.relay.activity.ActivitySamples.hoursAfterT0;
import static dev.relay.activity.ActivitySamples.recordedAt;
import static dev.relay.activity.ActivitySamples.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.ActivityId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ActivityRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass that returns a fresh, empty repository: {@code class JdbcActivityRepositoryTest extends
 * ActivityRepositoryContract}. Depends only on the port and on {@link ActivitySamples}.
 */
public abstract class ActivityRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  private ActivityRepository repository;

  /** A new repository holding no activities. */
  protected abstract ActivityRepository createRepository();

  // Lifecycle method and nested classes are visible to subclasses in other packages (the adapters' tests).
  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected ActivityRepository repository() {
    return repository;
  }

  @Nested
  public class Crud {
    @Test
    void insertedActivityIsFoundWithEveryPart() {
      Activity visit = ActivitySamples.visit(ACME, "ACT-1");

      repository.insert(visit);

      assertEquals(Optional.of(visit), repository.find(visit.id()));
    }

    @Test
    void unknownActivityIsNotFound() {
      assertEquals(Optional.empty(), repository.find(ActivityId.of(ACME, "ACT-404")));
    }

    @Test
    void insertingAnExistingIdConflictsAndKeepsTheFirst() {
      Activity first = call(ACME, "ACT-1", "C-1", T0);
      repository.insert(first);

      assertThrows(ConcurrencyConflictException.class,
          () -> repository.insert(call(ACME, "ACT-1", "C-2", hoursAfterT0(1))));
      assertEquals(Optional.of(first), repository.find(first.id()));
    }
  }

  @Nested
  public class Timelines {
    @Test
    void accountTimelineIsNewestFirstByWhenItHappened() {
      Activity monday = call(ACME, "ACT-1", "C-1", T0);
      Activity wednesday = call(ACME, "ACT-2", "C-1", hoursAfterT0(48));
      // Logged last, but it happened on Tuesday: the timeline follows what happened, not what was typed in.
      Activity tuesday = recordedAt(call(ACME, "ACT-3", "C-1", hoursAfterT0(24)), hoursAfterT0(72));
      repository.insert(monday);
      repository.insert(wednesday);
      repository.insert(tuesday);
      repository.insert(call(ACME, "ACT-4", "C-2", hoursAfterT0(96)));

      assertEquals(List.of(wednesday, tuesday, monday), repository.findByAccount(account(ACME, "C-1"), 10));
    }

    @Test
    void activitiesThatHappenedAtOnceAreNewestRecordedFirst() {
      Activity earlierNote = recordedAt(call(ACME, "ACT-1", "C-1", T0), hoursAfterT0(1));
      Activity laterNote = recordedAt(call(ACME, "ACT-2", "C-1", T0), hoursAfterT0(2));
      repository.insert(laterNote);
      repository.insert(earlierNote);

      assertEquals(List.of(laterNote, earlierNote), repository.findByAccount(account(ACME, "C-1"), 10));
    }

    @Test
    void theLimitKeepsTheNewest() {
      for (int i = 1; i <= 5; i++) {
        repository.insert(call(ACME, "ACT-" + i, "C-1", hoursAfterT0(i)));
      }

      assertEquals(List.of("ACT-5", "ACT-4"), ids(repository.findByAccount(account(ACME, "C-1"), 2)));
    }

    @Test
    void aLimitBelowOneIsRejected() {
      assertThrows(IllegalArgumentException.class, () -> repository.findByAccount(account(ACME, "C-1"), 0));
      assertThrows(IllegalArgumentException.class, () -> repository.findByDeal(deal(ACME, "D-1"), 0));
    }

    @Test
    void dealTimelineHoldsEveryActivityNamingTheDeal() {
      Activity aboutDealOfAccount = activity(ACME, "ACT-1", Subject.of(account(ACME, "C-1"), deal(ACME, "D-1")),
          "li", T0);
      Activity aboutDealAlone = activity(ACME, "ACT-2", Subject.ofDeal(deal(ACME, "D-1")), "zhang",
          hoursAfterT0(1));
      repository.insert(aboutDealOfAccount);
      repository.insert(aboutDealAlone);
      repository.insert(activity(ACME, "ACT-3", Subject.ofDeal(deal(ACME, "D-2")), "li", hoursAfterT0(2)));
      repository.insert(call(ACME, "ACT-4", "C-1", hoursAfterT0(3)));

      assertEquals(List.of(aboutDealAlone, aboutDealOfAccount), repository.findByDeal(deal(ACME, "D-1"), 10));
      assertEquals(List.of("ACT-4", "ACT-1"), ids(repository.findByAccount(account(ACME, "C-1"), 10)),
          "an activity about a deal of the account is on the account's timeline too");
    }

    @Test
    void anAuthorsActivitiesAreThoseThatOccurredInTheHalfOpenRangeOldestFirst() {
      Activity atStart = activity(ACME, "ACT-1", Subject.ofAccount(account(ACME, "C-1")), "li", T0);
      Activity inside = activity(ACME, "ACT-2", Subject.ofDeal(deal(ACME, "D-1")), "li", hoursAfterT0(5));
      repository.insert(inside);
      repository.insert(atStart);
      repository.insert(activity(ACME, "ACT-3", Subject.ofAccount(account(ACME, "C-1")), "li", hoursAfterT0(24)));
      repository.insert(activity(ACME, "ACT-4", Subject.ofAccount(account(ACME, "C-1")), "li", hoursAfterT0(-1)));
      repository.insert(activity(ACME, "ACT-5", Subject.ofAccount(account(ACME, "C-1")), "zhang", hoursAfterT0(5)));

      assertEquals(List.of(atStart, inside), repository.findByAuthor(rep(ACME, "li"), T0, hoursAfterT0(24)));
      assertEquals(List.of(), repository.findByAuthor(rep(ACME, "li"), T0, T0));
    }

    @Test
    void aRangeEndingBeforeItStartsIsRejected() {
      assertThrows(IllegalArgumentException.class,
          () -> repository.findByAuthor(rep(ACME, "li"), hoursAfterT0(1), T0));
    }

    @Test
    void latestActivityTimeIsWhenTheLatestHappened() {
      assertEquals(Optional.empty(), repository.latestActivityAt(account(ACME, "C-1")));
      repository.insert(call(ACME, "ACT-1", "C-1", hoursAfterT0(48)));
      repository.insert(recordedAt(call(ACME, "ACT-2", "C-1", hoursAfterT0(24)), hoursAfterT0(96)));
      repository.insert(call(ACME, "ACT-3", "C-2", hoursAfterT0(72)));

      assertEquals(Optional.of(hoursAfterT0(48)), repository.latestActivityAt(account(ACME, "C-1")));
    }
  }

  @Nested
  public class TenantIsolation {
    @Test
    void theSameLocalIdInTwoTenantsNamesTwoActivities() {
      Activity acme = call(ACME, "ACT-1", "C-1", T0);
      Activity globex = ActivitySamples.visit(GLOBEX, "ACT-1");

      repository.insert(acme);
      repository.insert(globex);

      assertEquals(Optional.of(acme), repository.find(acme.id()));
      assertEquals(Optional.of(globex), repository.find(globex.id()));
    }

    @Test
    void queriesNeverCrossTenants() {
      repository.insert(call(ACME, "ACT-1", "C-1", T0));
      repository.insert(activity(GLOBEX, "ACT-2", Subject.of(account(GLOBEX, "C-1"), deal(GLOBEX, "D-1")), "li",
          hoursAfterT0(5)));

      assertEquals(List.of("ACT-1"), ids(repository.findByAccount(account(ACME, "C-1"), 10)));
      assertEquals(List.of(), repository.findByDeal(deal(ACME, "D-1"), 10));
      assertEquals(List.of("ACT-1"), ids(repository.findByAuthor(rep(ACME, "li"), T0, hoursAfterT0(24))));
      assertEquals(Optional.of(T0), repository.latestActivityAt(account(ACME, "C-1")));
      assertEquals(Optional.of(hoursAfterT0(5)), repository.latestActivityAt(account(GLOBEX, "C-1")));
      assertEquals(List.of(), repository.findByAccount(account(TenantId.of("initech"), "C-1"), 10));
    }
  }

  private static List<String> ids(List<Activity> activities) {
    return activities.stream().map(a -> a.id().value()).toList();
  }
}

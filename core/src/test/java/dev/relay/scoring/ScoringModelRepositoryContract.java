package dev.relay.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ScoringModelRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass that returns a fresh, empty repository: {@code class JdbcScoringModelRepositoryTest extends
 * ScoringModelRepositoryContract}.
 */
public abstract class ScoringModelRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");

  private ScoringModelRepository repository;

  /** A new repository holding no models. */
  protected abstract ScoringModelRepository createRepository();

  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  protected static PredictiveModel model(ModelKind kind, int rows) {
    PredictiveSpec spec = PredictiveSamples.spec(kind).perTeam(true).build();
    return ModelTraining.train(spec, PredictiveSamples.history(spec, rows, 20, 11), Instant.parse(
        "2026-03-02T09:00:00Z"));
  }

  @Nested
  public class Versions {
    @Test
    void firstSaveIsVersionOneAndReadsBackEqual() {
      PredictiveModel model = model(ModelKind.NAIVE_BAYES, 600);

      StoredModel saved = repository.save(ACME, "lead_score", model);

      assertEquals(new StoredModel(ACME, "lead_score", 1, model), saved);
      assertEquals(Optional.of(saved), repository.latest(ACME, "lead_score"));
      assertEquals(Optional.of(saved), repository.find(ACME, "lead_score", 1));
    }

    @Test
    void retrainingAddsAVersionAndKeepsTheOldOne() {
      PredictiveModel first = model(ModelKind.NAIVE_BAYES, 600);
      PredictiveModel second = model(ModelKind.LOGISTIC_REGRESSION, 800);
      repository.save(ACME, "lead_score", first);

      StoredModel saved = repository.save(ACME, "lead_score", second);

      assertEquals(2, saved.version());
      assertEquals(second, repository.latest(ACME, "lead_score").orElseThrow().model());
      assertEquals(first, repository.find(ACME, "lead_score", 1).orElseThrow().model());
      assertEquals(Optional.empty(), repository.find(ACME, "lead_score", 3));
    }

    @Test
    void aReadBackModelPredictsExactlyAsTheSavedOne() {
      PredictiveModel model = model(ModelKind.LOGISTIC_REGRESSION, 600);
      repository.save(ACME, "deal_win", model);

      PredictiveModel back = repository.latest(ACME, "deal_win").orElseThrow().model();

      Map<String, Object> deal = Map.of("industry", "bank", "employees", 4000L, "referral", true);
      assertEquals(model.predict(deal, PredictiveSamples.EAST), back.predict(deal, PredictiveSamples.EAST));
    }

    @Test
    void concurrentSavesGetDistinctVersions() throws InterruptedException {
      PredictiveModel model = model(ModelKind.NAIVE_BAYES, 300);
      List<Integer> versions = new CopyOnWriteArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        threads.add(new Thread(() -> versions.add(repository.save(ACME, "lead_score", model).version())));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }

      assertEquals(List.of(1, 2, 3, 4), versions.stream().sorted().toList());
    }
  }

  @Nested
  public class Tenancy {
    @Test
    void unknownKeysAndOtherTenantsModelsAreNotFound() {
      repository.save(ACME, "lead_score", model(ModelKind.NAIVE_BAYES, 300));

      assertEquals(Optional.empty(), repository.latest(GLOBEX, "lead_score"));
      assertEquals(Optional.empty(), repository.latest(ACME, "deal_win"));
      assertTrue(repository.keys(GLOBEX).isEmpty());
    }

    @Test
    void keysAreListedSortedPerTenant() {
      PredictiveModel model = model(ModelKind.NAIVE_BAYES, 300);
      repository.save(ACME, "lead_score", model);
      repository.save(ACME, "deal_win", model);
      repository.save(GLOBEX, "account_fit", model);

      assertEquals(List.of("deal_win", "lead_score"), repository.keys(ACME));
    }
  }
}

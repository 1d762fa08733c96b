package dev.relay.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.relay.common.TenantId;
import dev.relay.scoring.PredictiveModel;
import dev.relay.scoring.PredictiveModelJson;
import dev.relay.scoring.ScoringModelRepository;
import dev.relay.scoring.StoredModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ScoringModelRepository} on table {@code relay_scoring_model}: each version as the text of {@link
 * PredictiveModelJson#write}, under the key {@code (tenant_id, model_key, version)}. Saves for one tenant are serialised
 * by the tenant's {@code scoring_model} row lock, in this engine and in every other one on the database, so concurrent
 * retrainings get distinct, gapless versions; the primary key backs that up. Versions never change, so parsed ones
 * are cached (scoring reads the latest model for every score).
 *
 * <p>Methods throw {@link dev.relay.common.StorageException} if the database fails.
 */
public final class JdbcScoringModelRepository implements ScoringModelRepository {
  private static final String LOCK_PURPOSE = "scoring_model";

  private final Statements sql;
  private final TenantLocks locks;
  private final Cache<Key, StoredModel> parsed = Caffeine.newBuilder().maximumSize(200).build();

  public JdbcScoringModelRepository(JdbcTransactionRunner transactions) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.locks = new TenantLocks(sql.dialect());
  }

  @Override
  public StoredModel save(TenantId tenant, String key, PredictiveModel model) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    String document = PredictiveModelJson.write(Objects.requireNonNull(model, "model"));
    return sql.runner().withConnection(c -> {
      locks.lock(c, tenant.value(), LOCK_PURPOSE);
      int version = 1 + Statements.query(c, "SELECT MAX(version) FROM relay_scoring_model"
          + " WHERE tenant_id = ? AND model_key = ?", rs -> rs.getInt(1), tenant.value(), key).get(0);
      Statements.update(c, "INSERT INTO relay_scoring_model (tenant_id, model_key, version, document)"
          + " VALUES (?, ?, ?, ?)", tenant.value(), key, version, document);
      // What a later read returns: the model rebuilt from its text, as the in-memory reference does.
      StoredModel saved = new StoredModel(tenant, key, version, PredictiveModelJson.read(document));
      Key cacheKey = new Key(tenant.value(), key, version);
      // A version number is reused if this save rolls back, so its cache entry must go with it.
      sql.runner().onRollback(() -> parsed.invalidate(cacheKey));
      parsed.put(cacheKey, saved);
      return saved;
    });
  }

  @Override
  public Optional<StoredModel> latest(TenantId tenant, String key) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Optional<Integer> newest = sql.queryOne("SELECT MAX(version) FROM relay_scoring_model"
        + " WHERE tenant_id = ? AND model_key = ?", rs -> {
          int v = rs.getInt(1);
          return rs.wasNull() ? null : v;
        }, tenant.value(), key);
    return newest.flatMap(v -> find(tenant, key, v));
  }

  @Override
  public Optional<StoredModel> find(TenantId tenant, String key, int version) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Key cacheKey = new Key(tenant.value(), key, version);
    StoredModel cached = parsed.getIfPresent(cacheKey);
    if (cached != null) {
      return Optional.of(cached);
    }
    return sql.runner().withConnection(c -> {
      Optional<StoredModel> read = Statements.query(c, "SELECT document FROM relay_scoring_model"
          + " WHERE tenant_id = ? AND model_key = ? AND version = ?",
          rs -> new StoredModel(tenant, key, version, PredictiveModelJson.read(rs.getString(1))),
          tenant.value(), key, version).stream().findFirst();
      if (read.isPresent()) {
        // The row may be this transaction's own, not yet committed: it must not outlive a rollback in the cache.
        parsed.put(cacheKey, read.get());
        sql.runner().onRollback(() -> parsed.invalidate(cacheKey));
      }
      return read;
    });
  }

  @Override
  public List<String> keys(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query("SELECT DISTINCT model_key FROM relay_scoring_model WHERE tenant_id = ? ORDER BY model_key",
        rs -> rs.getString(1), tenant.value());
  }

  private record Key(String tenant, String modelKey, int version) {}
}

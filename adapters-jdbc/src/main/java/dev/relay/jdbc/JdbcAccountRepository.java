package dev.relay.jdbc;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.pool.Account;
import dev.relay.pool.AccountRepository;
import dev.relay.pool.OwnershipChange;
import dev.relay.pool.OwnershipChangeKind;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import dev.relay.pool.matching.NameGrams;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link AccountRepository} on table {@code relay_account}, with its match index in the same transaction as every
 * write: normalised keys in {@code relay_account_key} (primary key tenant, kind, value, account), name bigrams in
 * {@code relay_account_gram}, and the claims of the ownership history in {@code relay_account_claim} for claim limits.
 * The owner is one column, so an account has at most one owner; the version column makes a second claimant from the
 * same read lose.
 *
 * <p>{@link #nameCandidates} counts shared bigrams in SQL over the gram index, reads the 1,024 accounts sharing the
 * most, scores them exactly (Dice, as {@link NameGrams#dice} does) and returns the best, then by account id.
 */
public final class JdbcAccountRepository implements AccountRepository {
  /** How many accounts sharing the most grams are scored exactly per name lookup. */
  static final int SCORED_AT_MOST = 1024;

  private static final String SELECT = "SELECT tenant_id, playbook_version, document FROM relay_account ";

  private final Statements sql;
  private final AggregateJson json = new AggregateJson();
  private final SchemaSource schemas;
  private final VersionedRows rows;

  public JdbcAccountRepository(JdbcTransactionRunner transactions, SchemaSource schemas) {
    this.sql = new Statements(Objects.requireNonNull(transactions, "transactions"));
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.rows = new VersionedRows(sql, "relay_account", "account",
        List.of("status", "owner_id", "pool", "match_name", "playbook_version", "document"));
  }

  @Override
  public Optional<Account> find(AccountId id) {
    Objects.requireNonNull(id, "id");
    return sql.queryOne(SELECT + "WHERE tenant_id = ? AND id = ?", this::read, id.tenant().value(), id.value());
  }

  @Override
  public void insert(Account account) {
    if (account.version() != 1) {
      throw new IllegalArgumentException("a new account has version 1, not " + account.version() + ": "
          + account.id());
    }
    rows.insert(account.id(), 1, values(account), c -> index(c, account, false));
  }

  @Override
  public void save(Account account, long expectedVersion) {
    if (account.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("account " + account.id() + " saved as version " + account.version()
          + " on top of version " + expectedVersion + "; versions grow by one");
    }
    rows.update(account.id(), expectedVersion, account.version(), values(account), c -> index(c, account, true));
  }

  @Override
  public List<Account> findOwnedBy(RepId rep) {
    Objects.requireNonNull(rep, "rep");
    return sql.query(SELECT + "WHERE tenant_id = ? AND owner_id = ? ORDER BY id", this::read, rep.tenant().value(),
        rep.value());
  }

  @Override
  public List<Account> findOwned(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query(SELECT + "WHERE tenant_id = ? AND owner_id IS NOT NULL ORDER BY id", this::read, tenant.value());
  }

  @Override
  public List<Account> findInPublicPool(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return sql.query(SELECT + "WHERE tenant_id = ? AND owner_id IS NULL ORDER BY id", this::read, tenant.value());
  }

  @Override
  public int countClaimsSince(RepId rep, Instant since) {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(since, "since");
    return sql.queryOne("SELECT COUNT(*) FROM relay_account_claim WHERE tenant_id = ? AND rep_id = ? AND claimed_at >= ?",
        rs -> rs.getInt(1), rep.tenant().value(), rep.value(), since).orElse(0);
  }

  @Override
  public Set<AccountId> accountsWithKeys(TenantId tenant, Collection<MatchKey> keys) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      return Set.of();
    }
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    for (MatchKey k : keys) {
      where.append(where.length() == 0 ? "" : " OR ").append("(kind = ? AND key_value = ?)");
      params.add(k.kind().name());
      params.add(k.value());
    }
    List<String> ids = sql.query("SELECT DISTINCT account_id FROM relay_account_key WHERE tenant_id = ? AND ("
        + where + ")", rs -> rs.getString(1), params.toArray());
    Set<AccountId> out = new LinkedHashSet<>();
    ids.forEach(id -> out.add(AccountId.of(tenant, id)));
    return Set.copyOf(out);
  }

  @Override
  public List<NameCandidate> nameCandidates(TenantId tenant, String normalizedName, int limit) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(normalizedName, "normalizedName");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    int[] grams = grams(normalizedName);
    if (limit == 0 || grams.length == 0) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    params.add(tenant.value());
    for (int g : grams) {
      params.add(g);
    }
    List<NameCandidate> shortlist = sql.query("SELECT a.id, a.match_name FROM relay_account a JOIN ("
        + "SELECT account_id, COUNT(*) AS shared FROM relay_account_gram WHERE tenant_id = ? AND gram IN ("
        + JdbcDealRepository.placeholders(Arrays.stream(grams).boxed().toList()) + ") GROUP BY account_id"
        + " ORDER BY shared DESC, account_id" + sql.dialect().limit(SCORED_AT_MOST) + ") s ON s.account_id = a.id"
        + " WHERE a.tenant_id = ?", rs -> new NameCandidate(AccountId.of(tenant, rs.getString(1)), rs.getString(2)),
        withTenantLast(params, tenant));
    NameGrams query = NameGrams.of(normalizedName);
    record Scored(NameCandidate candidate, double dice) {}
    return shortlist.stream()
        .map(c -> new Scored(c, query.dice(NameGrams.of(c.normalizedName()))))
        .sorted(Comparator.comparingDouble(Scored::dice).reversed()
            .thenComparing(s -> s.candidate().account().value()))
        .limit(limit)
        .map(Scored::candidate)
        .toList();
  }

  private static Object[] withTenantLast(List<Object> params, TenantId tenant) {
    List<Object> all = new ArrayList<>(params);
    all.add(tenant.value());
    return all.toArray();
  }

  /** Re-indexes the account under exactly its keys, name grams and claims. */
  private void index(Connection c, Account account, boolean replace) throws SQLException {
    String tenant = account.tenant().value();
    String id = account.id().value();
    if (replace) {
      Statements.update(c, "DELETE FROM relay_account_key WHERE tenant_id = ? AND account_id = ?", tenant, id);
      Statements.update(c, "DELETE FROM relay_account_gram WHERE tenant_id = ? AND account_id = ?", tenant, id);
      Statements.update(c, "DELETE FROM relay_account_claim WHERE tenant_id = ? AND account_id = ?", tenant, id);
    }
    List<@Nullable Object[]> keys = new ArrayList<>();
    for (MatchKey k : account.keys()) {
      keys.add(new Object[] {tenant, k.kind().name(), k.value(), id});
    }
    Statements.batch(c, "INSERT INTO relay_account_key (tenant_id, kind, key_value, account_id) VALUES (?, ?, ?, ?)",
        keys);
    String name = matchName(account.keys());
    if (name != null) {
      List<@Nullable Object[]> grams = new ArrayList<>();
      for (int g : grams(name)) {
        grams.add(new Object[] {tenant, g, id});
      }
      Statements.batch(c, "INSERT INTO relay_account_gram (tenant_id, gram, account_id) VALUES (?, ?, ?)", grams);
    }
    List<@Nullable Object[]> claims = new ArrayList<>();
    List<OwnershipChange> history = account.history();
    for (int i = 0; i < history.size(); i++) {
      OwnershipChange change = history.get(i);
      if (change.kind() == OwnershipChangeKind.CLAIMED && change.to() != null) {
        claims.add(new Object[] {tenant, id, i, change.to().value(), change.at()});
      }
    }
    Statements.batch(c, "INSERT INTO relay_account_claim (tenant_id, account_id, entry, rep_id, claimed_at)"
        + " VALUES (?, ?, ?, ?, ?)", claims);
  }

  private Object[] values(Account account) {
    return new Object[] {account.status().name(), account.owner() == null ? null : account.owner().value(),
        account.pool(), matchName(account.keys()), account.playbookVersion(), json.write(account)};
  }

  private static @Nullable String matchName(Set<MatchKey> keys) {
    for (MatchKey k : keys) {
      if (k.kind() == MatchKind.COMPANY_NAME || k.kind() == MatchKind.PERSON_NAME) {
        return k.value();
      }
    }
    return null;
  }

  /** The distinct bigram codes of a normalised name, coded as {@link NameGrams} codes them. */
  static int[] grams(String name) {
    int n = name.length();
    if (n == 0) {
      return new int[0];
    }
    if (n == 1) {
      return new int[] {name.charAt(0)};
    }
    return java.util.stream.IntStream.range(0, n - 1)
        .map(i -> (name.charAt(i) << 16) | name.charAt(i + 1))
        .distinct().sorted().toArray();
  }

  private Account read(ResultSet rs) throws SQLException {
    TenantId tenant = TenantId.of(rs.getString(1));
    return json.read(rs.getString(3), Account.class, schemas.schema(tenant, rs.getInt(2), EntityKind.ACCOUNT));
  }
}

package dev.relay.pool;

import dev.relay.criteria.CompiledCriteria;
import dev.relay.criteria.CriteriaCompiler;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.playbook.VersionedPlaybook;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One playbook version's pool section with every criteria compiled against that version's account schema: the pools'
 * membership criteria, and for the recycle sweep each pool's recycle scopes and exemption criteria. Built once per
 * version by {@link CompiledPools}; immutable and shared between threads.
 */
final class PoolRules {
  private final VersionedPlaybook playbook;
  private final PoolPolicy policy;
  private final FieldSchema schema;
  private final List<CompiledPool> pools;

  private PoolRules(VersionedPlaybook playbook) {
    this.playbook = playbook;
    this.policy = playbook.playbook().pool();
    this.schema = playbook.playbook().schema(EntityKind.ACCOUNT);
    List<CompiledPool> compiled = new ArrayList<>();
    for (int i = 0; i < policy.pools().size(); i++) {
      PoolDefinition definition = policy.pools().get(i);
      String path = "pool.pools[" + i + "]";
      List<CompiledCriteria> recycleScopes = new ArrayList<>();
      for (int j = 0; j < definition.recycle().size(); j++) {
        recycleScopes.add(CriteriaCompiler.compile(definition.recycle().get(j).when(), schema,
            path + ".recycle[" + j + "].when"));
      }
      compiled.add(new CompiledPool(i, path, definition,
          CriteriaCompiler.compile(definition.accounts(), schema, path + ".accounts"),
          List.copyOf(recycleScopes),
          CriteriaCompiler.compile(definition.exempt().when(), schema, path + ".exempt.when")));
    }
    this.pools = List.copyOf(compiled);
  }

  /**
   * Compiles a version's pool rules.
   *
   * @throws dev.relay.common.ValidationException if a criteria does not fit the schema (never for a valid playbook)
   */
  static PoolRules compile(VersionedPlaybook playbook) {
    return new PoolRules(playbook);
  }

  int version() {
    return playbook.version();
  }

  PoolPolicy policy() {
    return policy;
  }

  FieldSchema schema() {
    return schema;
  }

  /** The pipeline of the same version, which the sweep needs to tell open contracts from finished ones. */
  PipelineDefinition pipeline() {
    return playbook.playbook().pipeline();
  }

  /** The tenant's time zone, in which "per day" limits count days. */
  ZoneId zone() {
    return playbook.playbook().zone();
  }

  List<CompiledPool> pools() {
    return pools;
  }

  /** The pool with this key, if the current version still has it. */
  Optional<CompiledPool> pool(@Nullable String key) {
    return key == null ? Optional.empty() : pools.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /** The first pool whose criteria the fields match, or {@code null}. */
  @Nullable CompiledPool poolOf(FieldValues fields) {
    for (CompiledPool p : pools) {
      if (p.accounts().test(fields)) {
        return p;
      }
    }
    return null;
  }

  /** The account with its fields laid out for this version's schema (a no-op if they already are). */
  Account bind(Account account) {
    if (account.fields().schema() == schema) {
      return account;
    }
    Account.Draft d = account.draft();
    d.fields = account.fields().rebind(schema);
    return derive(d.build());
  }

  /** The account with its built-in fields mirrored and its pool recomputed from its fields. */
  Account derive(Account account) {
    Account mirrored = account.withBuiltIns();
    CompiledPool pool = poolOf(mirrored.fields());
    String key = pool == null ? null : pool.key();
    if (java.util.Objects.equals(key, mirrored.pool())) {
      return mirrored;
    }
    Account.Draft d = mirrored.draft();
    d.pool = key;
    return d.build();
  }

  /**
   * One pool with its compiled criteria.
   *
   * @param index its position in the playbook
   * @param path its path in the playbook, e.g. {@code pool.pools[0]}, the prefix of its rules in reasons
   * @param definition as configured
   * @param accounts which accounts belong to it
   * @param recycleScopes each recycle rule's {@code when}, in rule order
   * @param exemptWhen the extra accounts never recycled
   */
  record CompiledPool(int index, String path, PoolDefinition definition, CompiledCriteria accounts,
      List<CompiledCriteria> recycleScopes, CompiledCriteria exemptWhen) {
    String key() {
      return definition.key();
    }

    ClaimRules claim() {
      return definition.claim();
    }
  }
}

package dev.relay.pool;

import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.Verdict;
import dev.relay.pool.PoolRules.CompiledPool;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether an owner may lock one more account against recycling: fewer than the pool's {@code max_locked} of the owner's
 * accounts in that pool may be locked already. An account that matches no pool has no limit.
 */
final class LockPolicy {

  /** @param owned the accounts the owner owns now */
  Verdict check(Account account, @Nullable CompiledPool pool, List<Account> owned) {
    if (pool == null || pool.claim().maxLocked() == null) {
      return Verdict.allowed();
    }
    int max = pool.claim().maxLocked();
    long locked = owned.stream().filter(a -> a.locked() && pool.key().equals(a.pool())).count();
    if (locked < max) {
      return Verdict.allowed();
    }
    return Verdict.rejected(ErrorCode.FORBIDDEN, List.of(new Reason(pool.path() + ".claim.max_locked",
        "you already locked " + locked + " accounts of pool '" + pool.key() + "'; at most " + max
            + " may be locked; unlock one first")));
  }
}

package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ConcurrencyConflictException;
import dev.relay.common.EventPublisher;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.common.TransactionRunner;
import dev.relay.org.OrgDirectory;
import dev.relay.pipeline.DealRepository;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.playbook.PlaybookRepository;
import dev.relay.pool.PoolEvent.AccountRecycled;
import dev.relay.pool.PoolEvent.RecycleWarningIssued;
import dev.relay.pool.PoolRules.CompiledPool;
import dev.relay.pool.RecyclePolicy.Neglect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Returns neglected accounts to the public pool (公海) and warns their owners beforehand. The host schedules {@link
 * #sweep} (Relay starts no threads); given the clock's "now" it recycles each account whose earliest applicable recycle
 * rule is due, recording the rule and the reason in the account's history and publishing {@link AccountRecycled}, and
 * warns each owner whose account falls due within the rule's {@code warn_days_before}, publishing {@link
 * RecycleWarningIssued} once per due time.
 *
 * <p>Exactly once: an account is recycled in one optimistic write that also removes its owner, so a second sweep — in
 * this process or another sharing the store — finds it in the pool and leaves it alone; an account changing under the
 * sweep (a follow-up, a transfer) is re-assessed on its fresh state, and one that keeps changing is left for the next
 * sweep. See {@link RecyclePolicy} for how due times are computed.
 */
public final class RecycleSweep {
  private final AccountRepository accounts;
  private final DealRepository deals;
  private final AccountCommands commands;
  private final RecyclePolicy policy = new RecyclePolicy();

  public RecycleSweep(AccountRepository accounts, DealRepository deals, PlaybookRepository playbooks,
      OrgDirectory org, EventPublisher events, TransactionRunner transactions, Clock clock) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.commands = new AccountCommands(accounts, new CompiledPools(Objects.requireNonNull(playbooks, "playbooks")),
        Objects.requireNonNull(org, "org"), Objects.requireNonNull(events, "events"),
        Objects.requireNonNull(transactions, "transactions"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Recycles the tenant's neglected accounts and issues due warnings, at the clock's now.
   *
   * @throws dev.relay.common.NotFoundException if the tenant has no playbook
   */
  public SweepReport sweep(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    commands.rules(tenant); // fails fast without a playbook
    List<Recycled> recycled = new ArrayList<>();
    List<Warned> warned = new ArrayList<>();
    for (Account owned : accounts.findOwned(tenant)) {
      try {
        commands.run(owned.id(), a -> sweepOne(a, recycled, warned));
      } catch (ConcurrencyConflictException keepsChanging) {
        // Someone keeps working on it: it is clearly not neglected right now; the next sweep looks again.
      }
    }
    return new SweepReport(recycled, warned);
  }

  private Optional<Object> sweepOne(AccountCommands.Attempt a, List<Recycled> recycled, List<Warned> warned) {
    Account account = a.account;
    RepId owner = account.owner();
    Optional<CompiledPool> pool = a.rules.pool(account.pool());
    if (owner == null || pool.isEmpty()) {
      return Optional.empty();
    }
    PipelineDefinition pipeline = a.rules.pipeline();
    Optional<Neglect> neglect = policy.assess(account, pool.get(), a.policy().gradeField(),
        deals.findByAccount(account.id()), pipeline, a.now);
    if (neglect.isEmpty()) {
      return Optional.empty();
    }
    Neglect n = neglect.get();
    if (n.isDue(a.now)) {
      Account back = account.draft()
          .changeOwner(OwnershipChangeKind.RECYCLED, null, null, a.now, n.rule().key() + ": " + n.reason(),
              a.version(), null)
          .build();
      a.store(back, List.of(new AccountRecycled(account.id(), a.now, owner, n.rule().key(), n.reason())));
      recycled.add(new Recycled(account.id(), owner, n.rule().key(), n.path(), n.reason(), n.due()));
    } else if (n.isWarnable(a.now) && !alreadyWarned(account, n)) {
      Account.Draft d = account.draft();
      d.recycleWarning = new RecycleWarning(n.rule().key(), n.due(), a.now);
      a.store(d.build(), List.of(new RecycleWarningIssued(account.id(), a.now, owner, n.rule().key(), n.due())));
      warned.add(new Warned(account.id(), owner, n.rule().key(), n.due()));
    }
    return Optional.empty();
  }

  private static boolean alreadyWarned(Account account, Neglect n) {
    RecycleWarning w = account.recycleWarning();
    return w != null && w.ruleKey().equals(n.rule().key()) && w.due().equals(n.due());
  }

  /**
   * What one sweep did.
   *
   * @param recycled the accounts returned to the pool, ordered by account id
   * @param warned the owners warned, ordered by account id
   */
  public record SweepReport(List<Recycled> recycled, List<Warned> warned) {
    public SweepReport {
      recycled = List.copyOf(recycled);
      warned = List.copyOf(warned);
    }
  }

  /**
   * An account returned to the public pool.
   *
   * @param account the account
   * @param from its owner until now
   * @param ruleKey the recycle rule that fired
   * @param rulePath the rule's path in the playbook
   * @param reason in words
   * @param due when it fell due
   */
  public record Recycled(AccountId account, RepId from, String ruleKey, String rulePath, String reason, Instant due) {}

  /**
   * A warning to an owner that an account will be recycled.
   *
   * @param account the account
   * @param owner who was warned
   * @param ruleKey the rule that will fire
   * @param due when, unless someone follows up
   */
  public record Warned(AccountId account, RepId owner, String ruleKey, Instant due) {}
}

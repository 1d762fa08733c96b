package dev.relay.pool;

import dev.relay.common.Reason;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealStatus;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageTransition;
import dev.relay.pool.PoolRules.CompiledPool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an owned account is neglected: pure, a function of the account, its pool's rules, its deals and
 * "now". An account is assessed only if no exemption holds (locked, customer, open contract, the pool's {@code
 * exempt.when}); then every recycle rule whose scope matches gives a due time, and the earliest one counts.
 *
 * <p>Due time of a rule = the moment neglect started + the rule's days for the account's grade, where neglect starts
 * at the later of the claim and the last follow-up ({@code no_follow_up}), the last stage change of any of the account's
 * deals ({@code no_deal_progress}), or the claim ({@code not_won_after_claim}, which never applies to customers). The
 * owner's claim protection and an active deal registration (报备) of the owner push the due time back to their end.
 */
final class RecyclePolicy {

  /**
   * Why an account is (or soon will be) recycled.
   *
   * @param rule the rule with the earliest due time
   * @param path the rule's path in the playbook, e.g. {@code pool.pools[0].recycle[1]}
   * @param since when the neglect started
   * @param due when the account goes back to the pool
   * @param reason in words, for the history and the event
   */
  record Neglect(RecycleRule rule, String path, Instant since, Instant due, String reason) {
    boolean isDue(Instant now) {
      return !now.isBefore(due);
    }

    boolean isWarnable(Instant now) {
      return rule.warnDaysBefore() > 0 && !now.isBefore(due.minus(Duration.ofDays(rule.warnDaysBefore())));
    }
  }

  /** The exemption that keeps the account, if any, as a reason naming its rule. */
  Optional<Reason> exemption(Account account, CompiledPool pool, List<Deal> deals, PipelineDefinition pipeline) {
    Exemptions exempt = pool.definition().exempt();
    String path = pool.path() + ".exempt";
    if (exempt.locked() && account.locked()) {
      return Optional.of(new Reason(path + ".locked", "the owner locked it"));
    }
    if (exempt.customers() && account.status() == AccountStatus.CUSTOMER) {
      return Optional.of(new Reason(path + ".customers", "it is a customer"));
    }
    if (exempt.openContracts() && hasOpenContract(deals, pipeline)) {
      return Optional.of(new Reason(path + ".open_contracts", "a won deal is still in contract or payment"));
    }
    if (pool.exemptWhen().test(account.fields())) {
      return Optional.of(new Reason(path + ".when", "it matches the pool's exemption criteria"));
    }
    return Optional.empty();
  }

  /** The earliest-due neglect among the rules whose scope matches, or empty if none applies or the account is exempt. */
  Optional<Neglect> assess(Account account, CompiledPool pool, @Nullable String gradeField, List<Deal> deals,
      PipelineDefinition pipeline, Instant now) {
    if (account.owner() == null || account.claimedAt() == null
        || exemption(account, pool, deals, pipeline).isPresent()) {
      return Optional.empty();
    }
    String grade = gradeField == null ? null : gradeOf(account.fields().get(gradeField));
    Neglect earliest = null;
    List<RecycleRule> rules = pool.definition().recycle();
    for (int i = 0; i < rules.size(); i++) {
      RecycleRule rule = rules.get(i);
      if (!pool.recycleScopes().get(i).test(account.fields())) {
        continue;
      }
      Instant since = neglectedSince(rule.trigger(), account, deals);
      if (since == null) {
        continue;
      }
      int days = rule.daysFor(grade);
      Instant due = since.plus(Duration.ofDays(days));
      due = latest(due, account.protectedUntil());
      if (account.registration() != null && account.registration().rep().equals(account.owner())
          && account.registration().isActiveAt(now)) {
        due = latest(due, account.registration().expiresAt());
      }
      if (earliest == null || due.isBefore(earliest.due())) {
        earliest = new Neglect(rule, pool.path() + ".recycle[" + i + "]", since, due,
            describe(rule, days, grade, since));
      }
    }
    return Optional.ofNullable(earliest);
  }

  private static @Nullable Instant neglectedSince(RecycleTrigger trigger, Account account, List<Deal> deals) {
    Instant claimed = account.claimedAt();
    return switch (trigger) {
      case NO_FOLLOW_UP -> latest(claimed, account.lastFollowUpAt());
      case NO_DEAL_PROGRESS -> latest(claimed, lastProgress(deals));
      case NOT_WON_AFTER_CLAIM -> account.status() == AccountStatus.CUSTOMER ? null : claimed;
    };
  }

  private static @Nullable Instant lastProgress(List<Deal> deals) {
    Instant last = null;
    for (Deal deal : deals) {
      StageTransition t = deal.lastTransition();
      last = latest(last, t.at());
    }
    return last;
  }

  /** A won deal not yet in the pipeline's last stage: the contract is being fulfilled or paid. */
  private static boolean hasOpenContract(List<Deal> deals, PipelineDefinition pipeline) {
    int last = pipeline.stages().size() - 1;
    for (Deal deal : deals) {
      if (deal.status() == DealStatus.WON && pipeline.indexOf(deal.stage()) < last) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String gradeOf(@Nullable Object value) {
    return value instanceof String s ? s : null;
  }

  private static String describe(RecycleRule rule, int days, @Nullable String grade, Instant since) {
    String what = switch (rule.trigger()) {
      case NO_FOLLOW_UP -> "no follow-up";
      case NO_DEAL_PROGRESS -> "no deal progress";
      case NOT_WON_AFTER_CLAIM -> "not won";
    };
    return rule.label() + ": " + what + " for " + days + " days"
        + (grade == null ? "" : " (grade " + grade + ")") + " since " + since;
  }

  private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}

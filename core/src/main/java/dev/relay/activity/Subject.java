package dev.relay.activity;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an activity or a task is about: an account, a deal, or a deal together with its account. Only a subject with an
 * account counts as a follow-up of that account (see {@link FollowUpListener}); name both when a call about a deal
 * should also keep the account from being recycled.
 *
 * @param account the account, or {@code null} for a deal alone
 * @param deal the deal, or {@code null} for an account alone
 * @throws IllegalArgumentException if both are {@code null} or they belong to different tenants
 */
public record Subject(@Nullable AccountId account, @Nullable DealId deal) {
  public Subject {
    if (account == null && deal == null) {
      throw new IllegalArgumentException("a subject needs an account, a deal or both");
    }
    if (account != null && deal != null && !account.tenant().equals(deal.tenant())) {
      throw new IllegalArgumentException("account " + account + " and deal " + deal + " belong to different tenants");
    }
  }

  /** An account alone. */
  public static Subject ofAccount(AccountId account) {
    return new Subject(Objects.requireNonNull(account, "account"), null);
  }

  /** A deal alone; it does not count as a follow-up of any account. */
  public static Subject ofDeal(DealId deal) {
    return new Subject(null, Objects.requireNonNull(deal, "deal"));
  }

  /** A deal of an account; counts as a follow-up of the account. */
  public static Subject of(AccountId account, DealId deal) {
    return new Subject(Objects.requireNonNull(account, "account"),
        Objects.requireNonNull(deal, "deal"));
  }

  /** The tenant both ids belong to. */
  public TenantId tenant() {
    return account != null ? account.tenant() : Objects.requireNonNull(deal).tenant();
  }

  /** Whether this subject names that account. */
  public boolean concerns(AccountId other) {
    return other.equals(account);
  }

  /** Whether this subject names that deal. */
  public boolean concerns(DealId other) {
    return other.equals(deal);
  }

  @Override
  public String toString() {
    if (account == null) {
      return "deal " + deal;
    }
    return deal == null ? "account " + account : "deal " + deal + " of account " + account;
  }
}

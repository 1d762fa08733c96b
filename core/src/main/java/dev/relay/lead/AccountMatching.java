package dev.relay.lead;

import dev.relay.common.AccountId;
import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pool.Account;
import dev.relay.pool.AccountRepository;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lead-to-account matching: the existing account (客户) a lead belongs to, looked up in the account registry's key index
 * by the lead's company name, phones, e-mail addresses and company e-mail domains — exact normalised keys, so {@code
 * 上海振华重工（集团）股份有限公司} finds {@code 上海振华重工股份有限公司}. Of several accounts, an owned one comes first
 * (routing should go to the rep who already owns the customer, never make a second owner), then the one sharing the
 * most specific key (e-mail or phone, then name, then domain), then the smallest id.
 */
final class AccountMatching {
  static final String RULE = "leads.account_matching";
  private static final List<MatchKind> SPECIFIC_FIRST =
      List.of(MatchKind.EMAIL, MatchKind.PHONE, MatchKind.COMPANY_NAME, MatchKind.EMAIL_DOMAIN);

  private final AccountRepository accounts;

  AccountMatching(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /** The account the lead's keys match, if any. */
  Optional<Match> find(TenantId tenant, Set<MatchKey> leadKeys) {
    List<MatchKey> keys = LeadKeys.forAccounts(leadKeys);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    List<Match> found = new ArrayList<>();
    for (AccountId id : accounts.accountsWithKeys(tenant, keys)) {
      accounts.find(id).ifPresent(a -> found.add(new Match(a, keys.stream().filter(a.keys()::contains).toList())));
    }
    return found.stream().min(Comparator.<Match>comparingInt(m -> m.account().owner() == null ? 1 : 0)
        .thenComparingInt(Match::specificity)
        .thenComparing(m -> m.account().id().value()));
  }

  /**
   * The current owner of the account a lead was matched to, for routing it again (the account may have changed hands
   * since the capture); {@code null} if none or in the public pool.
   */
  @Nullable RepId currentOwner(@Nullable AccountId matched) {
    return matched == null ? null : accounts.find(matched).map(Account::owner).orElse(null);
  }

  /**
   * An account a lead matched.
   *
   * @param account the account as read
   * @param shared the keys they share
   */
  record Match(Account account, List<MatchKey> shared) {
    int specificity() {
      return shared.stream().mapToInt(k -> SPECIFIC_FIRST.indexOf(k.kind())).min().orElse(SPECIFIC_FIRST.size());
    }

    List<Reason> reasons() {
      String owner = account.owner() == null ? "in the public pool" : "owned by " + account.owner().value();
      return List.of(new Reason(RULE, "matched account " + account.id().value() + " (" + account.name() + "), "
          + owner + ", by " + shared.stream().map(MatchKey::toString).toList()));
    }
  }
}

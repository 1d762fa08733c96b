package dev.relay.lead;

import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a lead was converted into. The host (or the facade) creates the account and deal; the lead records them.
 *
 * @param account the account the lead became (or was attached to)
 * @param deal the deal opened for it, or {@code null}
 * @param by who converted it
 * @param at when
 */
public record Conversion(AccountId account, @Nullable DealId deal, RepId by, Instant at) {
  public Conversion {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    if (deal != null && !deal.tenant().equals(account.tenant())) {
      throw new IllegalArgumentException("deal " + deal + " and account " + account + " belong to different tenants");
    }
  }
}

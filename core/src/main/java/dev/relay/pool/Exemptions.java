package dev.relay.pool;

import dev.relay.criteria.Criteria;
import java.util.Objects;

/**
 * Owned accounts that are never recycled.
 *
 * @param locked accounts their owner locked (within the claim rules' lock limit)
 * @param customers accounts that are already customers (have won a deal)
 * @param openContracts accounts with a won deal still in a post-sale stage (an open contract or receivable)
 * @param when any account matching these criteria ({@code any: []} — never — for none)
 */
public record Exemptions(boolean locked, boolean customers, boolean openContracts, Criteria when) {
  public Exemptions {
    Objects.requireNonNull(when, "when");
  }

  /** Locked accounts, customers and open contracts are exempt; no extra criteria. */
  public static Exemptions standard() {
    return new Exemptions(true, true, true, Criteria.any());
  }

  /** These exemptions, with {@code criteria} as the extra accounts never recycled. */
  public Exemptions withWhen(Criteria criteria) {
    return new Exemptions(locked, customers, openContracts, criteria);
  }
}

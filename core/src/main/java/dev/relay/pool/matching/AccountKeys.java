package dev.relay.pool.matching;

import dev.relay.pool.AccountKind;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Derives an account's normalised match keys. */
public final class AccountKeys {
  private AccountKeys() {}

  /**
   * The keys of an account's identifying details.
   *
   * @param defaultRegion ISO 3166 region for phone numbers without a country code, e.g. {@code CN}
   * @throws dev.relay.common.ValidationException listing every detail that cannot be normalised, with paths {@code
   *     name}, {@code phones[i]}, {@code emails[i]}, {@code credit_code}
   */
  public static Set<MatchKey> of(AccountKind kind, String name, List<String> phones, List<String> emails,
      @Nullable String creditCode, String defaultRegion) {
    throw new UnsupportedOperationException("TODO");
  }
}

package dev.relay.incentive;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a won deal's credit is split by the roles its collaborators play on it (分单规则): a {@code presales} collaborator
 * may take 20% of the revenue from the owner, a {@code specialist} may get 50% overlay credit on top. The owner keeps
 * what the revenue roles leave.
 *
 * @param revenuePercentByRole revenue share taken from the owner per collaborator role
 * @param overlayPercentByRole overlay share per collaborator role, kept apart from revenue
 * @throws IllegalArgumentException if a share is not in (0, 100]
 */
public record SplitPolicy(Map<String, BigDecimal> revenuePercentByRole, Map<String, BigDecimal> overlayPercentByRole) {
  public SplitPolicy {
    revenuePercentByRole = Map.copyOf(new TreeMap<>(revenuePercentByRole));
    overlayPercentByRole = Map.copyOf(new TreeMap<>(overlayPercentByRole));
    for (var e : revenuePercentByRole.entrySet()) {
      checkShare(e.getKey(), e.getValue());
    }
    for (var e : overlayPercentByRole.entrySet()) {
      checkShare(e.getKey(), e.getValue());
    }
  }

  /** The owner takes all credit; collaborators none. */
  public static SplitPolicy ownerTakesAll() {
    return new SplitPolicy(Map.of(), Map.of());
  }

  private static void checkShare(String role, BigDecimal percent) {
    Objects.requireNonNull(role, "role");
    if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("share of role " + role + " must be in (0, 100]: " + percent);
    }
  }
}

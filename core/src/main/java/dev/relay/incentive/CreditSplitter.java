package dev.relay.incentive;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.ValidationException;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.Collaborator;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.DealStatus;
import dev.relay.pipeline.StageTransition;
import dev.relay.pipeline.TransitionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a deal into credit lines (分单). Revenue shares are allocated with {@link Money#allocate}: the revenue credits of
 * a deal add up exactly to its amount rounded to the minor unit, so splitting neither creates nor loses money. Overlay
 * credits are computed separately and never count as revenue.
 */
public final class CreditSplitter {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CreditSplitter() {}

  /**
   * Splits one deal's amount among its collaborators.
   *
   * @throws ValidationException if the revenue shares do not total exactly 100 ({@code splits} path) or a rep has two
   *     shares of the same kind ({@code splits[i]})
   */
  public static List<DealCredit> split(DealId deal, Money amount, List<CreditSplit> splits, Instant bookedAt,
      @Nullable Instant collectedAt, @Nullable FieldValues fields) {
    List<Problem> problems = new ArrayList<>();
    BigDecimal revenueTotal = BigDecimal.ZERO;
    Set<String> seen = new HashSet<>();
    List<CreditSplit> revenue = new ArrayList<>();
    List<CreditSplit> overlay = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      CreditSplit s = splits.get(i);
      if (!seen.add(s.kind() + "/" + s.rep().value())) {
        problems.add(new Problem("splits[" + i + "]", s.rep().value() + " has two " + s.kind() + " shares"));
      }
      if (s.kind() == CreditKind.REVENUE) {
        revenueTotal = revenueTotal.add(s.percent());
        revenue.add(s);
      } else {
        overlay.add(s);
      }
    }
    if (revenueTotal.compareTo(HUNDRED) != 0) {
      problems.add(new Problem("splits", "revenue shares of " + deal.value() + " total " + revenueTotal.toPlainString()
          + "%, not 100%"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    List<DealCredit> credits = new ArrayList<>(splits.size());
    List<Money> parts = amount.allocate(revenue.stream().map(CreditSplit::percent).toList());
    for (int i = 0; i < revenue.size(); i++) {
      credits.add(new DealCredit(deal, revenue.get(i).rep(), parts.get(i), CreditKind.REVENUE, bookedAt, collectedAt,
          fields));
    }
    for (CreditSplit s : overlay) {
      credits.add(new DealCredit(deal, s.rep(), amount.times(s.percent().movePointLeft(2)).rounded(),
          CreditKind.OVERLAY, bookedAt, collectedAt, fields));
    }
    return List.copyOf(credits);
  }

  /**
   * The credits of a won deal under a split policy: each collaborator whose role has a revenue share takes it from the
   * owner, each whose role has an overlay share gets it on top. Booked when the deal was (last) won; collected when it
   * (last) entered {@code collectedStage} after that, if given. An open or lost deal has no credits, so recomputing
   * credits from the deals keeps attainment up to date as deals move.
   *
   * @throws ValidationException if the collaborators' revenue shares exceed 100%
   */
  public static List<DealCredit> credits(Deal deal, SplitPolicy policy, @Nullable String collectedStage) {
    if (deal.status() != DealStatus.WON) {
      return List.of();
    }
    Optional<Instant> won = lastWon(deal);
    if (won.isEmpty()) {
      return List.of();
    }
    Instant collected = collectedStage == null ? null : entered(deal, collectedStage, won.get());
    List<CreditSplit> splits = new ArrayList<>();
    BigDecimal taken = BigDecimal.ZERO;
    for (Collaborator c : deal.collaborators()) {
      if (c.rep().equals(deal.owner())) {
        continue;
      }
      BigDecimal revenueShare = policy.revenuePercentByRole().get(c.role());
      if (revenueShare != null) {
        splits.add(new CreditSplit(c.rep(), revenueShare, CreditKind.REVENUE));
        taken = taken.add(revenueShare);
      }
      BigDecimal overlayShare = policy.overlayPercentByRole().get(c.role());
      if (overlayShare != null) {
        splits.add(new CreditSplit(c.rep(), overlayShare, CreditKind.OVERLAY));
      }
    }
    if (taken.compareTo(HUNDRED) > 0) {
      throw ValidationException.of("splits", "collaborators of " + deal.id().value() + " take " + taken.toPlainString()
          + "% of the revenue, more than 100%");
    }
    if (taken.compareTo(HUNDRED) < 0) {
      splits.add(0, new CreditSplit(deal.owner(), HUNDRED.subtract(taken), CreditKind.REVENUE));
    }
    return split(deal.id(), deal.amount(), splits, won.get(), collected, deal.fields());
  }

  /** When the deal was last won, from its history. */
  static Optional<Instant> lastWon(Deal deal) {
    List<StageTransition> history = deal.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).kind() == TransitionKind.WON) {
        return Optional.of(history.get(i).at());
      }
    }
    return Optional.empty();
  }

  private static @Nullable Instant entered(Deal deal, String stage, Instant notBefore) {
    Instant at = null;
    for (StageTransition t : deal.history()) {
      if (t.to().equals(stage) && t.entersStage() && !t.at().isBefore(notBefore)) {
        at = t.at();
      }
    }
    return at;
  }

  /** Whether {@code rep} holds any credit of {@code kind} in {@code credits} on {@code deal}. */
  static boolean credited(List<DealCredit> credits, DealId deal, RepId rep) {
    for (DealCredit c : credits) {
      if (c.deal().equals(deal) && c.rep().equals(rep)) {
        return true;
      }
    }
    return false;
  }
}

package dev.relay.assignment;

import dev.relay.common.Reason;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Strategy#STICKY_OWNER}: the lead's account owner when eligible (whether or not a member of the target, since
 * the relationship is what counts), else round robin among the members.
 */
final class StickyOwnerStrategy implements RoutingStrategy {
  static final StickyOwnerStrategy INSTANCE = new StickyOwnerStrategy();

  private StickyOwnerStrategy() {}

  @Override
  public Pick pick(StrategyInput input) {
    Candidate owner = input.owner();
    if (owner != null && owner.eligible()) {
      return new Pick(owner, List.of(new Reason(input.path(), "sticky owner: " + owner.display()
          + " owns the lead's account and is eligible")), StrategyState.none(), Map.of());
    }
    Pick pick = RoundRobinStrategy.rotate(input, Candidate::eligible, "round robin");
    if (pick.chosen() == null) {
      return pick;
    }
    String why = owner == null ? "the lead's account has no owner"
        : "the account owner " + owner.display() + " is not eligible: "
            + owner.exclusions().stream().map(Reason::message).collect(Collectors.joining("; "));
    return pick.after(new Reason(input.path(), why));
  }
}

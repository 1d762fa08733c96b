package dev.relay.pipeline;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import dev.relay.org.OrgChart;
import java.util.Optional;

/**
 * Who is responsible for a deal in a stage: the owner for {@link StageDefinition#OWNER}, otherwise the active holder of
 * the stage's role nearest to the owner. When nobody holds the role the owner stays responsible, so a deal is never
 * nobody's; the reason says so, so hosts can flag the gap in their organisation.
 */
final class ResponsibleResolver {

  Responsibility resolve(StageDefinition stage, int stageIndex, RepId owner, OrgChart chart) {
    String rule = "pipeline.stages[" + stageIndex + "].responsible";
    String role = stage.responsibleRole();
    if (StageDefinition.OWNER.equals(role)) {
      return new Responsibility(owner, false,
          new Reason(rule, "the owner " + owner.value() + " is responsible in '" + stage.key() + "'"));
    }
    Optional<RepId> holder = chart.nearestHolderOf(role, owner);
    if (holder.isPresent()) {
      return new Responsibility(holder.get(), false, new Reason(rule, holder.get().value()
          + " is responsible in '" + stage.key() + "' as the nearest '" + role + "' to owner " + owner.value()));
    }
    return new Responsibility(owner, true, new Reason(rule, "nobody active holds role '" + role
        + "', so the owner " + owner.value() + " stays responsible in '" + stage.key() + "'"));
  }

  /**
   * @param person who is responsible
   * @param fellBackToOwner whether the owner was chosen only because nobody holds the stage's role
   * @param reason the decision in words
   */
  record Responsibility(RepId person, boolean fellBackToOwner, Reason reason) {}
}

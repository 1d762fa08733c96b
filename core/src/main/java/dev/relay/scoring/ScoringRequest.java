package dev.relay.scoring;

import dev.relay.common.TeamId;
import dev.relay.common.TenantScopedId;
import dev.relay.fields.FieldValues;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record to (re-)score.
 *
 * @param subject the lead, account or deal id, for events
 * @param record its fields
 * @param engagements its engagements (activities and tracked signals), in any order
 * @param team the team working it, for per-team models, or {@code null}
 * @param previousGrade its grade before, for models without a grade field; models with one read it from the record
 */
public record ScoringRequest(TenantScopedId subject, FieldValues record, List<Engagement> engagements,
    @Nullable TeamId team, @Nullable String previousGrade) {
  public ScoringRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(record, "record");
    engagements = List.copyOf(engagements);
  }

  public static ScoringRequest of(TenantScopedId subject, FieldValues record, List<Engagement> engagements,
      @Nullable TeamId team) {
    return new ScoringRequest(subject, record, engagements, team, null);
  }
}

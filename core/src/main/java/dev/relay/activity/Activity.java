package dev.relay.activity;

import dev.relay.common.ActivityId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One collaboration record (跟进记录): a call, visit, meeting, e-mail or note about an account or a deal. Activities are
 * facts and are never changed; a correction is a new note. {@link ActivityService#log} records them and an {@link
 * ActivityRepository} stores them.
 *
 * <p>Storage adapters rebuild activities through the canonical constructor.
 *
 * @param id tenant-scoped id, e.g. {@code ACT-12}
 * @param kind call, visit, meeting, e-mail or note
 * @param subject the account and/or deal it is about
 * @param author the rep who had the contact or wrote the note
 * @param occurredAt when it happened; may be well before it was recorded (a visit logged the next morning)
 * @param summary what was said or done, not blank, e.g. {@code "客户确认预算 50 万 / budget confirmed"}
 * @param recordedAt when it was logged in Relay; never before {@code occurredAt}
 * @throws IllegalArgumentException if the summary is blank, the parts belong to different tenants or the activity is
 *     recorded before it occurred
 */
public record Activity(ActivityId id, ActivityKind kind, Subject subject, RepId author, Instant occurredAt,
    String summary, Instant recordedAt) {

  public Activity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (summary.isBlank()) {
      throw new IllegalArgumentException("activity " + id + " needs a summary");
    }
    if (!subject.tenant().equals(id.tenant()) || !author.tenant().equals(id.tenant())) {
      throw new IllegalArgumentException("activity " + id + " mixes tenants: subject " + subject + ", author "
          + author);
    }
    if (occurredAt.isAfter(recordedAt)) {
      throw new IllegalArgumentException("activity " + id + " recorded at " + recordedAt + " before it occurred at "
          + occurredAt);
    }
  }

  public TenantId tenant() {
    return id.tenant();
  }
}

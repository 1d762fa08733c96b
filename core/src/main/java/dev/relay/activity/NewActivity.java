package dev.relay.activity;

import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Objects;

/**
 * The command to log an activity: {@code NewActivity.of(ActivityKind.CALL, Subject.ofAccount(acme), li,
 * clock.instant(), "约好周四演示 / demo booked for Thursday")}. {@link ActivityService#log} validates it.
 *
 * @param kind call, visit, meeting, e-mail or note
 * @param subject the account and/or deal it is about, in the tenant it is logged in
 * @param author who had the contact, in the same tenant
 * @param occurredAt when it happened; not after the service clock's now
 * @param summary what was said or done; not blank (checked by the service, with the path {@code summary})
 */
public record NewActivity(ActivityKind kind, Subject subject, RepId author, Instant occurredAt, String summary) {
  public NewActivity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(summary, "summary");
  }

  public static NewActivity of(ActivityKind kind, Subject subject, RepId author, Instant occurredAt, String summary) {
    return new NewActivity(kind, subject, author, occurredAt, summary);
  }
}

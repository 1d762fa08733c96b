package dev.relay.scoring;

import dev.relay.activity.Activity;
import dev.relay.fields.FieldDefinition;
import java.time.Instant;
import java.util.Objects;

/**
 * One engagement of a lead, account or deal: an e-mail opened, a page visited, a reply, a meeting. Hosts pass the
 * marketing signals they track; {@link #of(Activity)} turns Relay's own activities into engagements named after their
 * kind ({@code call}, {@code visit}, {@code meeting}, {@code email}, {@code note}).
 *
 * @param signal what happened, lower snake case, e.g. {@code email_opened}
 * @param at when it happened
 * @throws IllegalArgumentException if the signal is not lower snake case
 */
public record Engagement(String signal, Instant at) {
  public Engagement {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(at, "at");
    if (!FieldDefinition.NAME.matcher(signal).matches()) {
      throw new IllegalArgumentException("invalid signal '" + signal + "': expected lower snake case");
    }
  }

  public static Engagement of(String signal, Instant at) {
    return new Engagement(signal, at);
  }

  /** The activity as an engagement: its kind's JSON name, when it occurred. */
  public static Engagement of(Activity activity) {
    return new Engagement(activity.kind().jsonName(), activity.occurredAt());
  }
}

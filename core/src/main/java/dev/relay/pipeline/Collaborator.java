package dev.relay.pipeline;

import dev.relay.common.RepId;
import java.util.Objects;

/**
 * Someone working on a deal beside its owner, e.g. a pre-sales engineer.
 *
 * @param rep the collaborator
 * @param role what they do on the deal, free text such as {@code presales}
 * @throws IllegalArgumentException if the role is blank
 */
public record Collaborator(RepId rep, String role) {
  public Collaborator {
    Objects.requireNonNull(rep, "rep");
    Objects.requireNonNull(role, "role");
    if (role.isBlank()) {
      throw new IllegalArgumentException("a collaborator's role must not be blank");
    }
  }
}

package dev.relay.pool;

import dev.relay.common.Reason;
import dev.relay.common.RepId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Deal registration (报备): the first registration by timestamp wins. A registration protects the customer for the
 * playbook's {@code registration_protection} from the moment the rep registered (not from when Relay heard of it), and
 * expires by itself. A registration timestamped later than an active one is refused; one timestamped earlier — a phone
 * that synced late — replaces it, if it is still active itself. A customer another rep owns cannot be registered.
 */
final class RegistrationPolicy {

  /** What a registration attempt comes to. */
  sealed interface Decision permits Register, Refuse {}

  /**
   * The registration stands.
   *
   * @param replaced the rep whose later-timestamped registration it replaces, or {@code null}
   */
  record Register(Registration registration, @Nullable RepId replaced) implements Decision {}

  /** The registration is refused. */
  record Refuse(List<Reason> reasons, boolean conflict) implements Decision {}

  Decision decide(Account account, RepId rep, Instant registeredAt, Instant now, Duration protection,
      OwnerDisclosure disclosure) {
    RepId owner = account.owner();
    if (owner != null && !owner.equals(rep)) {
      return new Refuse(List.of(new Reason("pool.conflicts", OwnerDisclosure.account(account)
          + " is already owned by " + disclosure.name(owner))), true);
    }
    Instant expiresAt = registeredAt.plus(protection);
    if (!now.isBefore(expiresAt)) {
      return new Refuse(List.of(new Reason("pool.registration_protection", "a registration at " + registeredAt
          + " would have expired at " + expiresAt)), false);
    }
    Registration current = account.activeRegistration(now).orElse(null);
    if (current == null) {
      return new Register(new Registration(rep, registeredAt, expiresAt), null);
    }
    if (!registeredAt.isBefore(current.registeredAt())) {
      return new Refuse(List.of(new Reason("pool.registration_protection", "already registered (报备) by "
          + disclosure.name(current.rep()) + " at " + current.registeredAt() + ", protected until "
          + current.expiresAt())), false);
    }
    return new Register(new Registration(rep, registeredAt, expiresAt), current.rep());
  }
}

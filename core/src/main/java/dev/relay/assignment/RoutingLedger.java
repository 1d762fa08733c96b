package dev.relay.assignment;

import dev.relay.common.LeadId;
import dev.relay.common.RepId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's routing state as seen inside {@link RoutingState#locked}: the round-robin cursors, the weighted
 * pointers, each rep's open leads and the log of assignments that capacity windows count. Reads see the writes made
 * earlier in the same {@code locked} call. Valid only during that call: afterwards every method throws {@link
 * IllegalStateException}.
 *
 * <p>Keys of cursors and pointers are opaque strings chosen by the router (rule key and target, e.g. {@code
 * inbound|team:east}). Every rep and lead passed in must belong to the ledger's tenant, else {@link
 * IllegalArgumentException}.
 */
public interface RoutingLedger {

  /** The rep a round-robin cursor last chose, if it ever chose one. */
  Optional<RepId> cursor(String key);

  /** Moves a round-robin cursor to the rep just chosen. */
  void moveCursor(String key, RepId chosen);

  /** The weighted-round-robin pointers stored under {@code key}, by rep; empty if none. */
  Map<RepId, WeightedPointer> pointers(String key);

  /** Replaces every pointer stored under {@code key} (members missing from the map lose theirs). */
  void putPointers(String key, Map<RepId, WeightedPointer> pointers);

  /** How many leads the rep holds open: recorded and not yet released. */
  int openLeads(RepId rep);

  /**
   * How many leads the rep received at or after {@code since}. Exact for {@code since} within the state's retention
   * (at least {@link RoutingState#MIN_RETENTION} before the newest assignment); older assignments may be forgotten.
   */
  int assignedSince(RepId rep, Instant since);

  /**
   * Logs an assignment and counts the lead as open for its rep. Recording a lead the rep already holds open logs the
   * assignment again but does not open the lead twice.
   */
  void recordAssignment(AssignmentRecord record);

  /**
   * Takes the lead off the rep's open leads.
   *
   * @return whether it was open (releasing twice, or a lead the rep never had, changes nothing)
   */
  boolean release(RepId rep, LeadId lead);
}

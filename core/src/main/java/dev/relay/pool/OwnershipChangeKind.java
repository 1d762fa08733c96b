package dev.relay.pool;

/** What an entry of an account's ownership history records. */
public enum OwnershipChangeKind {
  /** The account was created, into the public pool or straight to an owner. */
  CREATED,
  /** A rep claimed it from the public pool. */
  CLAIMED,
  /** Its owner (or their manager) released it back to the public pool, with a reason. */
  RELEASED,
  /** The recycle sweep returned it to the public pool because it was neglected. */
  RECYCLED,
  /** It was handed to another rep, with a handover note. */
  TRANSFERRED,
  /** A duplicate's details were merged into it; the owner did not change. */
  MERGED,
  /** A rep registered it (报备); the owner did not change. */
  REGISTERED,
  /** Its owner locked it against recycling. */
  LOCKED,
  /** Its owner unlocked it. */
  UNLOCKED;

  /** Whether entries of this kind may change the owner; the others record {@code from == to}. */
  public boolean changesOwner() {
    return this == CREATED || this == CLAIMED || this == RELEASED || this == RECYCLED || this == TRANSFERRED;
  }
}

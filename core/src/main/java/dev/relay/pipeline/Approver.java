package dev.relay.pipeline;

import java.util.Objects;

/** Who must approve a stage exit; resolved to one person through the org directory when the approval is requested. */
public sealed interface Approver permits Approver.OwnersManager, Approver.HolderOfRole, Approver.SpecificRep {

  static Approver ownersManager() {
    return OwnersManager.INSTANCE;
  }

  static Approver role(String role) {
    return new HolderOfRole(role);
  }

  static Approver rep(String repId) {
    return new SpecificRep(repId);
  }

  /** The deal owner's manager (the manager of the owner's team, or the owner's own manager). */
  enum OwnersManager implements Approver {
    INSTANCE
  }

  /** A holder of the role, nearest to the deal owner in the team hierarchy. */
  record HolderOfRole(String role) implements Approver {
    public HolderOfRole {
      Objects.requireNonNull(role, "role");
    }
  }

  /** One named rep (tenant-local id). */
  record SpecificRep(String repId) implements Approver {
    public SpecificRep {
      Objects.requireNonNull(repId, "repId");
    }
  }
}

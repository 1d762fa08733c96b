package dev.relay.assignment;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.util.List;
import java.util.Optional;

/** Port to the reps' routing profiles. Hosts keep them in step with their HR and calendar systems. */
public interface RepProfiles {
  Optional<RepProfile> find(RepId rep);

  /** Every profile of the tenant, ordered by rep id. */
  List<RepProfile> all(TenantId tenant);

  /** Inserts or replaces a profile. */
  void save(RepProfile profile);

  /** The rep's profile, or {@link RepProfile#defaults} if none is stored. */
  default RepProfile profileOf(RepId rep) {
    return find(rep).orElseGet(() -> RepProfile.defaults(rep));
  }
}

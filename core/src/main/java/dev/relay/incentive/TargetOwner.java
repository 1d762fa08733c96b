package dev.relay.incentive;

import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.util.Objects;

/** Whose target it is: the whole company, a team or a rep. Closed: targets cascade company → team → rep. */
public sealed interface TargetOwner {
  TenantId tenant();

  /** The owner as configuration names it: {@code company}, {@code team:north}, {@code rep:li}. */
  String key();

  /** The whole tenant. */
  record Company(TenantId tenant) implements TargetOwner {
    public Company {
      Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public String key() {
      return "company";
    }
  }

  /** A team. */
  record OfTeam(TeamId team) implements TargetOwner {
    public OfTeam {
      Objects.requireNonNull(team, "team");
    }

    @Override
    public TenantId tenant() {
      return team.tenant();
    }

    @Override
    public String key() {
      return "team:" + team.value();
    }
  }

  /** A rep. */
  record OfRep(RepId rep) implements TargetOwner {
    public OfRep {
      Objects.requireNonNull(rep, "rep");
    }

    @Override
    public TenantId tenant() {
      return rep.tenant();
    }

    @Override
    public String key() {
      return "rep:" + rep.value();
    }
  }

  static TargetOwner company(TenantId tenant) {
    return new Company(tenant);
  }

  static TargetOwner team(TeamId team) {
    return new OfTeam(team);
  }

  static TargetOwner rep(RepId rep) {
    return new OfRep(rep);
  }

  /**
   * The owner a {@link #key()} names in {@code tenant}.
   *
   * @throws IllegalArgumentException if the key is none of {@code company}, {@code team:<id>}, {@code rep:<id>}
   */
  static TargetOwner parse(TenantId tenant, String key) {
    if (key.equals("company")) {
      return new Company(tenant);
    }
    if (key.startsWith("team:")) {
      return new OfTeam(TeamId.of(tenant, key.substring(5)));
    }
    if (key.startsWith("rep:")) {
      return new OfRep(RepId.of(tenant, key.substring(4)));
    }
    throw new IllegalArgumentException("a target owner is 'company', 'team:<id>' or 'rep:<id>', not '" + key + "'");
  }
}

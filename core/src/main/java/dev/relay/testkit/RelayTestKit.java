package dev.relay.testkit;

import dev.relay.Relay;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.playbook.Playbook;
import dev.relay.playbook.PlaybookJson;
import dev.relay.playbook.VersionedPlaybook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Relay engine for one tenant, a playbook and a {@link ManualClock} — the quickest way for a host to test
 * its own rule configuration:
 *
 * <pre>{@code
 * RelayTestKit kit = RelayTestKit.withPlaybook(Path.of("src/main/resources/playbook.json"))
 *     .startingAt("2026-11-02T01:00:00Z");
 * RepId li = kit.rep("li", "east", "sales_rep");
 * Deal deal = kit.relay().pipeline().create(kit.tenant(), NewDeal.of("Pump retrofit", li, Money.of(480_000, "CNY")));
 * kit.clock().advance(Duration.ofDays(3));
 * }</pre>
 */
public final class RelayTestKit {
  private final TenantId tenant;
  private final ManualClock clock;
  private final Relay relay;
  private final VersionedPlaybook playbook;

  private RelayTestKit(TenantId tenant, Playbook playbook, ManualClock clock) {
    this.tenant = tenant;
    this.clock = clock;
    this.relay = Relay.builder().clock(clock).build();
    this.playbook = relay.playbooks().publish(tenant, playbook);
  }

  /**
   * Starts a kit from a playbook file.
   *
   * @throws dev.relay.common.ValidationException listing every problem of the playbook with its path
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Starter withPlaybook(Path json) {
    try {
      return new Starter(PlaybookJson.read(Files.readString(json, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + json, e);
    }
  }

  /** Starts a kit from a playbook on the class path, e.g. {@code "/playbooks/b2b-manufacturing.json"}. */
  public static Starter withPlaybookResource(String resource) {
    try (InputStream in = RelayTestKit.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no class-path resource " + resource);
      }
      return new Starter(PlaybookJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read playbook " + resource, e);
    }
  }

  /** Starts a kit from a playbook built in Java. */
  public static Starter withPlaybook(Playbook playbook) {
    return new Starter(playbook);
  }

  public Relay relay() {
    return relay;
  }

  public ManualClock clock() {
    return clock;
  }

  public TenantId tenant() {
    return tenant;
  }

  /** The published playbook version every decision of this kit records. */
  public VersionedPlaybook playbook() {
    return playbook;
  }

  /** Adds (or replaces) a team of the tenant. */
  public TeamId team(String id, String name, @Nullable String parent, @Nullable String manager) {
    TeamId teamId = TeamId.of(tenant, id);
    relay.org().saveTeam(new Team(teamId, name, parent == null ? null : TeamId.of(tenant, parent),
        manager == null ? null : RepId.of(tenant, manager)));
    return teamId;
  }

  /** Adds (or replaces) an active rep in a team, holding the given playbook roles. */
  public RepId rep(String id, String team, String... roles) {
    RepId repId = RepId.of(tenant, id);
    relay.org().saveRep(Rep.of(repId, id, TeamId.of(tenant, team), roles));
    return repId;
  }

  /** Names the tenant and the start time of a new kit. */
  public static final class Starter {
    private final Playbook playbook;
    private TenantId tenant = TenantId.of("test-tenant");

    private Starter(Playbook playbook) {
      this.playbook = Objects.requireNonNull(playbook, "playbook");
    }

    public Starter tenant(String id) {
      this.tenant = TenantId.of(id);
      return this;
    }

    /** The kit, with its clock standing at an ISO instant such as {@code 2026-11-02T01:00:00Z}. */
    public RelayTestKit startingAt(String isoInstant) {
      return new RelayTestKit(tenant, playbook, ManualClock.at(isoInstant));
    }

    public RelayTestKit startingAt(Instant start) {
      return new RelayTestKit(tenant, playbook, ManualClock.at(start));
    }
  }
}

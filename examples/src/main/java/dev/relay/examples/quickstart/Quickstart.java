package dev.relay.examples.quickstart;

import dev.relay.Relay;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.StageMove;
import dev.relay.playbook.PlaybookJson;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The README's embedding example: an in-memory engine, a playbook, a rep, a deal, a gate that says why it blocks. This
 * file compiles with the build and runs in {@code QuickstartTest}, so the README cannot drift from the API.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the example and returns the deal after its second move. */
  public static Deal run(InputStream playbookJson) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
    Relay relay = Relay.builder().clock(clock).build(); // every port in memory unless given
    TenantId acme = TenantId.of("acme");
    relay.playbooks().publish(acme, PlaybookJson.read(playbookJson));

    TeamId east = TeamId.of(acme, "east");
    RepId li = RepId.of(acme, "li");
    relay.org().saveTeam(new Team(east, "East China 华东", null, null));
    relay.org().saveRep(Rep.of(li, "李雷 Li Lei", east, "sales_rep"));

    Deal deal = relay.pipeline().create(acme,
        NewDeal.of("Pump retrofit 泵站改造", li, Money.of("480000", "CNY")).withFields(Map.of("industry", "machinery")));
    relay.pipeline().advance(deal.id(), li, "first call done").orThrow(); // lead -> initial contact

    StageMove move = relay.pipeline().advance(deal.id(), li); // needs a decision maker first
    if (move instanceof StageMove.Blocked blocked) {
      blocked.reasons().forEach(r -> System.out.println(r.rule() + ": " + r.message()));
    }
    return move.deal();
  }

  public static void main(String[] args) {
    run(Quickstart.class.getResourceAsStream("/playbooks/b2b-manufacturing.json"));
  }
}

package dev.relay.scoring;

import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic closed deals: banks win most, retail least, a missing industry almost never; bigger companies win more;
 * team {@code east} wins everything with a referral, team {@code west} never does (so their own models differ).
 */
final class PredictiveSamples {
  static final TenantId ACME = TenantId.of("acme");
  static final TeamId EAST = TeamId.of(ACME, "east");
  static final TeamId WEST = TeamId.of(ACME, "west");
  static final TeamId NORTH = TeamId.of(ACME, "north");
  static final Instant FIRST_CLOSE = Instant.parse("2025-01-01T00:00:00Z");
  static final List<String> INDUSTRIES = List.of("bank", "insurance", "retail", "education");

  private PredictiveSamples() {}

  static PredictiveSpec.Builder spec(ModelKind kind) {
    return PredictiveSpec.builder(kind).categorical("industry", "referral")
        .feature(FeatureSpec.edges("employees", 100.0, 1000.0)).minHistory(50);
  }

  /** {@code rows} deals, the last {@code northRows} of them of team north (too few for a model of its own). */
  static TrainingSet history(PredictiveSpec spec, int rows, int northRows, long seed) {
    Random random = new Random(seed);
    TrainingSet.Builder set = TrainingSet.builder(spec.features());
    for (int i = 0; i < rows; i++) {
      TeamId team = i >= rows - northRows ? NORTH : i % 2 == 0 ? EAST : WEST;
      Map<String, Object> deal = deal(random);
      set.add(deal, won(deal, team, random), FIRST_CLOSE.plus(Duration.ofHours(i)), team);
    }
    return set.build();
  }

  static Map<String, Object> deal(Random random) {
    Map<String, Object> deal = new HashMap<>();
    if (random.nextInt(10) > 0) {
      deal.put("industry", INDUSTRIES.get(random.nextInt(INDUSTRIES.size())));
    }
    deal.put("employees", (long) Math.exp(random.nextDouble() * 9));
    deal.put("referral", random.nextBoolean());
    return deal;
  }

  private static boolean won(Map<String, Object> deal, TeamId team, Random random) {
    Object industry = deal.get("industry");
    double p = industry == null ? 0.02 : switch ((String) industry) {
      case "bank" -> 0.6;
      case "insurance" -> 0.4;
      case "retail" -> 0.1;
      default -> 0.25;
    };
    if ((long) deal.get("employees") >= 1000) {
      p = Math.min(1, p + 0.2);
    }
    if ((Boolean) deal.get("referral")) {
      p = team.equals(EAST) ? 0.95 : team.equals(WEST) ? 0.01 : p;
    }
    return random.nextDouble() < p;
  }
}

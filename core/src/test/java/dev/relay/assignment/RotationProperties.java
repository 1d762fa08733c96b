package dev.relay.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.RepId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Rotations are fair by construction: round robin keeps always-eligible reps within one lead of each other however
 * often others come and go; weighted round robin hands out exactly the weights at every multiple of their sum, and in
 * between never puts a rep more than one lead ahead of their share.
 */
class RotationProperties {
  private static final RepId MA = RoutingFixture.rep("ma");

  /** Routing one lead (-1), or flipping whether zhang (0) or ma (1) may take leads. */
  @Property(tries = 120, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void roundRobinNeverLetsTwoAlwaysEligibleRepsDriftApart(@ForAll("flips") List<Integer> steps) {
    RoutingFixture f = new RoutingFixture();
    f.org.saveRep(dev.relay.org.Rep.of(MA, "Ma", dev.relay.common.TeamId.of(RoutingFixture.TENANT, "east"),
        "sales_rep"));
    f.use(RoutingFixture.eastTeam(Strategy.ROUND_ROBIN, r -> r));
    boolean[] paused = new boolean[2];
    List<RepId> flaky = List.of(RoutingFixture.ZHANG, MA);
    Map<RepId, Integer> counts = new HashMap<>();

    for (int step : steps) {
      if (step >= 0) {
        paused[step] = !paused[step];
        f.profile(RepProfile.builder(flaky.get(step)).paused(paused[step]));
        continue;
      }
      RepId assignee = f.route().assignee();
      counts.merge(assignee, 1, Integer::sum);
      Statistics.collect(flaky.contains(assignee) ? "a flaky rep got one" : "li or sun got one");
      int li = counts.getOrDefault(RoutingFixture.LI, 0);
      int sun = counts.getOrDefault(RoutingFixture.SUN, 0);
      assertTrue(Math.abs(li - sun) <= 1, () -> "li " + li + ", sun " + sun + " after " + counts);
    }
    Statistics.coverage(c -> {
      c.check("a flaky rep got one").count(n -> n > 0);
      c.check("li or sun got one").count(n -> n > 0);
    });
  }

  @Property(tries = 100, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void weightedSharesMatchTheWeightsExactlyAtEveryMultipleOfTheirSum(
      @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 6) Integer> weights) {
    List<String> members = List.of("chen", "li", "qian", "sun", "zhang").subList(0, weights.size());
    RepGroup group = new RepGroup("g", "Group", members, Map.of());
    for (int i = 0; i < members.size(); i++) {
      group = group.withWeight(members.get(i), weights.get(i));
    }
    RoutingFixture f = new RoutingFixture();
    f.use(AssignmentPolicy.builder().accountOwnerFirst(false).group(group)
        .rule(RoutingRule.builder("g", "Group").target(Target.group("g")).strategy(Strategy.WEIGHTED_ROUND_ROBIN)));
    int sum = weights.stream().mapToInt(Integer::intValue).sum();
    int[] counts = new int[members.size()];

    for (int n = 1; n <= 3 * sum; n++) {
      RepId assignee = f.route().assignee();
      counts[members.indexOf(assignee.value())]++;
      for (int i = 0; i < counts.length; i++) {
        long lead = (long) counts[i] * sum - (long) n * weights.get(i);
        int rep = i;
        int leads = n;
        // lead / sum is how far rep i is ahead of (or behind) its exact share.
        assertTrue(lead <= sum, () -> members.get(rep) + " more than one lead ahead after " + leads);
        assertTrue(lead >= -(long) members.size() * weights.get(rep), () -> members.get(rep) + " too far behind");
      }
      if (n % sum == 0) {
        List<Integer> expected = new ArrayList<>();
        for (int w : weights) {
          expected.add(w * (n / sum));
        }
        List<Integer> actual = new ArrayList<>();
        for (int c : counts) {
          actual.add(c);
        }
        assertEquals(expected, actual, "after " + n + " leads");
      }
    }
    Statistics.collect(weights.stream().distinct().count() > 1 ? "unequal weights" : "equal weights");
    Statistics.coverage(c -> c.check("unequal weights").percentage(p -> p > 50));
  }

  @Provide
  Arbitrary<List<Integer>> flips() {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.just(-1)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1))).list().ofMinSize(1).ofMaxSize(80);
  }
}

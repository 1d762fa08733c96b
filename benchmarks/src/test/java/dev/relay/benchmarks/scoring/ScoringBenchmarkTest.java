package dev.relay.benchmarks.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.scoring.Contribution;
import dev.relay.scoring.RuleScore;
import dev.relay.scoring.RuleScorer;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The contestants of {@link ScoringBenchmark} compute the same scores, on a workload that exercises every rule. */
class ScoringBenchmarkTest {
  private final LeadScoringWorkload.Lead[] leads = LeadScoringWorkload.leads(ScoringBenchmark.LEADS,
      ScoringBenchmark.SEED);
  private final RuleScorer compiled = RuleScorer.compile(LeadScoringWorkload.model(), LeadScoringWorkload.SCHEMA);

  @Test
  void compiledExplainedAndHandWrittenAgreeOnEveryLead() {
    HandWrittenLeadScore handWritten = new HandWrittenLeadScore(LeadScoringWorkload.SCHEMA);
    for (int i = 0; i < leads.length; i++) {
      LeadScoringWorkload.Lead lead = leads[i];
      double expected = compiled.points(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW);
      assertEquals(expected, handWritten.score(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW), 1e-9,
          "hand-written, lead " + i + ": " + lead);
      assertEquals(expected, compiled.score(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW).score(),
          1e-9, "explained, lead " + i);
    }
    ScoringBenchmark benchmark = new ScoringBenchmark();
    benchmark.setUp();
    assertEquals(benchmark.relayCompiled(), benchmark.handWritten(), 1e-6);
  }

  @Test
  void theModelHasFortyRulesAndEveryRuleAndCapFiresOnSomeLead() {
    assertEquals(40, LeadScoringWorkload.model().groups().stream().mapToInt(g -> g.rules().size()).sum());
    Set<String> fired = new TreeSet<>();
    for (LeadScoringWorkload.Lead lead : leads) {
      RuleScore score = compiled.score(lead.fields(), lead.engagements(), LeadScoringWorkload.NOW);
      score.contributions().forEach(c -> fired.add(c.kind() == Contribution.Kind.RULE ? c.path() : c.kind() + " "
          + c.path()));
    }
    assertEquals(40, fired.stream().filter(p -> !p.contains("_CAP")).count(), "fired: " + fired);
    assertTrue(fired.stream().filter(p -> p.startsWith("GROUP_CAP")).count() >= 2, "caps: " + fired);
  }
}

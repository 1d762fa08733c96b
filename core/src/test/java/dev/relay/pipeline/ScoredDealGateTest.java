package dev.relay.pipeline;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;
import static dev.relay.pipeline.PipelineFixture.LI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.StageMove.Blocked;
import dev.relay.scoring.Dimension;
import dev.relay.scoring.Grading;
import dev.relay.scoring.RuleGroup;
import dev.relay.scoring.Score;
import dev.relay.scoring.Scoring;
import dev.relay.scoring.ScoringModel;
import dev.relay.scoring.ScoringRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores reach the pipeline as fields: a gate that asks for a grade (商机评分 → 节点标准) holds a deal until its score,
 * written into the deal's own fields, earns that grade — the same criteria language, no special operator.
 */
class ScoredDealGateTest {
  private static final ScoringModel DEAL_SCORE = ScoringModel.builder("deal_score", EntityKind.DEAL)
      .group(RuleGroup.of("fit", Dimension.FIT, 100.0,
          ScoringRule.fit("big_budget", field("budget").gte(100_000), 50),
          ScoringRule.fit("decision_maker_known", field("decision_maker").isSet(), 30)))
      .grades(Grading.of("A", 70, "B", 40, "C", 10, "D"))
      .scoreField("deal_score")
      .gradeField("deal_grade")
      .build();

  private final PipelineFixture f = new PipelineFixture(PipelineFixture.playbookBuilder(
          PipelineDefinition.builder("b2b", "B2B 直销")
              .stage(StageDefinition.builder("lead", "线索 Lead", 10))
              .stage(StageDefinition.builder("qualify", "需求确认 Qualify", 20)
                  .gate(all(field("deal_grade").in("A", "B"))))
              .stage(StageDefinition.builder("contract", "签约 Contract", 100))
              .wonStage("contract")
              .lostReason("price", "价格过高 Price too high")
              .build())
      .customField(EntityKind.DEAL, FieldDefinition.custom("deal_score", FieldType.DECIMAL))
      .customField(EntityKind.DEAL, FieldDefinition.customEnum("deal_grade", FieldType.ENUM, List.of("A", "B", "C",
          "D")))
      .build());

  @Test
  void aDealLeavesQualifyOnlyOnceItsScoreEarnsGradeB() {
    Deal deal = f.create(Map.of("budget", 40_000));
    Scoring scoring = Scoring.of(DEAL_SCORE, deal.fields().schema(), null, f.clock);
    f.service.advance(deal.id(), LI).orThrow();

    Score low = scoring.score(f.service.get(deal.id()).fields(), List.of(), null);
    f.service.updateFields(deal.id(), LI, scoring.fieldUpdates(low));
    Blocked blocked = assertInstanceOf(Blocked.class, f.service.advance(deal.id(), LI));
    assertEquals("D", low.grade());
    assertTrue(blocked.toString().contains("deal_grade"), () -> "the gate names the grade: " + blocked);

    f.service.updateFields(deal.id(), LI, Map.of("budget", 150_000));
    Score high = scoring.score(f.service.get(deal.id()).fields(), List.of(), null);
    f.service.updateFields(deal.id(), LI, scoring.fieldUpdates(high));

    assertEquals("B", high.grade());
    assertEquals(new BigDecimal("50.00"), f.service.get(deal.id()).fields().get("deal_score"));
    assertTrue(f.service.advance(deal.id(), LI).isMoved());
  }
}

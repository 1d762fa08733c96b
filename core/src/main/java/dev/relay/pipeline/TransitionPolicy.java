package dev.relay.pipeline;

import dev.relay.common.ErrorCode;
import dev.relay.common.Reason;
import dev.relay.common.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which moves the pipeline's shape allows, before any gate is looked at: pure functions of the pipeline and the deal,
 * each answering {@link Verdict#allowed()} or a rejection with code {@link ErrorCode#INVALID_TRANSITION}.
 *
 * <p>The rules: an open deal moves forward up to the won stage, never past it; a won deal moves on only through the
 * post-sale stages (and never back before the won stage); a jump may pass only stages marked skippable; back moves
 * follow {@link BackMovePolicy}; only an open deal can be won or lost; only a lost deal can be reopened, into a stage
 * before the won stage.
 */
final class TransitionPolicy {

  /** Leaving stage {@code from} forward into stage {@code to} (advance, skip, or entering the won stage). */
  Verdict forward(PipelineDefinition pipeline, Deal deal, int from, int to) {
    Verdict moving = movable(pipeline, deal, from);
    if (!moving.isAllowed()) {
      return moving;
    }
    List<StageDefinition> stages = pipeline.stages();
    if (to >= stages.size()) {
      return reject("pipeline.stages", "'" + deal.stage() + "' is the last stage; there is no stage after it");
    }
    if (to <= from) {
      return reject("pipeline.stages", "'" + stages.get(to).key() + "' is not ahead of '" + deal.stage() + "'");
    }
    int won = wonIndex(pipeline);
    if (deal.status() == DealStatus.OPEN && won >= 0 && to > won) {
      return reject("pipeline.won_stage", "an open deal must enter the won stage '" + pipeline.wonStage()
          + "' before the post-sale stage '" + stages.get(to).key() + "'");
    }
    List<Reason> unskippable = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      if (!stages.get(i).skippable()) {
        unskippable.add(new Reason("pipeline.stages[" + i + "].skippable",
            "stage '" + stages.get(i).key() + "' cannot be skipped"));
      }
    }
    return unskippable.isEmpty() ? Verdict.allowed() : Verdict.rejected(ErrorCode.INVALID_TRANSITION, unskippable);
  }

  /** Going back from stage {@code from} to the earlier stage {@code to}; gates do not apply. */
  Verdict back(PipelineDefinition pipeline, Deal deal, int from, int to) {
    Verdict moving = movable(pipeline, deal, from);
    if (!moving.isAllowed()) {
      return moving;
    }
    String target = pipeline.stages().get(to).key();
    if (to >= from) {
      return reject("pipeline.stages", "'" + target + "' is not before '" + deal.stage() + "'");
    }
    switch (pipeline.backMoves()) {
      case NONE -> {
        return reject("pipeline.back_moves", "this pipeline allows no moves back");
      }
      case PREVIOUS -> {
        if (to != from - 1) {
          return reject("pipeline.back_moves", "this pipeline allows moving back only to the previous stage '"
              + pipeline.stages().get(from - 1).key() + "', not to '" + target + "'");
        }
      }
      case ANY -> {
        // Any earlier stage will do.
      }
    }
    int won = wonIndex(pipeline);
    if (deal.status() == DealStatus.WON && to < won) {
      return reject("pipeline.won_stage", "a won deal stays in the won and post-sale stages; '" + target
          + "' comes before the won stage '" + pipeline.wonStage() + "'");
    }
    return Verdict.allowed();
  }

  /** Marking an open deal won; with a won stage this is a forward move into it. */
  Verdict win(PipelineDefinition pipeline, Deal deal, int from) {
    if (deal.status() != DealStatus.OPEN) {
      return reject("deal.status", "deal is already " + deal.status().jsonName());
    }
    int won = wonIndex(pipeline);
    if (won < 0) {
      return from < 0 ? notInPipeline(deal) : Verdict.allowed();
    }
    if (from >= won) {
      return reject("pipeline.won_stage", "an open deal in '" + deal.stage() + "' cannot enter the won stage '"
          + pipeline.wonStage() + "' from there");
    }
    return forward(pipeline, deal, from, won);
  }

  /** Marking an open deal lost for a configured reason, with a note if the reason needs one. */
  Verdict lose(PipelineDefinition pipeline, Deal deal, String reasonKey, @Nullable String note) {
    if (deal.status() != DealStatus.OPEN) {
      return reject("deal.status", "deal is already " + deal.status().jsonName());
    }
    LostReason reason = pipeline.lostReason(reasonKey).orElse(null);
    if (reason == null) {
      return reject("pipeline.lost_reasons", "'" + reasonKey + "' is not a configured lost reason; use one of "
          + pipeline.lostReasons().stream().map(LostReason::key).collect(Collectors.joining(", ")));
    }
    if (reason.requiresNote() && (note == null || note.isBlank())) {
      return reject("pipeline.lost_reasons[" + pipeline.lostReasons().indexOf(reason) + "].requires_note",
          "lost reason '" + reasonKey + "' needs a note saying what happened");
    }
    return Verdict.allowed();
  }

  /** Reopening a lost deal into stage {@code to} (-1 if it should go back to a stage the pipeline no longer has). */
  Verdict reopen(PipelineDefinition pipeline, Deal deal, int to) {
    if (deal.status() != DealStatus.LOST) {
      return reject("deal.status", "only a lost deal can be reopened; this one is " + deal.status().jsonName());
    }
    if (to < 0) {
      return notInPipeline(deal);
    }
    int won = wonIndex(pipeline);
    if (won >= 0 && to >= won) {
      return reject("pipeline.won_stage", "a reopened deal is open, so it must go to a stage before the won stage '"
          + pipeline.wonStage() + "'");
    }
    return Verdict.allowed();
  }

  /** Whether the deal can move along the pipeline at all. */
  private Verdict movable(PipelineDefinition pipeline, Deal deal, int from) {
    if (from < 0) {
      return notInPipeline(deal);
    }
    return switch (deal.status()) {
      case LOST -> reject("deal.status", "deal is lost; reopen it first");
      case WON -> wonIndex(pipeline) < 0
          ? reject("deal.status", "deal was closed as won; the pipeline has no post-sale stages")
          : Verdict.allowed();
      case OPEN -> Verdict.allowed();
    };
  }

  private static Verdict notInPipeline(Deal deal) {
    return reject("pipeline.stages", "deal is in stage '" + deal.stage()
        + "', which the current pipeline no longer has; reopen or recreate it");
  }

  static int wonIndex(PipelineDefinition pipeline) {
    String won = pipeline.wonStage();
    return won == null ? -1 : pipeline.indexOf(won);
  }

  private static Verdict reject(String rule, String message) {
    return Verdict.rejected(ErrorCode.INVALID_TRANSITION, List.of(new Reason(rule, message)));
  }
}

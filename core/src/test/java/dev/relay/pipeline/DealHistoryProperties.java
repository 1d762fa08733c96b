package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.LI;
import static dev.relay.pipeline.PipelineFixture.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.RuleViolationException;
import dev.relay.common.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever commands arrive in whatever order, a deal's history stays consistent: each transition starts where the
 * previous one ended, the status is what the transitions say, the version grows by exactly one per change, and a
 * refused command changes nothing but the approval requests it files.
 */
class DealHistoryProperties {
  private static final List<String> STAGES =
      List.of("lead", "qualify", "demo", "quote", "contract", "payment", "after_sales");

  @Property(tries = 200, afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void historyStaysConsistentUnderAnySequenceOfCommands(@ForAll("commands") ActionChain<DealWorld> chain) {
    chain.withInvariant("history is consistent", DealWorld::checkHistory).run();

    Statistics.label("outcome").coverage(c -> {
      c.check("moved").count(n -> n > 0);
      c.check("blocked").count(n -> n > 0);
      c.check("invalid input").count(n -> n > 0);
    });
    Statistics.label("transition").coverage(c -> {
      for (TransitionKind kind : List.of(TransitionKind.ADVANCED, TransitionKind.SKIPPED, TransitionKind.MOVED_BACK,
          TransitionKind.WON, TransitionKind.LOST, TransitionKind.REOPENED)) {
        c.check(kind).count(n -> n > 0);
      }
    });
  }

  @Provide
  Arbitrary<ActionChain<DealWorld>> commands() {
    return ActionChain.startWith(DealWorld::new)
        .withAction(4, Action.just(Transformer.mutate("advance", w -> w.move(() -> w.service().advance(w.id, LI)))))
        .withAction(2, action(skipTargets(), stage -> "advanceTo " + stage,
            (w, stage) -> w.move(() -> w.service().advanceTo(w.id, stage, LI))))
        .withAction(action(Arbitraries.of(STAGES), stage -> "moveBack " + stage,
            (w, stage) -> w.move(() -> w.service().moveBack(w.id, stage, LI))))
        .withAction(Action.just(Transformer.mutate("markWon", w -> w.move(() -> w.service().markWon(w.id, LI)))))
        .withAction(action(Arbitraries.of("price", "other", "other+note", "weather"), reason -> "markLost " + reason,
            (w, reason) -> w.move(() -> reason.equals("other+note")
                ? w.service().markLost(w.id, LI, "other", "客户被收购")
                : w.service().markLost(w.id, LI, reason))))
        .withAction(action(Arbitraries.of("", "lead", "qualify", "quote", "payment"), stage -> "reopen " + stage,
            (w, stage) -> w.move(() -> stage.isEmpty() ? w.service().reopen(w.id, WANG)
                : w.service().reopen(w.id, WANG, stage))))
        .withAction(2, action(fieldUpdates(), update -> "updateFields " + update, DealWorld::updateFields))
        .withAction(Action.just(Transformer.mutate("approve pending", DealWorld::approvePending)))
        .withAction(action(Arbitraries.integers().between(1, 96), hours -> "wait " + hours + "h",
            (w, hours) -> w.f.clock.advance(Duration.ofHours(hours))))
        .withMaxTransformations(40);
  }

  /** Mostly {@code quote}: the only skip the pipeline allows is qualify → quote over demo. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<String> skipTargets() {
    return Arbitraries.frequency(Tuple.of(4, "quote"), Tuple.of(1, "demo"), Tuple.of(1, "contract"),
        Tuple.of(1, "payment"), Tuple.of(1, "after_sales"));
  }

  private static Arbitrary<Map<String, Object>> fieldUpdates() {
    return Arbitraries.of(List.of(
        update("budget", 150_000), update("budget", "lots"), update("budget", null),
        update("decision_maker", "CFO Zhou"), update("decision_maker", null),
        update("quote_no", "Q-1"), update("quote_no", null),
        update("discount_pct", 10), update("discount_pct", 25), update("discount_pct", "a lot"),
        update("stage", "contract"), update("budgt", 1)));
  }

  private static Map<String, Object> update(String field, Object value) {
    Map<String, Object> map = new HashMap<>();
    map.put(field, value);
    return map;
  }

  /** An action whose parameter is drawn from {@code values}. */
  private static <T> Action.Independent<DealWorld> action(Arbitrary<T> values,
      java.util.function.Function<T, String> description, java.util.function.BiConsumer<DealWorld, T> effect) {
    return () -> values.map(v -> Transformer.mutate(description.apply(v), w -> effect.accept(w, v)));
  }

  /** One deal under test with the expectations the commands so far imply. */
  static final class DealWorld {
    final PipelineFixture f = new PipelineFixture();
    // Qualified from the start, so that skips and wins are reachable in a few steps; updates can unset the fields.
    final DealId id = f.create(Map.of("budget", 150_000, "decision_maker", "CFO Zhou")).id();
    private long changes;

    PipelineService service() {
      return f.service;
    }

    void move(Supplier<StageMove> command) {
      Deal before = service().get(id);
      StageMove result = command.get();
      Deal after = service().get(id);
      assertEquals(result.deal(), after, "the result shows the stored deal");
      if (result instanceof StageMove.Moved moved) {
        Statistics.label("outcome").collect("moved");
        Statistics.label("transition").collect(moved.transition().kind());
        changes++;
        List<StageTransition> expected = new ArrayList<>(before.history());
        expected.add(moved.transition());
        assertEquals(expected, after.history());
        assertEquals(before.approvals(), after.approvals());
        return;
      }
      Statistics.label("outcome").collect("blocked");
      assertEquals(before.history(), after.history());
      assertEquals(before.stage(), after.stage());
      assertEquals(before.status(), after.status());
      assertEquals(before.fields(), after.fields());
      assertEquals(before.responsible(), after.responsible());
      assertEquals(before.approvals(), after.approvals().subList(0, before.approvals().size()));
      if (after.approvals().size() > before.approvals().size()) {
        changes++; // the refused move filed approval requests, nothing else
      }
    }

    void updateFields(Map<String, Object> update) {
      Deal before = service().get(id);
      try {
        Deal after = service().updateFields(id, LI, update);
        if (after.version() != before.version()) {
          changes++;
        }
        assertEquals(before.history(), after.history());
      } catch (ValidationException refused) {
        Statistics.label("outcome").collect("invalid input");
        assertEquals(before, service().get(id));
      }
    }

    void approvePending() {
      Deal deal = service().get(id);
      for (Approval a : deal.currentApprovals()) {
        if (a.isPending()) {
          try {
            service().approve(id, a.id(), WANG);
            changes++;
          } catch (RuleViolationException stale) {
            // A request asked about values the deal no longer has cannot be decided; the refusal changes nothing.
            assertEquals(ErrorCode.INVALID_TRANSITION, stale.code());
            assertEquals(deal.version(), service().get(id).version());
          }
        }
      }
    }

    void checkHistory() {
      Deal deal = service().get(id);
      List<StageTransition> history = deal.history();
      assertEquals(TransitionKind.CREATED, history.get(0).kind());
      assertNull(history.get(0).from());
      DealStatus replayed = DealStatus.OPEN;
      for (int i = 0; i < history.size(); i++) {
        StageTransition t = history.get(i);
        if (i > 0) {
          StageTransition previous = history.get(i - 1);
          assertEquals(previous.to(), t.from(), "transition " + i + " starts where " + (i - 1) + " ended");
          assertTrue(!t.at().isBefore(previous.at()), "history is in time order");
        }
        replayed = switch (t.kind()) {
          case CREATED, REOPENED -> DealStatus.OPEN;
          case WON -> DealStatus.WON;
          case LOST -> DealStatus.LOST;
          case ADVANCED, SKIPPED, MOVED_BACK -> replayed;
        };
      }
      assertEquals(replayed, deal.status());
      assertEquals(deal.lastTransition().to(), deal.stage());
      assertEquals(1 + changes, deal.version());
      assertEquals(deal.status().jsonName(), deal.fields().get(DealFields.STATUS));
      assertEquals(deal.stage(), deal.fields().get(DealFields.STAGE));
    }

    @Override
    public String toString() {
      return "DealWorld[" + id + "]";
    }
  }
}

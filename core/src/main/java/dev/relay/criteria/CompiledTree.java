package dev.relay.criteria;

import dev.relay.criteria.CriteriaTrace.ConditionOutcome;
import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link CompiledCriteria} the compiler builds: a tree of specialised {@link Node}s for {@link #test}, plus every
 * condition's own leaf in source order for {@link #explain}, which walks the source tree so that its paths and its
 * grouping are the author's, not the optimised tree's.
 */
final class CompiledTree implements CompiledCriteria {
  private final Criteria source;
  private final FieldSchema schema;
  private final Node root;
  private final Leaf[] leaves;
  private final String[] paths;
  private final String[] texts;

  CompiledTree(Criteria source, FieldSchema schema, Node root, List<Leaf> leaves, List<String> paths) {
    this.source = source;
    this.schema = schema;
    this.root = root;
    this.leaves = leaves.toArray(new Leaf[0]);
    this.paths = paths.toArray(new String[0]);
    List<String> texts = new ArrayList<>(leaves.size());
    collectTexts(source, texts);
    this.texts = texts.toArray(new String[0]);
  }

  private static void collectTexts(Criteria c, List<String> out) {
    if (c instanceof Criteria.Condition condition) {
      out.add(CriteriaText.render(condition));
    } else if (c instanceof Criteria.Not not) {
      collectTexts(not.item(), out);
    } else {
      for (Criteria item : c instanceof Criteria.All all ? all.items() : ((Criteria.Any) c).items()) {
        collectTexts(item, out);
      }
    }
  }

  /** The schema the criteria were compiled against. */
  FieldSchema schema() {
    return schema;
  }

  /** The optimised predicate, for indexes over many criteria. */
  Node root() {
    return root;
  }

  @Override
  public boolean test(FieldValues record) {
    return root.test(Objects.requireNonNull(record, "record"));
  }

  @Override
  public Criteria source() {
    return source;
  }

  @Override
  public CriteriaTrace explain(FieldValues record) {
    Objects.requireNonNull(record, "record");
    List<ConditionOutcome> outcomes = new ArrayList<>(leaves.length);
    Decision root = evaluate(source, record, outcomes);
    List<ConditionOutcome> failed = new ArrayList<>();
    if (!root.result) {
      // Each decisive condition that held sits under a 'not': the requirement it broke is its negation.
      for (ConditionOutcome o : root.decisive) {
        failed.add(o.result() ? new ConditionOutcome(o.path(), "not (" + o.text() + ")", false, o.actual()) : o);
      }
    }
    return new CriteriaTrace(root.result, outcomes, failed);
  }

  /** A subtree's outcome and the leaf outcomes that decided it. */
  private record Decision(boolean result, List<ConditionOutcome> decisive) {}

  /** Evaluates every condition, without short-circuits, so the trace shows all of them. */
  private Decision evaluate(Criteria c, FieldValues record, List<ConditionOutcome> outcomes) {
    if (c instanceof Criteria.Condition) {
      int i = outcomes.size();
      Leaf leaf = leaves[i];
      ConditionOutcome outcome = new ConditionOutcome(paths[i], texts[i], leaf.test(record), leaf.read(record));
      outcomes.add(outcome);
      return new Decision(outcome.result(), List.of(outcome));
    }
    if (c instanceof Criteria.Not not) {
      Decision inner = evaluate(not.item(), record, outcomes);
      return new Decision(!inner.result, inner.decisive);
    }
    boolean isAll = c instanceof Criteria.All;
    List<Decision> children = new ArrayList<>();
    boolean result = isAll;
    for (Criteria item : isAll ? ((Criteria.All) c).items() : ((Criteria.Any) c).items()) {
      Decision d = evaluate(item, record, outcomes);
      children.add(d);
      result = isAll ? result && d.result : result || d.result;
    }
    // An 'all' is decided by its false items when false and by every item when true; an 'any' the other way round.
    List<ConditionOutcome> decisive = new ArrayList<>();
    for (Decision d : children) {
      if (d.result == result || isAll == result) {
        decisive.addAll(d.decisive);
      }
    }
    return new Decision(result, decisive);
  }

  @Override
  public String toString() {
    return CriteriaText.render(source);
  }
}

package dev.relay.criteria;

import dev.relay.criteria.CriteriaTrace.ConditionOutcome;
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
  private final Node root;
  private final Leaf[] leaves;
  private final String[] paths;
  private final String[] texts;

  CompiledTree(Criteria source, Node root, List<Leaf> leaves, List<String> paths) {
    this.source = source;
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
    boolean result = evaluate(source, record, outcomes);
    return new CriteriaTrace(result, outcomes);
  }

  /** Evaluates every condition, without short-circuits, so the trace shows all of them. */
  private boolean evaluate(Criteria c, FieldValues record, List<ConditionOutcome> outcomes) {
    if (c instanceof Criteria.Condition) {
      int i = outcomes.size();
      Leaf leaf = leaves[i];
      boolean held = leaf.test(record);
      outcomes.add(new ConditionOutcome(paths[i], texts[i], held, leaf.read(record)));
      return held;
    }
    if (c instanceof Criteria.Not not) {
      return !evaluate(not.item(), record, outcomes);
    }
    boolean isAll = c instanceof Criteria.All;
    boolean result = isAll;
    for (Criteria item : isAll ? ((Criteria.All) c).items() : ((Criteria.Any) c).items()) {
      boolean held = evaluate(item, record, outcomes);
      result = isAll ? result && held : result || held;
    }
    return result;
  }

  @Override
  public String toString() {
    return CriteriaText.render(source);
  }
}

package dev.relay.criteria;

import dev.relay.fields.FieldValues;

/**
 * One node of a compiled predicate. Implementations are immutable and their {@link #test} allocates nothing: no
 * boxing, iterators or lambdas, only field reads, casts and comparisons against constants converted at compile time.
 */
abstract class Node {
  abstract boolean test(FieldValues record);

  /** This node's negation; leaves with an exact opposite (eq/ne, in/not_in) override it to avoid a wrapper. */
  Node negate() {
    return new Not(this);
  }

  /** A constant: the compiled form of an empty {@code all} (true) or {@code any} (false). */
  static final class Constant extends Node {
    static final Constant TRUE = new Constant(true);
    static final Constant FALSE = new Constant(false);

    private final boolean value;

    private Constant(boolean value) {
      this.value = value;
    }

    @Override
    boolean test(FieldValues record) {
      return value;
    }

    @Override
    Node negate() {
      return value ? FALSE : TRUE;
    }
  }

  static final class All extends Node {
    private final Node[] items;

    All(Node[] items) {
      this.items = items;
    }

    @Override
    boolean test(FieldValues record) {
      for (Node item : items) {
        if (!item.test(record)) {
          return false;
        }
      }
      return true;
    }

    Node[] items() {
      return items.clone();
    }
  }

  static final class Any extends Node {
    private final Node[] items;

    Any(Node[] items) {
      this.items = items;
    }

    @Override
    boolean test(FieldValues record) {
      for (Node item : items) {
        if (item.test(record)) {
          return true;
        }
      }
      return false;
    }

    Node[] items() {
      return items.clone();
    }
  }

  static final class Not extends Node {
    private final Node item;

    Not(Node item) {
      this.item = item;
    }

    @Override
    boolean test(FieldValues record) {
      return !item.test(record);
    }

    @Override
    Node negate() {
      return item;
    }
  }
}

package dev.relay.common;

import java.util.function.Supplier;

/**
 * {@link TransactionRunner} for in-memory stores: runs the work directly. In-memory repositories make each aggregate
 * write atomic and version-checked, and services validate before they write, so a failed command leaves no trace.
 */
public final class DirectTransactionRunner implements TransactionRunner {
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

package dev.relay.common;

import java.util.function.Supplier;

/**
 * Port marking the boundary of one unit of work: everything the supplier writes, events included, commits together or
 * not at all. Implementations that cannot roll back (the in-memory one) rely on services validating before writing and
 * saving each aggregate with one optimistic write.
 */
public interface TransactionRunner {
  <T> T inTransaction(Supplier<T> work);
}

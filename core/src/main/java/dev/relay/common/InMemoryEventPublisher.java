package dev.relay.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Thread-safe in-memory {@link EventPublisher}: keeps every published event in order and hands each to the registered
 * listeners synchronously. The test double and quickstart publisher.
 */
public final class InMemoryEventPublisher implements EventPublisher {
  private final List<RelayEvent> published = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super RelayEvent>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public void publish(List<? extends RelayEvent> events) {
    for (RelayEvent e : events) {
      published.add(e);
      for (Consumer<? super RelayEvent> l : listeners) {
        l.accept(e);
      }
    }
  }

  /** Registers a listener called for each event published from now on. */
  public void subscribe(Consumer<? super RelayEvent> listener) {
    listeners.add(listener);
  }

  /** A snapshot of every event published so far, oldest first. */
  public List<RelayEvent> events() {
    return List.copyOf(published);
  }

  /** The events of one type published so far, oldest first. */
  public <E extends RelayEvent> List<E> events(Class<E> type) {
    List<E> out = new ArrayList<>();
    for (RelayEvent e : published) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }

  public void clear() {
    published.clear();
  }
}

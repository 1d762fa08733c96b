package dev.relay;

import dev.relay.common.EventPublisher;
import dev.relay.common.RelayEvent;
import dev.relay.pipeline.PipelineEvent.DealWon;
import dev.relay.pipeline.PipelineService;
import dev.relay.pool.PoolService;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the pipeline's events and, for each deal won with a customer account, makes that account a customer in
 * the same unit of work — customers are exempt from recycling and may count against claim limits differently.
 */
final class CustomerOnWin implements EventPublisher {
  private final EventPublisher delegate;
  private final PoolService pool;
  private @Nullable PipelineService pipeline;

  CustomerOnWin(EventPublisher delegate, PoolService pool) {
    this.delegate = delegate;
    this.pool = pool;
  }

  void bind(PipelineService service) {
    this.pipeline = service;
  }

  @Override
  public void publish(List<? extends RelayEvent> events) {
    delegate.publish(events);
    for (RelayEvent event : events) {
      if (event instanceof DealWon won && pipeline != null) {
        var account = pipeline.get(won.deal()).account();
        if (account != null) {
          pool.markCustomer(account, won.actor());
        }
      }
    }
  }
}

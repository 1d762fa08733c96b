package dev.relay.pipeline;

import static dev.relay.pipeline.PipelineFixture.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.relay.common.NotFoundException;
import dev.relay.common.TenantId;
import org.junit.jupiter.api.Test;

class CompiledPipelinesTest {
  private final PipelineFixture f = new PipelineFixture();
  private final CompiledPipelines pipelines = new CompiledPipelines(f.playbooks);

  @Test
  void eachPlaybookVersionIsCompiledOnce() {
    CompiledPipeline first = pipelines.current(TENANT);

    assertSame(first, pipelines.current(TENANT));

    f.playbooks.save(TENANT, PipelineFixture.playbook(PipelineFixture.pipeline()
        .backMoves(BackMovePolicy.ANY).build()), f.clock.instant());
    CompiledPipeline second = pipelines.current(TENANT);
    assertNotSame(first, second);
    assertEquals(2, second.version());
    assertSame(second, pipelines.current(TENANT));
  }

  @Test
  void aTenantWithoutPlaybookIsNotFound() {
    assertThrows(NotFoundException.class, () -> pipelines.current(TenantId.of("nobody")));
  }
}

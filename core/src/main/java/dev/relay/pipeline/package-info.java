/**
 * The pipeline engine: a tenant's standard sales process ({@link dev.relay.pipeline.PipelineDefinition}), the {@link
 * dev.relay.pipeline.Deal} aggregate moving through it, gates and approvals on leaving a stage, a responsible person per
 * stage, SLAs with a breach monitor, full transition history and funnel analytics.
 */
@NullMarked
package dev.relay.pipeline;

import org.jspecify.annotations.NullMarked;

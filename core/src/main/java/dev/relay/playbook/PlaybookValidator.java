package dev.relay.playbook;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.pipeline.PipelineDefinition;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Checks a whole playbook and reports every problem with its path. */
final class PlaybookValidator {
  private PlaybookValidator() {}

  static Playbook validated(String name, ZoneId zone, Currency currency, List<String> roles,
      Map<EntityKind, List<FieldDefinition>> customFields, PipelineDefinition pipeline) {
    // TODO full validation
    return new Playbook(name, zone, currency, roles, customFields, pipeline);
  }
}

package dev.relay.pipeline;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import java.util.List;

/**
 * The built-in fields of a deal, which criteria (gates, approvals, rules) can read beside the tenant's custom fields.
 * Relay maintains them; hosts cannot write them as custom fields.
 */
public final class DealFields {
  public static final String NAME = "name";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String STAGE = "stage";
  public static final String STATUS = "status";
  public static final String OWNER = "owner";
  public static final String PROBABILITY = "probability";

  private DealFields() {}

  /** The built-in deal fields for a pipeline ({@code stage} is an enum of its stage keys). */
  public static List<FieldDefinition> builtIns(PipelineDefinition pipeline) {
    List<String> stageKeys = pipeline.stages().stream().map(StageDefinition::key).distinct().toList();
    return List.of(
        new FieldDefinition(NAME, FieldType.STRING, List.of(), "Deal name", true),
        new FieldDefinition(AMOUNT, FieldType.DECIMAL, List.of(), "Amount", true),
        new FieldDefinition(CURRENCY, FieldType.STRING, List.of(), "Currency", true),
        new FieldDefinition(STAGE, FieldType.ENUM, stageKeys.isEmpty() ? List.of("none") : stageKeys, "Stage", true),
        new FieldDefinition(STATUS, FieldType.ENUM, List.of("open", "won", "lost"), "Status", true),
        new FieldDefinition(OWNER, FieldType.STRING, List.of(), "Owner", true),
        new FieldDefinition(PROBABILITY, FieldType.INTEGER, List.of(), "Win probability %", true));
  }
}

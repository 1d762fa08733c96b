package dev.relay.playbook;

import static dev.relay.criteria.Criteria.all;
import static dev.relay.criteria.Criteria.field;

import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.pipeline.Approver;
import dev.relay.pipeline.LostReason;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A small valid playbook, both as the canonical JSON of {@code playbooks/small-team.json} and as the same configuration
 * built in Java. Public so that adapter modules can use it through the core test-jar.
 */
public final class SmallTeamPlaybook {
  /** The classpath resource holding the canonical JSON form. */
  public static final String RESOURCE = "/playbooks/small-team.json";

  private SmallTeamPlaybook() {}

  /** The canonical JSON text. */
  public static String json() {
    return resource(RESOURCE);
  }

  /** A UTF-8 classpath resource of the core tests, e.g. {@code /playbooks/small-team.json}. */
  static String resource(String name) {
    try (InputStream in = SmallTeamPlaybook.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same playbook as {@link #json()}, built in Java. */
  public static Playbook built() {
    return builder("Small team").build();
  }

  /** The playbook under another name: a changed configuration with otherwise the same content. */
  public static Playbook named(String name) {
    return builder(name).build();
  }

  /** A builder holding the whole small-team configuration, for tests that change one thing. */
  public static Playbook.Builder builder(String name) {
    return Playbook.builder()
        .name(name)
        .zone(ZoneId.of("Asia/Shanghai"))
        .currency("CNY")
        .roles("sales_rep", "sales_manager", "sales_ops", "finance")
        .customField(EntityKind.DEAL, FieldDefinition.custom("budget", FieldType.DECIMAL).withLabel("Budget"))
        .customField(EntityKind.DEAL, FieldDefinition.custom("discount_pct", FieldType.DECIMAL).withLabel("Discount %"))
        .customField(EntityKind.DEAL,
            FieldDefinition.customEnum("industry", FieldType.ENUM, List.of("machinery", "electronics"))
                .withLabel("Industry"))
        .pipeline(pipeline());
  }

  /** The small team's pipeline. */
  public static PipelineDefinition.Builder pipeline() {
    return PipelineDefinition.builder("standard", "Standard")
        .stage(StageDefinition.builder("lead", "Lead", 10).sla(Duration.ofDays(2)))
        .stage(StageDefinition.builder("qualified", "Qualified", 30)
            .gate(all(field("budget").isSet()))
            .sla(Duration.ofHours(36))
            .skippable(true))
        .stage(StageDefinition.builder("quote", "Quote", 60)
            .gate(all(field("amount").gt(0)))
            .approval("big_discount", "Big discount", all(field("discount_pct").gt(15)), Approver.ownersManager())
            .approval("big_deal", "Big deal", all(field("amount").gt(1_000_000)), Approver.role("finance"))
            .responsible("sales_manager"))
        .stage(StageDefinition.builder("won", "Won", 100).responsible("sales_ops"))
        .stage(StageDefinition.builder("payment", "Payment", 100).responsible("finance"))
        .wonStage("won")
        .lostReason("price", "Price")
        .lostReason(new LostReason("other", "Other", true));
  }
}

package dev.relay.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.pipeline.Approval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the contracts' samples do not cover: values whose Java type JSON alone would lose. */
class AggregateJsonTest {
  private final AggregateJson json = new AggregateJson();

  @Test
  void anApprovalKeepsTheTypesOfTheValuesItWasAskedAbout() {
    RepId wang = RepId.of(TenantId.of("acme"), "wang");
    Approval approval = Approval.pending("A-1", "quote", 1, "discount", wang, wang,
        Instant.parse("2026-03-02T01:00:00.123456789Z"), Map.of("discount_pct", 18L, "amount",
            new BigDecimal("1250000.50"), "close", LocalDate.parse("2026-06-30"), "rush", true, "grade", "A",
            "products", List.of("cnc", "spare_parts")));

    Approval read = json.read(json.write(approval), Approval.class);

    assertEquals(approval, read);
    assertEquals(Long.class, read.basis().get("discount_pct").getClass());
    assertEquals(new BigDecimal("1250000.50"), read.basis().get("amount"));
  }
}

package dev.relay.incentive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.common.DealId;
import dev.relay.common.Money;
import dev.relay.common.Period;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StatementRepository}, split by concern. Each implementation certifies itself with an empty
 * subclass returning a fresh, empty repository: {@code class JdbcStatementRepositoryTest extends
 * StatementRepositoryContract}.
 */
public abstract class StatementRepositoryContract {
  protected static final TenantId ACME = TenantId.of("acme");
  protected static final TenantId GLOBEX = TenantId.of("globex");
  protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  protected static final Period MARCH = Period.month(2026, 3, ZONE);
  protected static final Period APRIL = Period.month(2026, 4, ZONE);
  protected static final Period Q1 = Period.quarter(2026, 1, ZONE);

  private StatementRepository repository;

  /** A new repository holding nothing. */
  protected abstract StatementRepository createRepository();

  @BeforeEach
  protected void freshRepository() {
    repository = createRepository();
  }

  /** A statement with one commission line on {@code deal} and one adjustment line, every field set. */
  protected static CommissionStatement statement(RepId rep, Period period, String deal, String amount) {
    Currency cny = Currency.getInstance("CNY");
    DealId dealId = DealId.of(rep.tenant(), deal);
    StatementLine commission = new StatementLine("tiers", LineKind.COMMISSION, dealId, "revenue credit",
        Money.of("1000.50", "CNY"), new BigDecimal("0.05"), "tier 1 (0%–100%) at 5%",
        new Money(new BigDecimal(amount).setScale(2), cny), null);
    StatementLine adjustment = new StatementLine("tiers", LineKind.ADJUSTMENT, null, "correction of earlier",
        Money.of("-1.00", "CNY"), null, "COMMISSION", Money.of("-1.00", "CNY"), period.previous());
    return new CommissionStatement(rep, period, "plan", cny, List.of(commission, adjustment), Money.of("12.34", "CNY"));
  }

  @Nested
  public class Storing {
    @Test
    void savedStatementIsFoundWithEveryLine() {
      RepId li = RepId.of(ACME, "li");
      CommissionStatement s = statement(li, MARCH, "D-1", "50.03");

      repository.save(s);

      assertEquals(s, repository.find(li, MARCH).orElseThrow());
    }

    @Test
    void savingAgainReplacesTheStatementOfThatRepAndPeriod() {
      RepId li = RepId.of(ACME, "li");
      repository.save(statement(li, MARCH, "D-1", "50.03"));
      CommissionStatement again = statement(li, MARCH, "D-2", "70.00");

      repository.save(again);

      assertEquals(again, repository.find(li, MARCH).orElseThrow());
      assertEquals(List.of(again), repository.findAll(ACME, MARCH));
    }

    @Test
    void periodsOfDifferentKindsAndTenantsDoNotClash() {
      RepId li = RepId.of(ACME, "li");
      RepId other = RepId.of(GLOBEX, "li");
      repository.save(statement(li, MARCH, "D-1", "1.00"));
      repository.save(statement(li, Q1, "D-1", "2.00"));
      repository.save(statement(other, MARCH, "D-1", "3.00"));

      assertEquals(1, repository.findAll(ACME, MARCH).size());
      assertEquals(1, repository.findAll(ACME, Q1).size());
      assertEquals(1, repository.findAll(GLOBEX, MARCH).size());
      assertTrue(repository.find(li, APRIL).isEmpty());
    }

    @Test
    void queriesAreOrdered() {
      RepId li = RepId.of(ACME, "li");
      RepId wang = RepId.of(ACME, "wang");
      repository.save(statement(wang, MARCH, "D-2", "1.00"));
      repository.save(statement(li, APRIL, "D-1", "1.00"));
      repository.save(statement(li, MARCH, "D-1", "1.00"));

      assertEquals(List.of("li", "wang"), repository.findAll(ACME, MARCH).stream().map(s -> s.rep().value()).toList());
      assertEquals(List.of(MARCH, APRIL), repository.findByRep(li).stream().map(CommissionStatement::period).toList());
      assertEquals(List.of(MARCH, APRIL), repository.findByDeal(DealId.of(ACME, "D-1")).stream()
          .map(CommissionStatement::period).toList());
      assertEquals(1, repository.findByDeal(DealId.of(ACME, "D-2")).size());
    }
  }

  @Nested
  public class ClosingPeriods {
    @Test
    void aClosedPeriodRefusesChanges() {
      RepId li = RepId.of(ACME, "li");
      CommissionStatement frozen = statement(li, MARCH, "D-1", "1.00");
      repository.save(frozen);

      repository.close(ACME, MARCH);

      assertTrue(repository.isClosed(ACME, MARCH));
      assertThrows(ClosedPeriodException.class, () -> repository.save(statement(li, MARCH, "D-9", "9.00")));
      assertEquals(frozen, repository.find(li, MARCH).orElseThrow());
    }

    @Test
    void closingIsPerTenantAndPeriodAndIdempotent() {
      repository.close(ACME, MARCH);
      repository.close(ACME, MARCH);

      assertFalse(repository.isClosed(GLOBEX, MARCH));
      assertFalse(repository.isClosed(ACME, APRIL));
      assertFalse(repository.isClosed(ACME, Q1));
      repository.save(statement(RepId.of(GLOBEX, "li"), MARCH, "D-1", "1.00"));
    }
  }
}

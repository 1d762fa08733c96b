package dev.relay.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.relay.Relay;
import dev.relay.activity.NewTask;
import dev.relay.activity.Subject;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.NewDeal;
import dev.relay.pool.Account;
import dev.relay.pool.NewAccount;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link CrashSafetyTest}: imports customers into the PostgreSQL at {@code args[0]} until it is
 * killed, each customer one unit of work of three aggregates (the account, a deal with it, a follow-up task), and
 * prints {@code imported N} after each commit so that the parent knows when to kill it.
 */
public final class BulkImportProcess {
  static final TenantId ACME = TenantId.of("acme");
  static final RepId LI = RepId.of(ACME, "li");

  private BulkImportProcess() {}

  public static void main(String[] args) {
    HikariDataSource pool = TestDatabase.pool(args[0], 2);
    JdbcStorage storage = JdbcStorage.on(pool).dialect(Dialect.postgres()).schema(JdbcStorage.SchemaMode.VALIDATE)
        .build();
    Relay relay = storage.plugInto(Relay.builder()).clock(Clock.systemUTC()).build();
    TeamId east = TeamId.of(ACME, "east");
    relay.org().saveTeam(new Team(east, "East", null, LI));
    relay.org().saveRep(Rep.of(LI, "Li", east, "sales_manager", "sales_rep"));
    for (int i = 0; ; i++) {
      int n = i;
      storage.transactions().inTransaction(() -> {
        Account account = relay.pool().create(ACME, NewAccount.company(CrashSafetyTest.customer(n), LI)).orThrow();
        relay.pipeline().create(ACME, NewDeal.of("Deal " + n, LI, Money.of("1000", "CNY")).forAccount(account.id()));
        relay.activities().createTask(ACME, NewTask.of(Subject.ofAccount(account.id()), LI, "Call back " + n,
            relay.clock().instant().plus(Duration.ofDays(2))));
        return account;
      });
      System.out.println("imported " + n);
      System.out.flush();
    }
  }
}

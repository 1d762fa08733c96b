package dev.relay.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.relay.Relay;
import dev.relay.activity.ActivityKind;
import dev.relay.activity.NewActivity;
import dev.relay.activity.NewTask;
import dev.relay.activity.Subject;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.lead.LeadCapture;
import dev.relay.lead.NewLead;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.pipeline.Deal;
import dev.relay.pipeline.NewDeal;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.Account;
import dev.relay.pool.AccountStatus;
import dev.relay.pool.NewAccount;
import dev.relay.pool.PoolPolicy;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade wires the capabilities to each other: what one does, the others see in the same unit of work. */
class RelayWiringTest {
  private final TenantId acme = TenantId.of("acme");
  private final RepId li = RepId.of(acme, "li");
  private final RepId zhang = RepId.of(acme, "zhang");
  private final RepId wang = RepId.of(acme, "wang");
  private final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  private final Relay relay = Relay.builder().clock(clock).build();

  RelayWiringTest() {
    relay.playbooks().publish(acme, Playbook.builder()
        .customField(EntityKind.ACCOUNT, FieldDefinition.custom("industry", FieldType.STRING))
        .pipeline(PipelineDefinition.builder("sales", "Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .stage(StageDefinition.builder("payment", "回款 Payment", 100))
            .wonStage("contract")
            .lostReason("price", "Price"))
        .pool(PoolPolicy.defaults())
        .build());
    TeamId east = TeamId.of(acme, "east");
    relay.org().saveTeam(new Team(east, "East", null, wang));
    relay.org().saveRep(Rep.of(wang, "Wang", east, "sales_manager"));
    relay.org().saveRep(Rep.of(li, "Li", east, "sales_rep"));
    relay.org().saveRep(Rep.of(zhang, "Zhang", east, "sales_rep"));
  }

  private Account zhenhua() {
    return relay.pool().create(acme, NewAccount.company("上海振华重工（集团）股份有限公司", li)
        .withPhones("021-6888 8888")).orThrow();
  }

  @Test
  void aTransferTakesTheAccountsOpenDealsAndTasksAlong() {
    Account account = zhenhua();
    Deal deal = relay.pipeline().create(acme, NewDeal.of("Cranes", li, Money.of("900000", "CNY"))
        .forAccount(account.id()));
    relay.activities().createTask(acme, NewTask.of(Subject.ofAccount(account.id()), li, "回访 Call back",
        clock.instant().plus(Duration.ofDays(2))));

    relay.pool().transfer(account.id(), zhang, li, "李雷调往华北，客户交张伟跟进 Li moves north").orThrow();

    assertEquals(zhang, relay.pool().get(account.id()).owner());
    assertEquals(zhang, relay.pipeline().get(deal.id()).owner());
    assertEquals(List.of(zhang),
        relay.activities().openTasksOf(account.id()).stream().map(t -> t.assignee()).toList());
  }

  @Test
  void anActivityOnTheAccountIsItsLastFollowUp() {
    Account account = zhenhua();
    clock.advance(Duration.ofDays(3));

    relay.activities().log(acme, NewActivity.of(ActivityKind.VISIT, Subject.ofAccount(account.id()), li,
        clock.instant(), "拜访设备部 Visited the equipment department"));

    assertEquals(clock.instant(), relay.pool().get(account.id()).lastFollowUpAt());
  }

  @Test
  void winningADealMakesTheAccountACustomer() {
    Account account = zhenhua();
    Deal deal = relay.pipeline().create(acme, NewDeal.of("Cranes", li, Money.of("900000", "CNY"))
        .forAccount(account.id()));

    relay.pipeline().markWon(deal.id(), li).orThrow();

    assertEquals(AccountStatus.CUSTOMER, relay.pool().get(account.id()).status());
  }

  @Test
  void aLeadFromAnOwnedCustomerGoesToItsOwnerAndOthersAreRouted() {
    zhenhua();

    LeadCapture.Captured ownersLead = (LeadCapture.Captured) relay.leads().capture(acme,
        NewLead.of("website", "周总 Mr. Zhou").withCompany("上海振华重工股份有限公司").withPhones("+86 139 1111 2222"));
    LeadCapture.Captured newLead = (LeadCapture.Captured) relay.leads().capture(acme,
        NewLead.of("trade_show", "Anna Schmidt").withCompany("Bosch Rexroth AG").withPhones("+49 9352 180"));

    assertEquals(li, ownersLead.lead().owner());
    assertEquals(RoutingOutcome.ASSIGNED, newLead.decision().outcome());
    assertEquals(1, relay.leads().get(newLead.lead().id()).assignments().size());
  }
}

package dev.relay.lead;

import static dev.relay.lead.LeadFixture.BOSS;
import static dev.relay.lead.LeadFixture.CHEN;
import static dev.relay.lead.LeadFixture.EAST;
import static dev.relay.lead.LeadFixture.LI;
import static dev.relay.lead.LeadFixture.SUN;
import static dev.relay.lead.LeadFixture.TENANT;
import static dev.relay.lead.LeadFixture.WANG;
import static dev.relay.lead.LeadFixture.ZHANG;
import static dev.relay.lead.LeadFixture.ZHOU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.CapacityCap;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.AccountId;
import dev.relay.common.DealId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.RepId;
import dev.relay.common.RuleViolationException;
import dev.relay.common.TenantId;
import dev.relay.common.ValidationException;
import dev.relay.lead.LeadEvent.LeadConverted;
import dev.relay.lead.LeadEvent.LeadQualified;
import dev.relay.lead.LeadEvent.LeadReassigned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lead's life after capture: first contact, qualification, conversion, hand-overs, and the reps' load. */
class LeadLifecycleTest {

  @Test
  void onlyTheOwnerOrTheirManagerMakesFirstContact() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    RepId colleague = EAST.stream().filter(r -> !r.equals(lead.owner())).findFirst().orElseThrow();

    RuleViolationException e = assertThrows(RuleViolationException.class,
        () -> f.service.contact(lead.id(), colleague, f.clock.instant()));
    RuleViolationException otherManager = assertThrows(RuleViolationException.class,
        () -> f.service.contact(lead.id(), ZHOU, f.clock.instant()));
    Lead byManager = f.service.contact(lead.id(), WANG, f.clock.instant()).orThrow().lead();

    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertEquals("actor", e.problems().get(0).path());
    assertEquals(ErrorCode.FORBIDDEN, otherManager.code());
    assertEquals(LeadStatus.CONTACTED, byManager.status());
    assertEquals(lead.owner(), byManager.owner(), "a manager covering keeps the rep as owner");
  }

  @Test
  void firstContactIsRecordedOnce() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.johnSmith());
    f.advance(Duration.ofMinutes(20));
    Lead first = f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow().lead();
    f.advance(Duration.ofHours(2));

    LeadChange.Changed again = f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow();

    assertEquals(first, again.lead());
    assertEquals(lead.capturedAt().plus(Duration.ofMinutes(20)), again.lead().firstContactAt());
    assertEquals(1, f.events.events(LeadEvent.LeadContacted.class).size());
  }

  @Test
  void aContactTimeInTheFutureOrBeforeTheCaptureIsInvalid() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());

    ValidationException future = assertThrows(ValidationException.class,
        () -> f.service.contact(lead.id(), lead.owner(), f.clock.instant().plusSeconds(60)));
    ValidationException past = assertThrows(ValidationException.class,
        () -> f.service.contact(lead.id(), lead.owner(), f.clock.instant().minusSeconds(60)));

    assertEquals("at", future.problems().get(0).path());
    assertEquals("at", past.problems().get(0).path());
    assertEquals(LeadStatus.ASSIGNED, f.get(lead.id()).status());
  }

  @Test
  void qualifiedLeadReleasesTheRepsLoad() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    RepId owner = lead.owner();
    f.service.contact(lead.id(), owner, f.clock.instant()).orThrow();
    assertEquals(1, f.openLeads(owner));

    Lead qualified = f.service.qualify(lead.id(), owner).orThrow().lead();

    assertEquals(LeadStatus.QUALIFIED, qualified.status());
    assertEquals(owner, qualified.owner(), "the rep keeps working it");
    assertEquals(0, f.openLeads(owner), "but it no longer counts against their open-lead cap");
    assertEquals(owner, f.events.events(LeadQualified.class).get(0).owner());
    assertTrue(f.service.qualify(lead.id(), owner).isChanged(), "qualifying again changes nothing");
  }

  @Test
  void disqualifiedAndConvertedLeadsLeaveTheLoadToo() {
    LeadFixture f = new LeadFixture();
    Lead junk = f.capture(LeadFixture.eastLead(1));
    Lead deal = f.capture(LeadFixture.eastLead(2));

    f.service.disqualify(junk.id(), junk.owner(), "空号 number not in service").orThrow();
    AccountId account = AccountId.of(TENANT, "C-9");
    DealId opportunity = DealId.of(TENANT, "D-9");
    Lead converted = f.service.convert(deal.id(), deal.owner(), account, opportunity).orThrow().lead();

    assertEquals(0, f.openLeads(junk.owner()));
    assertEquals(0, f.openLeads(deal.owner()));
    assertEquals(LeadStatus.CONVERTED, converted.status());
    assertEquals(account, converted.convertedTo().account());
    assertEquals(opportunity, converted.convertedTo().deal());
    assertEquals(List.of(account), f.events.events(LeadConverted.class).stream().map(LeadConverted::account)
        .toList());
    assertEquals("空号 number not in service", f.get(junk.id()).disqualifyReason());
    assertTrue(f.service.convert(deal.id(), deal.owner(), account, opportunity).isChanged(), "the same again");
    LeadChange otherAccount = f.service.convert(deal.id(), deal.owner(), AccountId.of(TENANT, "C-10"), null);
    assertEquals(ErrorCode.INVALID_TRANSITION, assertInstanceOf(LeadChange.Refused.class, otherAccount).code());
    assertInstanceOf(LeadChange.Refused.class, f.service.qualify(junk.id(), junk.owner()));
  }

  @Test
  void convertingIntoAnotherTenantsAccountIsInvalid() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());

    ValidationException e = assertThrows(ValidationException.class, () -> f.service.convert(lead.id(),
        lead.owner(), AccountId.of(TenantId.of("globex"), "C-1"), DealId.of(TenantId.of("globex"), "D-1")));

    assertEquals(List.of("account", "deal"), e.problems().stream().map(Problem::path).toList());
  }

  @Test
  void queuedLeadIsRoutedWhenCapacityFreesUp() {
    LeadFixture f = new LeadFixture(LeadFixture.policy(LeadFixture.eastRule().cap(CapacityCap.openLeads(1))));
    List<Lead> first = new ArrayList<>();
    for (int i = 0; i < EAST.size(); i++) {
      first.add(f.capture(LeadFixture.eastLead(i)));
    }
    LeadCapture.Captured waiting = f.service.capture(TENANT, LeadFixture.zhangWei()).orThrow();
    assertEquals(RoutingOutcome.QUEUED, waiting.decision().outcome());
    assertEquals(List.of(RoutingOutcome.QUEUED), outcomes(f.service.routeQueued(TENANT)), "still full");
    Lead freed = first.get(1);

    f.service.qualify(freed.id(), freed.owner()).orThrow();
    List<RoutingDecision> decisions = f.service.routeQueued(TENANT);

    assertEquals(List.of(RoutingOutcome.ASSIGNED), outcomes(decisions));
    Lead routed = f.get(waiting.lead().id());
    assertEquals(freed.owner(), routed.owner());
    assertEquals(LeadStatus.ASSIGNED, routed.status());
    assertEquals(decisions.get(0), routed.decision());
    assertEquals(List.of(AssignmentCause.CAPTURE, AssignmentCause.QUEUE),
        routed.assignments().stream().map(Assignment::cause).toList());
    assertEquals(f.clock.instant().plus(Duration.ofHours(4)), routed.slaDue().orElseThrow());
    assertEquals(List.of(), f.service.routeQueued(TENANT), "nothing is left waiting");
  }

  @Test
  void aManualHandOverMovesTheLoadAndRestartsTheSla() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.zhangWei());
    RepId from = lead.owner();
    f.advance(Duration.ofHours(3));

    Lead handed = f.service.reassign(lead.id(), SUN, WANG, "懂港机的同事 knows port cranes").orThrow().lead();

    assertEquals(SUN, handed.owner());
    assertEquals(LeadStatus.ASSIGNED, handed.status());
    Assignment manual = handed.lastAssignment().orElseThrow();
    assertEquals(AssignmentCause.MANUAL, manual.cause());
    assertEquals(WANG, manual.actor());
    assertEquals(f.clock.instant().plus(Duration.ofHours(4)), manual.slaDue());
    assertEquals(0, f.openLeads(from));
    assertEquals(1, f.openLeads(SUN));
    assertEquals(from, f.events.events(LeadReassigned.class).get(0).from());
    RuleViolationException notTheirs = assertThrows(RuleViolationException.class,
        () -> f.service.reassign(lead.id(), LI, CHEN.equals(from) ? ZHANG : CHEN, "mine now"));
    assertEquals(ErrorCode.FORBIDDEN, notTheirs.code());
  }

  @Test
  void aContactedLeadHandedOverKeepsItsFirstContactAndNeedsNoNewSla() {
    LeadFixture f = new LeadFixture();
    Lead lead = f.capture(LeadFixture.johnSmith());
    f.service.contact(lead.id(), lead.owner(), f.clock.instant()).orThrow();

    Lead handed = f.service.reassign(lead.id(), SUN, BOSS, "English speaker").orThrow().lead();

    assertEquals(LeadStatus.CONTACTED, handed.status());
    assertNull(handed.lastAssignment().orElseThrow().slaDue());
  }

  @Test
  void aRepTakesAQueuedLeadAndOnlyAnActiveRepCanGetOne() {
    LeadFixture f = new LeadFixture();
    f.pause(EAST);
    Lead queued = f.capture(LeadFixture.zhangWei());
    assertNull(queued.owner());
    f.org.saveRep(f.org.rep(ZHANG).orElseThrow().withActive(false));

    ValidationException inactive = assertThrows(ValidationException.class,
        () -> f.service.reassign(queued.id(), ZHANG, WANG, "老客户 knows him"));
    RuleViolationException notForOthers = assertThrows(RuleViolationException.class,
        () -> f.service.reassign(queued.id(), LI, CHEN, "li should call"));
    Lead taken = f.service.reassign(queued.id(), LI, LI, "我来跟进 I'll take it").orThrow().lead();

    assertEquals("new_owner", inactive.problems().get(0).path());
    assertEquals(ErrorCode.FORBIDDEN, notForOthers.code());
    assertEquals(LI, taken.owner());
    assertEquals(LeadStatus.ASSIGNED, taken.status());
    assertEquals(1, f.openLeads(LI));
  }

  @Test
  void aQueuedLeadCannotBeContactedButCanBeTriaged() {
    LeadFixture f = new LeadFixture();
    f.pause(EAST);
    Lead queued = f.capture(LeadFixture.johnSmith());

    LeadChange contact = f.service.contact(queued.id(), LI, f.clock.instant());
    Lead disqualified = f.service.disqualify(queued.id(), LeadFixture.ZHAO, "competitor 竞争对手").orThrow().lead();

    assertTrue(assertInstanceOf(LeadChange.Refused.class, contact).reasons().get(0).message().contains("queue"));
    assertEquals(LeadStatus.DISQUALIFIED, disqualified.status());
    assertThrows(RuleViolationException.class, contact::orThrow);
    assertThrows(ValidationException.class, () -> f.service.disqualify(queued.id(), LI, " "));
  }

  private static List<RoutingOutcome> outcomes(List<RoutingDecision> decisions) {
    return decisions.stream().map(RoutingDecision::outcome).toList();
  }
}

package dev.relay.lead;

import static dev.relay.lead.LeadFixture.CHEN;
import static dev.relay.lead.LeadFixture.EAST;
import static dev.relay.lead.LeadFixture.SUN;
import static dev.relay.lead.LeadFixture.TENANT;
import static dev.relay.lead.LeadFixture.ZHANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relay.assignment.AssignmentEvent.LeadAssigned;
import dev.relay.assignment.RoutingDecision;
import dev.relay.assignment.RoutingOutcome;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.RuleViolationException;
import dev.relay.common.ValidationException;
import dev.relay.lead.LeadEvent.LeadCaptured;
import dev.relay.pool.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Capturing leads: routing with its trace, lead-to-account matching, duplicates and validation. */
class LeadCaptureTest {
  private final LeadFixture f = new LeadFixture();

  @Test
  void capturedLeadIsRoutedAndTheTraceIsStoredWithIt() {
    LeadCapture.Captured captured = f.service.capture(TENANT, LeadFixture.zhangWei()).orThrow();

    RoutingDecision decision = captured.decision();
    Lead lead = captured.lead();
    assertEquals(RoutingOutcome.ASSIGNED, decision.outcome());
    assertTrue(EAST.contains(decision.assignee()), () -> "an east rep, not " + decision.assignee());
    assertEquals("east", decision.ruleKey());
    assertEquals("assignment.rules[0]", decision.rulePath());
    assertEquals(EAST, decision.candidates().stream().map(c -> c.rep()).toList(), "every member was considered");
    assertFalse(decision.reasons().isEmpty());
    assertEquals(decision, lead.decision(), "the trace returned is the trace stored");
    assertEquals(lead, f.get(lead.id()));
    assertEquals(LeadStatus.ASSIGNED, lead.status());
    assertEquals(decision.assignee(), lead.owner());
    Assignment assignment = lead.assignments().get(0);
    assertEquals(AssignmentCause.CAPTURE, assignment.cause());
    assertEquals("assignment.rules[0]", assignment.rulePath());
    assertEquals(decision.reasons(), assignment.reasons());
    assertEquals(f.clock.instant().plus(Duration.ofHours(4)), assignment.slaDue());
    assertEquals(1, f.openLeads(lead.owner()), "routing counts the lead in the assignee's load");
    assertEquals("张伟", lead.fields().get(LeadFields.NAME));
    assertEquals("assigned", lead.fields().get(LeadFields.STATUS));
    assertEquals(lead.owner().value(), lead.fields().get(LeadFields.OWNER));
    assertEquals("website", lead.fields().get("source"), "the source fills the playbook's source field");
    assertEquals(List.of(LeadCaptured.class, LeadAssigned.class),
        f.events.events().stream().map(Object::getClass).toList());
  }

  @Test
  void leadForAnOwnedAccountGoesToItsOwner() {
    Account zhenhua = f.ownedAccount("上海振华重工股份有限公司", ZHANG, "021-6888 8888");
    f.capture(LeadFixture.eastLead(2)); // moves the round-robin cursor, so zhang would not be next by turn

    LeadCapture.Captured captured = f.service.capture(TENANT, LeadFixture.zhangWei()).orThrow();

    assertEquals(ZHANG, captured.lead().owner());
    assertEquals(zhenhua.id(), captured.lead().matchedAccount());
    assertTrue(captured.matching().get(0).message().contains("owned by zhang"), captured.matching().toString());
    assertTrue(captured.decision().reasons().stream()
        .anyMatch(r -> r.rule().equals("assignment.account_owner_first")), captured.decision().reasons().toString());
    LeadCaptured event = f.events.events(LeadCaptured.class).get(1);
    assertEquals(ZHANG, event.accountOwner());
  }

  @Test
  void aContactsPhoneFindsTheAccountOfAnotherTeamsRep() {
    Account acme = f.ownedAccount("Acme Robotics Inc.", SUN, "+1 415-555-0123");

    Lead lead = f.capture(LeadFixture.johnSmith());

    assertEquals(acme.id(), lead.matchedAccount());
    assertEquals(SUN, lead.owner(), "the account owner first, though sun is not in the east rule's team");
  }

  @Test
  void leadOfANewCompanyMatchesNoAccount() {
    f.ownedAccount("上海振华重工股份有限公司", ZHANG, "021-6888 8888");

    LeadCapture.Captured captured = f.service.capture(TENANT, LeadFixture.johnSmith()).orThrow();

    assertNull(captured.lead().matchedAccount());
    assertEquals(List.of(), captured.matching());
  }

  @Test
  void duplicateOfAnOpenLeadIsCaught() {
    Lead first = f.capture(LeadFixture.zhangWei());
    RoutingDecision firstDecision = first.decision();

    LeadCapture again = f.service.capture(TENANT, NewLead.of("trade_show", "Zhang Wei")
        .withPhones("+86 138-0013-8000").withFields(Map.of("region", "east")));

    LeadCapture.Duplicate duplicate = assertInstanceOf(LeadCapture.Duplicate.class, again);
    assertEquals(first, duplicate.existing());
    assertTrue(duplicate.reasons().get(0).message().contains("+8613800138000"), duplicate.reasons().toString());
    Lead record = duplicate.lead();
    assertEquals(LeadStatus.DISQUALIFIED, record.status());
    assertEquals(first.id(), record.duplicateOf());
    assertNull(record.owner());
    assertNull(record.decision(), "a duplicate is never routed");
    assertEquals(record, f.get(record.id()));
    assertEquals(first, f.get(first.id()), "the open lead is untouched");
    assertEquals(1, f.openLeads(first.owner()));
    assertEquals(first.id(), f.events.events(LeadCaptured.class).get(1).duplicateOf());
    RuleViolationException thrown = assertThrows(RuleViolationException.class, again::orThrow);
    assertEquals(ErrorCode.INVALID_TRANSITION, thrown.code());
    assertEquals(firstDecision, f.get(first.id()).decision());
  }

  @Test
  void theSameContactAtTheSameCompanyIsADuplicateButAColleagueIsNot() {
    Lead john = f.capture(LeadFixture.johnSmith());

    LeadCapture sameContact = f.service.capture(TENANT, NewLead.of("website", "JOHN  SMITH")
        .withCompany("ACME Robotics Limited").withEmails("jsmith@gmail.com").withFields(Map.of("region", "east")));
    LeadCapture colleague = f.service.capture(TENANT, NewLead.of("website", "Emma Brown")
        .withCompany("Acme Robotics Ltd.").withEmails("emma.brown@acme-robotics.com")
        .withFields(Map.of("region", "east")));

    assertEquals(john, assertInstanceOf(LeadCapture.Duplicate.class, sameContact).existing());
    assertInstanceOf(LeadCapture.Captured.class, colleague);
  }

  @Test
  void aClosedLeadIsNoDuplicate() {
    Lead first = f.capture(LeadFixture.zhangWei());
    f.service.disqualify(first.id(), first.owner(), "无预算 no budget").orThrow();

    LeadCapture again = f.service.capture(TENANT, LeadFixture.zhangWei());

    assertInstanceOf(LeadCapture.Captured.class, again);
  }

  @Test
  void badLeadFieldsAreRejectedWithPathsAndNothingIsStored() {
    NewLead bad = NewLead.of("website", "李娜").withPhones("12345").withEmails("li.na@")
        .withFields(Map.of("grade", "Z", "budgt", 100, "owner", "li", "budget", "lots"));

    ValidationException e = assertThrows(ValidationException.class, () -> f.service.capture(TENANT, bad));

    assertEquals(Set.of("phones[0]", "emails[0]", "fields.grade", "fields.budgt", "fields.owner", "fields.budget"),
        Set.copyOf(e.problems().stream().map(Problem::path).toList()));
    assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("did you mean 'budget'")), e.getMessage());
    assertEquals(List.of(), f.leads.findByStatus(TENANT, Set.of(LeadStatus.values())));
    assertEquals(List.of(), f.events.events());
    for (var rep : EAST) {
      assertEquals(0, f.openLeads(rep), "nothing was routed");
    }
  }

  @Test
  void aLeadNeedsASourceANameAndAWayToReachIt() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.service.capture(TENANT, NewLead.of(" ", " ")));

    assertEquals(List.of("source", "name", "phones"), e.problems().stream().map(Problem::path).toList());
  }

  @Test
  void anUnknownSourceIsRejectedWhereThePlaybookListsTheSources() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> f.service.capture(TENANT, NewLead.of("cold_call", "Emma Brown").withEmails("emma@example.org")));

    assertEquals("fields.source", e.problems().get(0).path());
  }

  @Test
  void aLeadNobodyCanTakeWaitsInTheQueue() {
    f.org.saveRep(f.org.rep(SUN).orElseThrow().withActive(false));

    LeadCapture.Captured captured = f.service.capture(TENANT, NewLead.of("website", "王芳")
        .withPhones("+86 139 1234 5678").withFields(Map.of("region", "north"))).orThrow();

    assertEquals(RoutingOutcome.QUEUED, captured.decision().outcome());
    assertEquals(LeadStatus.NEW, captured.lead().status());
    assertNull(captured.lead().owner());
    assertTrue(captured.lead().lastAssignment().orElseThrow().isQueued());
    assertEquals(captured.lead().slaDue(), java.util.Optional.empty());
    assertEquals(CHEN, f.capture(LeadFixture.zhangWei()).owner(), "east is unaffected; chen is first by id");
  }
}

package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.RepId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.fields.FieldValues;
import dev.relay.pipeline.Collaborator;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.matching.DuplicateCandidate;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import dev.relay.pool.matching.MatchReason;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts built directly through the canonical constructor, for repository contract tests: every part of the aggregate
 * is set (contact details, keys, custom fields of several types, backup owner, collaborators, lock, registration,
 * pending requests, duplicate flags, recycle warning, history). Public so that adapter modules can use it through the
 * core test-jar. The accounts' fields are bound to {@link #PLAYBOOK}'s account schema as playbook version 1; an adapter
 * that needs the schema to read values back can save {@link #PLAYBOOK} as version 1 of each tenant it uses.
 */
public final class AccountSamples {
  /** The playbook whose account schema the samples use. */
  public static final Playbook PLAYBOOK = Playbook.builder()
      .name("samples")
      .roles("sales_rep", "sales_manager")
      .customField(EntityKind.ACCOUNT, FieldDefinition.customEnum("grade", FieldType.ENUM, List.of("A", "B", "C")))
      .customField(EntityKind.ACCOUNT, FieldDefinition.custom("industry", FieldType.STRING))
      .customField(EntityKind.ACCOUNT, FieldDefinition.custom("employees", FieldType.INTEGER))
      .customField(EntityKind.ACCOUNT, FieldDefinition.custom("founded", FieldType.DATE))
      .pipeline(PipelineDefinition.builder("sales", "Sales")
          .stage(StageDefinition.builder("lead", "Lead", 10))
          .stage(StageDefinition.builder("won", "Won", 100))
          .wonStage("won")
          .lostReason("price", "Price"))
      .build();

  /** 2026-03-02T01:00:00Z, when the samples were created. */
  public static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  private AccountSamples() {}

  /** The normalised name key the samples' company names get, e.g. {@code 上海振华重工} for {@code 上海振华重工（集团）股份有限公司}. */
  public static MatchKey nameKey(String normalizedName) {
    return new MatchKey(MatchKind.COMPANY_NAME, normalizedName);
  }

  /** A phone key in E.164. */
  public static MatchKey phoneKey(String e164) {
    return new MatchKey(MatchKind.PHONE, e164);
  }

  /**
   * An account owned by {@code li} with every part filled in, at version 1: 上海振华重工（集团）股份有限公司 with the switchboard
   * +86 21 6888 8888 and a mobile, an e-mail address, a credit code, all their keys, and the name key {@code
   * 上海振华重工} followed by {@code suffix} (so that samples of one test have distinct names).
   */
  public static Account ownedAccount(TenantId tenant, String id, String suffix) {
    RepId li = RepId.of(tenant, "li");
    RepId wang = RepId.of(tenant, "wang");
    RepId zhang = RepId.of(tenant, "zhang");
    FieldValues fields = FieldValues.empty(PLAYBOOK.schema(EntityKind.ACCOUNT)).with(Map.of("grade", "A",
        "industry", "港口机械 Port machinery", "employees", 12_000, "founded", "1992-02-14"), false);
    Set<MatchKey> keys = new LinkedHashSet<>(List.of(nameKey("上海振华重工" + suffix), phoneKey("+862168888888"),
        phoneKey("+8613800138000"), new MatchKey(MatchKind.EMAIL, "sales@zpmc.com"),
        new MatchKey(MatchKind.EMAIL_DOMAIN, "zpmc.com"), new MatchKey(MatchKind.CREDIT_CODE, "91310000132211233X")));
    List<OwnershipChange> history = List.of(
        new OwnershipChange(OwnershipChangeKind.CREATED, null, null, RepId.of(tenant, "zhao"), T0, null, 1),
        new OwnershipChange(OwnershipChangeKind.CLAIMED, null, li, li, T0.plusSeconds(3_600), null, 1),
        new OwnershipChange(OwnershipChangeKind.LOCKED, li, li, li, T0.plusSeconds(7_200), null, 1));
    Account account = new Account(AccountId.of(tenant, id), AccountKind.COMPANY, "上海振华重工（集团）股份有限公司" + suffix,
        List.of("021-6888 8888", "+86 138 0013 8000"), List.of("sales@zpmc.com"), "91310000132211233X", keys, fields,
        "public", li, wang, List.of(new Collaborator(zhang, "售前 presales")), AccountStatus.PROSPECT, true,
        T0.plusSeconds(3_600), T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(2)),
        new Registration(li, T0, T0.plus(Duration.ofDays(30))),
        List.of(new CollaborationRequest("CR-1", RepId.of(tenant, "sun"), T0.plusSeconds(9_000), "港口项目 port project")),
        List.of(new TransferRequest("TR-1", li, zhang, li, T0.plusSeconds(10_000), "交接 handover")),
        List.of(new DuplicateCandidate(AccountId.of(tenant, "C-99"),
            List.of(MatchReason.similarName(MatchKind.COMPANY_NAME, "上海振华港机", 0.8)), false)),
        new RecycleWarning("no_follow_up", T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(27))),
        history, T0, RepId.of(tenant, "zhao"), 1, 1);
    return account.withBuiltIns();
  }

  /** An account in the public pool with only a name and a phone, at version 1. */
  public static Account poolAccount(TenantId tenant, String id, String normalizedName, String e164) {
    RepId zhao = RepId.of(tenant, "zhao");
    return new Account(AccountId.of(tenant, id), AccountKind.COMPANY, normalizedName + "有限公司", List.of(e164),
        List.of(), null, Set.of(nameKey(normalizedName), phoneKey(e164)),
        FieldValues.empty(PLAYBOOK.schema(EntityKind.ACCOUNT)), "public", null, null, List.of(),
        AccountStatus.PROSPECT, false, null, null, null, null, List.of(), List.of(), List.of(), null,
        List.of(new OwnershipChange(OwnershipChangeKind.CREATED, null, null, zhao, T0, null, 1)), T0, zhao, 1, 1)
        .withBuiltIns();
  }

  /** The next version of a pool account, claimed by {@code rep} at {@code at}. */
  public static Account claimed(Account account, RepId rep, Instant at) {
    return account.draft().changeOwner(OwnershipChangeKind.CLAIMED, rep, rep, at, null, 1, at)
        .build().withBuiltIns().nextVersion(1);
  }

  /** The next version of an account, released to the pool at {@code at}. */
  public static Account released(Account account, Instant at) {
    return account.draft().changeOwner(OwnershipChangeKind.RELEASED, null, account.owner(), at, "sample", 1, null)
        .build().withBuiltIns().nextVersion(1);
  }

  /** The next version of an account with its keys replaced. */
  public static Account withKeys(Account account, Set<MatchKey> keys) {
    Account.Draft d = account.draft();
    d.keys = keys;
    return d.build().nextVersion(1);
  }

  /** The next version of an account whose last follow-up is {@code marker} seconds after {@link #T0}, a visible mark. */
  public static Account withMarker(Account account, int marker) {
    Account.Draft d = account.draft();
    d.lastFollowUpAt = T0.plusSeconds(marker);
    return d.build().nextVersion(1);
  }
}

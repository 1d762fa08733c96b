package dev.relay.pool;

import static dev.relay.criteria.Criteria.field;

import dev.relay.common.AccountId;
import dev.relay.common.DirectTransactionRunner;
import dev.relay.common.InMemoryEventPublisher;
import dev.relay.common.RepId;
import dev.relay.common.SequentialIdGenerator;
import dev.relay.common.TeamId;
import dev.relay.common.TenantId;
import dev.relay.fields.EntityKind;
import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import dev.relay.org.InMemoryOrgDirectory;
import dev.relay.org.Rep;
import dev.relay.org.Team;
import dev.relay.playbook.InMemoryPlaybookRepository;
import dev.relay.pipeline.PipelineDefinition;
import dev.relay.pipeline.StageDefinition;
import dev.relay.playbook.Playbook;
import dev.relay.pool.matching.UnifiedSocialCreditCode;
import dev.relay.testkit.ManualClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sales organisation of tenant {@code acme} with a customer pool, wired to in-memory ports and a stopped clock (Monday
 * 2026-03-02, 09:00 in Shanghai). Plain Java, so that Jupiter tests and jqwik properties can both build one per test or
 * try.
 *
 * <p>Organisation: {@code boss} manages {@code hq}; {@code wang} manages team {@code east} with reps {@code li} and
 * {@code zhang}; {@code zhou} manages team {@code north} with rep {@code sun}; {@code zhao} is sales ops in {@code hq}.
 * Accounts have custom fields {@code region} (east, north), {@code grade} (A, B, C), {@code industry} and {@code
 * employees}. The pool policy is {@link PoolPolicy#defaults()} unless a test passes its own ({@link #policy()} starts
 * one); {@link #use} saves another one as the next playbook version.
 */
final class PoolFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final RepId BOSS = rep("boss");
  static final RepId WANG = rep("wang");
  static final RepId LI = rep("li");
  static final RepId ZHANG = rep("zhang");
  static final RepId ZHOU = rep("zhou");
  static final RepId SUN = rep("sun");
  static final RepId ZHAO = rep("zhao");

  /** 上海振华重工（集团）股份有限公司, its switchboard, a sales manager's mobile and its unified social credit code. */
  static final String ZHENHUA = "上海振华重工（集团）股份有限公司";
  static final String ZHENHUA_EN = "Shanghai Zhenhua Heavy Industries Co., Ltd.";
  static final String ZHENHUA_PHONE = "021-6888 8888";
  static final String ZHENHUA_MOBILE = "+86 138 0013 8000";
  static final String ZHENHUA_CODE = creditCode("91310000132211233");

  final ManualClock clock = ManualClock.at("2026-03-02T01:00:00Z");
  final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  final InMemoryPlaybookRepository playbooks = new InMemoryPlaybookRepository();
  final InMemoryOrgDirectory org = new InMemoryOrgDirectory();
  final InMemoryEventPublisher events = new InMemoryEventPublisher();
  final RecordingDealHandover dealHandover = new RecordingDealHandover(2);
  final RecordingTaskHandover taskHandover = new RecordingTaskHandover(3);
  final PoolService service;

  PoolFixture() {
    this(PoolPolicy.defaults());
  }

  PoolFixture(PoolPolicy.Builder policy) {
    this(policy.build());
  }

  PoolFixture(PoolPolicy policy) {
    TeamId hq = TeamId.of(TENANT, "hq");
    TeamId east = TeamId.of(TENANT, "east");
    TeamId north = TeamId.of(TENANT, "north");
    org.saveTeam(new Team(hq, "总部 HQ", null, BOSS));
    org.saveTeam(new Team(east, "华东 East", hq, WANG));
    org.saveTeam(new Team(north, "华北 North", hq, ZHOU));
    org.saveRep(Rep.of(BOSS, "Boss", hq, "sales_manager"));
    org.saveRep(Rep.of(WANG, "Wang", east, "sales_manager"));
    org.saveRep(Rep.of(LI, "Li", east, "sales_rep"));
    org.saveRep(Rep.of(ZHANG, "Zhang", east, "sales_rep"));
    org.saveRep(Rep.of(ZHOU, "Zhou", north, "sales_manager"));
    org.saveRep(Rep.of(SUN, "Sun", north, "sales_rep"));
    org.saveRep(Rep.of(ZHAO, "Zhao", hq, "sales_ops"));
    use(policy);
    service = new PoolService(accounts, playbooks, org, dealHandover, taskHandover, events,
        new SequentialIdGenerator(), new DirectTransactionRunner(), clock);
  }

  static RepId rep(String id) {
    return RepId.of(TENANT, id);
  }

  /** A policy builder from the defaults. */
  static PoolPolicy.Builder policy() {
    return PoolPolicy.builder();
  }

  /** One pool for every account and rep with these claim rules. */
  static PoolPolicy.Builder withClaimRules(ClaimRules.Builder rules) {
    return policy().pool(PoolDefinition.builder("public", "公海 Public pool").claim(rules));
  }

  /** Saves the tenant's playbook with this pool policy as its next version. */
  void use(PoolPolicy policy) {
    playbooks.save(TENANT, playbook(policy), clock.instant());
  }

  static Playbook playbook(PoolPolicy policy) {
    return Playbook.builder()
        .name("Acme pool")
        .zone(ZoneId.of("Asia/Shanghai"))
        .roles("sales_rep", "sales_manager", "sales_ops")
        .customField(EntityKind.ACCOUNT, FieldDefinition.customEnum("region", FieldType.ENUM,
            List.of("east", "north")).withLabel("大区 Region"))
        .customField(EntityKind.ACCOUNT, FieldDefinition.customEnum("grade", FieldType.ENUM,
            List.of("A", "B", "C")).withLabel("客户等级 Grade"))
        .customField(EntityKind.ACCOUNT, FieldDefinition.custom("industry", FieldType.STRING).withLabel("行业 Industry"))
        .customField(EntityKind.ACCOUNT, FieldDefinition.custom("employees", FieldType.INTEGER)
            .withLabel("员工数 Employees"))
        .pipeline(PipelineDefinition.builder("sales", "销售流程 Sales")
            .stage(StageDefinition.builder("lead", "线索 Lead", 10))
            .stage(StageDefinition.builder("contract", "签约 Contract", 100))
            .stage(StageDefinition.builder("payment", "回款 Payment", 100))
            .wonStage("contract")
            .lostReason("price", "价格 Price"))
        .pool(policy)
        .build();
  }

  /** Two regional pools: east for team east, north for team north, by the account's {@code region}. */
  static PoolPolicy.Builder regionalPools() {
    return policy()
        .pool(PoolDefinition.builder("east", "华东公海 East China pool")
            .accounts(field("region").eq("east")).memberTeams("east"))
        .pool(PoolDefinition.builder("north", "华北公海 North China pool")
            .accounts(field("region").eq("north")).memberTeams("north"));
  }

  /** A unified social credit code with its check character. */
  static String creditCode(String first17) {
    return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
  }

  /** 振华重工 owned by {@code owner}, with its switchboard and credit code. */
  NewAccount zhenhua(RepId owner) {
    return NewAccount.company(ZHENHUA, owner).withPhones(ZHENHUA_PHONE).withCreditCode(ZHENHUA_CODE);
  }

  /** Creates a company in the public pool (by sales ops), with its own phone number, and returns it. */
  Account inPool(String name, String phone) {
    return service.create(TENANT, NewAccount.intoPool(AccountKind.COMPANY, name, ZHAO).withPhones(phone)).orThrow();
  }

  /** Creates a company in the public pool with custom fields. */
  Account inPool(String name, String phone, Map<String, ?> fields) {
    return service.create(TENANT, NewAccount.intoPool(AccountKind.COMPANY, name, ZHAO).withPhones(phone)
        .withFields(fields)).orThrow();
  }

  /** {@code n} companies in the public pool, with distinct names and mobile numbers. */
  List<Account> manyInPool(int n) {
    List<Account> created = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      created.add(inPool(COMPANY_NAMES.get(i % COMPANY_NAMES.size()) + " " + (i + 1) + "号",
          String.format("+86 139 %04d %04d", i / 10_000, i % 10_000 + 1000)));
    }
    return created;
  }

  /** Distinct company names, Chinese and English, for bulk data. */
  static final List<String> COMPANY_NAMES = List.of("杭州海康威视数字技术股份有限公司", "Beijing Sinovel Wind Co., Ltd.",
      "深圳迈瑞生物医疗电子股份有限公司", "Suzhou Keda Technology Co., Ltd.", "宁德时代新能源科技股份有限公司",
      "Guangzhou Baiyun Electric Equipment Co., Ltd.", "青岛海尔智家股份有限公司", "Wuxi Lead Intelligent Equipment Inc.");

  Account get(AccountId id) {
    return service.get(id);
  }

  void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Records the deal handovers of transfers and answers with a fixed number of deals moved. */
  static final class RecordingDealHandover implements OpenDealHandover {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final int deals;

    RecordingDealHandover(int deals) {
      this.deals = deals;
    }

    @Override
    public List<?> handOver(AccountId account, RepId to, RepId actor, String note) {
      calls.add(account.value() + " -> " + to.value() + " by " + actor.value() + ": " + note);
      return java.util.Collections.nCopies(deals, "deal");
    }
  }

  /** Records the task handovers of transfers and answers with a fixed number of tasks moved. */
  static final class RecordingTaskHandover implements OpenTaskHandover {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final int tasks;

    RecordingTaskHandover(int tasks) {
      this.tasks = tasks;
    }

    @Override
    public int handOver(AccountId account, RepId to, RepId actor) {
      calls.add(account.value() + " -> " + to.value() + " by " + actor.value());
      return tasks;
    }
  }
}

-- Relay core schema, H2 2.x. H2 compares strings in Java order by default. Every table starts with tenant_id and every key includes it: no row is reachable
-- without naming its tenant. Aggregates are stored as one JSON document beside the columns their queries need; the
-- version column carries optimistic locking. Ids compare in code-point order (COLLATE "C") like Java strings, so that
-- "ordered by id" means the same in every store.

-- One row per tenant and purpose, locked with SELECT ... FOR UPDATE to serialise what must not interleave
-- (numbering playbook versions, routing decisions).
CREATE TABLE relay_tenant_lock (
  tenant_id   VARCHAR(64)  NOT NULL,
  purpose     VARCHAR(32)  NOT NULL,
  PRIMARY KEY (tenant_id, purpose)
);

CREATE TABLE relay_playbook (
  tenant_id   VARCHAR(64)  NOT NULL,
  version     INTEGER      NOT NULL CHECK (version >= 1),
  fingerprint VARCHAR(64)  NOT NULL,
  saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, version)
);

CREATE TABLE relay_deal (
  tenant_id        VARCHAR(64)  NOT NULL,
  id               VARCHAR(128) NOT NULL,
  version          BIGINT       NOT NULL CHECK (version >= 1),
  status           VARCHAR(16)  NOT NULL,
  account_id       VARCHAR(128),
  owner_id         VARCHAR(128) NOT NULL,
  playbook_version INTEGER      NOT NULL,
  document         CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX relay_deal_status ON relay_deal (tenant_id, status, id);
CREATE INDEX relay_deal_account ON relay_deal (tenant_id, account_id, id);

-- owner_id is the one owner an account can have (at most one, by the shape of the row).
CREATE TABLE relay_account (
  tenant_id        VARCHAR(64)  NOT NULL,
  id               VARCHAR(128) NOT NULL,
  version          BIGINT       NOT NULL CHECK (version >= 1),
  status           VARCHAR(16)  NOT NULL,
  owner_id         VARCHAR(128),
  pool             VARCHAR(128),
  match_name       VARCHAR(512),
  playbook_version INTEGER      NOT NULL,
  document         CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX relay_account_owner ON relay_account (tenant_id, owner_id, id);
CREATE INDEX relay_account_status ON relay_account (tenant_id, status, id);

-- Normalised duplicate keys (phone, e-mail, credit code, names): unique per tenant, key and account.
CREATE TABLE relay_account_key (
  tenant_id   VARCHAR(64)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  key_value   VARCHAR(512) NOT NULL,
  account_id  VARCHAR(128) NOT NULL,
  PRIMARY KEY (tenant_id, kind, key_value, account_id)
);
CREATE INDEX relay_account_key_account ON relay_account_key (tenant_id, account_id);

-- Name bigrams (see NameGrams), one posting per gram and account.
CREATE TABLE relay_account_gram (
  tenant_id   VARCHAR(64)  NOT NULL,
  gram        INTEGER      NOT NULL,
  account_id  VARCHAR(128) NOT NULL,
  PRIMARY KEY (tenant_id, gram, account_id)
);
CREATE INDEX relay_account_gram_account ON relay_account_gram (tenant_id, account_id);

-- Claims from the public pool, from the accounts' ownership histories: claim limits count them.
CREATE TABLE relay_account_claim (
  tenant_id   VARCHAR(64)  NOT NULL,
  account_id  VARCHAR(128) NOT NULL,
  entry       INTEGER      NOT NULL,
  rep_id      VARCHAR(128) NOT NULL,
  claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (tenant_id, account_id, entry)
);
CREATE INDEX relay_account_claim_rep ON relay_account_claim (tenant_id, rep_id, claimed_at);

CREATE TABLE relay_activity (
  tenant_id   VARCHAR(64)  NOT NULL,
  id          VARCHAR(128) NOT NULL,
  account_id  VARCHAR(128),
  deal_id     VARCHAR(128),
  author_id   VARCHAR(128) NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX relay_activity_account ON relay_activity (tenant_id, account_id, occurred_at);
CREATE INDEX relay_activity_deal ON relay_activity (tenant_id, deal_id, occurred_at);
CREATE INDEX relay_activity_author ON relay_activity (tenant_id, author_id, occurred_at);

CREATE TABLE relay_task (
  tenant_id   VARCHAR(64)  NOT NULL,
  id          VARCHAR(128) NOT NULL,
  version     BIGINT       NOT NULL CHECK (version >= 1),
  status      VARCHAR(16)  NOT NULL,
  assignee_id VARCHAR(128) NOT NULL,
  account_id  VARCHAR(128),
  due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX relay_task_status ON relay_task (tenant_id, status, due_at, id);
CREATE INDEX relay_task_assignee ON relay_task (tenant_id, assignee_id, status);
CREATE INDEX relay_task_account ON relay_task (tenant_id, account_id, status);

CREATE TABLE relay_lead (
  tenant_id        VARCHAR(64)  NOT NULL,
  id               VARCHAR(128) NOT NULL,
  version          BIGINT       NOT NULL CHECK (version >= 1),
  status           VARCHAR(16)  NOT NULL,
  owner_id         VARCHAR(128),
  contacted        BOOLEAN      NOT NULL,
  captured_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  playbook_version INTEGER      NOT NULL,
  document         CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX relay_lead_status ON relay_lead (tenant_id, status, captured_at, id);

CREATE TABLE relay_lead_key (
  tenant_id   VARCHAR(64)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  key_value   VARCHAR(512) NOT NULL,
  lead_id     VARCHAR(128) NOT NULL,
  PRIMARY KEY (tenant_id, kind, key_value, lead_id)
);
CREATE INDEX relay_lead_key_lead ON relay_lead_key (tenant_id, lead_id);

-- Transactional outbox: written in the transaction of the change, drained in seq order by OutboxRelay.
CREATE TABLE relay_outbox (
  seq          BIGINT       GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant_id    VARCHAR(64)  NOT NULL,
  event_id     VARCHAR(64)  NOT NULL UNIQUE,
  event_type   VARCHAR(128) NOT NULL,
  event_class  VARCHAR(256) NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  payload      CLOB         NOT NULL,
  delivered_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX relay_outbox_pending ON relay_outbox (delivered_at, seq);

-- The sales organisation (reps, teams) and the reps' routing profiles, each as the JSON of its core record beside its
-- key. relay_revision holds one counter per tenant and scope ('org', 'rep_profiles'), bumped in the transaction of
-- every save, so that an engine learns whether anything changed — here or through another engine — with one read.
-- Counters take their values from relay_revision_seq rather than adding one: a sequence never hands a value out
-- twice, even when the save that drew it rolls back, so no revision ever stands for two states.
CREATE TABLE relay_rep (
  tenant_id   VARCHAR(64)  NOT NULL,
  rep_id      VARCHAR(128) NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, rep_id)
);

CREATE TABLE relay_team (
  tenant_id   VARCHAR(64)  NOT NULL,
  team_id     VARCHAR(128) NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, team_id)
);

CREATE TABLE relay_rep_profile (
  tenant_id   VARCHAR(64)  NOT NULL,
  rep_id      VARCHAR(128) NOT NULL,
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, rep_id)
);

CREATE TABLE relay_revision (
  tenant_id   VARCHAR(64)  NOT NULL,
  scope       VARCHAR(32)  NOT NULL,
  revision    BIGINT       NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (tenant_id, scope)
);

CREATE SEQUENCE relay_revision_seq START WITH 1;

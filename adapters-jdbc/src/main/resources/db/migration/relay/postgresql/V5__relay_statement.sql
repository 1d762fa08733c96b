-- Commission statements (提成明细), one per tenant, rep and period; a period is its kind, first local day and zone, so
-- periods of different kinds (or zones) never clash. Each statement's plan, currency, lines and draw balance are one
-- JSON document beside the key columns.
-- Identifiers compare in code-point order (COLLATE "C"), as Java compares strings.
CREATE TABLE relay_statement (
  tenant_id         VARCHAR(64) COLLATE "C" NOT NULL,
  rep_id            VARCHAR(128) COLLATE "C" NOT NULL,
  period_kind       VARCHAR(16) COLLATE "C" NOT NULL,
  period_first_day  DATE         NOT NULL,
  period_zone       VARCHAR(64) COLLATE "C" NOT NULL,
  document          TEXT         NOT NULL,
  PRIMARY KEY (tenant_id, rep_id, period_kind, period_first_day, period_zone)
);

-- Which statements have a line naming a deal: what clawbacks of the deal look at. Rewritten with its statement.
CREATE TABLE relay_statement_deal (
  tenant_id         VARCHAR(64) COLLATE "C" NOT NULL,
  deal_id           VARCHAR(128) COLLATE "C" NOT NULL,
  rep_id            VARCHAR(128) COLLATE "C" NOT NULL,
  period_kind       VARCHAR(16) COLLATE "C" NOT NULL,
  period_first_day  DATE         NOT NULL,
  period_zone       VARCHAR(64) COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, deal_id, rep_id, period_kind, period_first_day, period_zone)
);

-- Closed (frozen) periods per tenant (结算关账): their statements never change again.
CREATE TABLE relay_statement_closed (
  tenant_id         VARCHAR(64) COLLATE "C" NOT NULL,
  period_kind       VARCHAR(16) COLLATE "C" NOT NULL,
  period_first_day  DATE         NOT NULL,
  period_zone       VARCHAR(64) COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant_id, period_kind, period_first_day, period_zone)
);

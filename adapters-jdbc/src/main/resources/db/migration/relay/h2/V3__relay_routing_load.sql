-- Each rep's open-lead count, kept beside relay_routing_open_lead in the same statement sequence under the tenant's
-- routing lock: a decision reads one row per rep instead of counting open leads, and the count can never go negative.
CREATE TABLE relay_routing_load (
  tenant_id   VARCHAR(64)  NOT NULL,
  rep_id      VARCHAR(128) NOT NULL,
  open_leads  INTEGER      NOT NULL CHECK (open_leads >= 0),
  PRIMARY KEY (tenant_id, rep_id)
);

INSERT INTO relay_routing_load (tenant_id, rep_id, open_leads)
  SELECT tenant_id, rep_id, COUNT(*) FROM relay_routing_open_lead GROUP BY tenant_id, rep_id;

-- Trained predictive models of scoring, versioned per tenant and scoring-model key, append-only: retraining adds a
-- version, older ones stay readable to explain earlier scores. Each version is the text of PredictiveModelJson.write.
-- Keys compare in code-point order (COLLATE "C") so that keys() lists them sorted as Java sorts strings.
CREATE TABLE relay_scoring_model (
  tenant_id   VARCHAR(64)  COLLATE "C" NOT NULL,
  model_key   VARCHAR(128) COLLATE "C" NOT NULL,
  version     INTEGER      NOT NULL CHECK (version >= 1),
  document    TEXT         NOT NULL,
  PRIMARY KEY (tenant_id, model_key, version)
);

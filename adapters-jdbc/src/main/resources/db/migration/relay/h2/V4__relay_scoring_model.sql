-- Trained predictive models of scoring, versioned per tenant and scoring-model key, append-only: retraining adds a
-- version, older ones stay readable to explain earlier scores. Each version is the text of PredictiveModelJson.write.
CREATE TABLE relay_scoring_model (
  tenant_id   VARCHAR(64)  NOT NULL,
  model_key   VARCHAR(128) NOT NULL,
  version     INTEGER      NOT NULL CHECK (version >= 1),
  document    CLOB         NOT NULL,
  PRIMARY KEY (tenant_id, model_key, version)
);

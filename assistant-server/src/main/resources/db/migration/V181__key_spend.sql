-- Issue 19: virtual keys. A key's policy (allowlists, RPM/TPM, CNY budgets, expiry) as JSON of KeyPolicy; NULL = none.
ALTER TABLE api_keys ADD COLUMN policy VARCHAR(4000);
-- Spend and tokens per key, model (provider:model as served) and day (finassist.keys.zone); every node adds to the
-- same rows with atomic UPDATE ... SET x = x + ?, so budgets hold across the cluster.
CREATE TABLE key_spend (
    key_id             BIGINT        NOT NULL,
    spend_day          DATE          NOT NULL,
    model              VARCHAR(120)  NOT NULL,
    requests           BIGINT        NOT NULL,
    prompt_tokens      BIGINT        NOT NULL,
    completion_tokens  BIGINT        NOT NULL,
    cost_cny           NUMERIC(18,6) NOT NULL,
    PRIMARY KEY (key_id, spend_day, model)
);

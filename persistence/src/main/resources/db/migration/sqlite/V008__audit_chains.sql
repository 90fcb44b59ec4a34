-- One audit chain per Arca node: see the MariaDB script of the same name. SQLite cannot change a
-- primary key in place, so both tables are copied into new ones.
CREATE TABLE audit_log_chains (
  chain          VARCHAR(64)  NOT NULL DEFAULT 'legacy',
  seq            BIGINT       NOT NULL,
  recorded_at    BIGINT       NOT NULL,
  user_name      VARCHAR(255) NOT NULL,
  client_address VARCHAR(255) NOT NULL,
  operation      VARCHAR(64)  NOT NULL,
  unique_ids     TEXT         NOT NULL,
  result_status  VARCHAR(64)  NOT NULL,
  result_reason  VARCHAR(64),
  previous_hash  CHAR(64)     NOT NULL,
  hash           CHAR(64)     NOT NULL,
  PRIMARY KEY (chain, seq)
) WITHOUT ROWID;
INSERT INTO audit_log_chains (chain, seq, recorded_at, user_name, client_address, operation,
    unique_ids, result_status, result_reason, previous_hash, hash)
  SELECT 'legacy', seq, recorded_at, user_name, client_address, operation, unique_ids,
    result_status, result_reason, previous_hash, hash FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_chains RENAME TO audit_log;

CREATE TABLE audit_checkpoints_chains (
  chain     VARCHAR(64)  NOT NULL DEFAULT 'legacy',
  seq       BIGINT       NOT NULL,
  head_hash CHAR(64)     NOT NULL,
  signed_at BIGINT       NOT NULL,
  signature VARCHAR(255) NOT NULL,
  seen      TEXT         NOT NULL DEFAULT '',
  PRIMARY KEY (chain, seq)
);
INSERT INTO audit_checkpoints_chains (chain, seq, head_hash, signed_at, signature)
  SELECT 'legacy', seq, head_hash, signed_at, signature FROM audit_checkpoints;
DROP TABLE audit_checkpoints;
ALTER TABLE audit_checkpoints_chains RENAME TO audit_checkpoints;

-- access_grants (V001) stores one row per user, object and operation; object_uid '*' names the
-- server itself, for the creation rights (Create, Create Key Pair, Register, Import), and
-- user_name '*' every authenticated user.

-- The audit log: one row per answered request batch item, chained by SHA-256 (hash covers the
-- row's canonical form, which includes previous_hash). seq has no gaps; the chain names a deleted
-- or edited row. Nothing secret is stored: no key material, data or password.
CREATE TABLE audit_log (
  seq            BIGINT       NOT NULL PRIMARY KEY,
  recorded_at    BIGINT       NOT NULL,
  user_name      VARCHAR(255) NOT NULL,
  client_address VARCHAR(255) NOT NULL,
  operation      VARCHAR(64)  NOT NULL,
  unique_ids     TEXT         NOT NULL,
  result_status  VARCHAR(64)  NOT NULL,
  result_reason  VARCHAR(64),
  previous_hash  CHAR(64)     NOT NULL,
  hash           CHAR(64)     NOT NULL
) WITHOUT ROWID;

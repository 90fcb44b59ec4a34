-- The audit chain becomes keyed (docs/ACCESS.md, "The audit log").
--
-- audit_keys holds the chain's HMAC-SHA256 key ('chain') and the checkpoint signing key
-- ('checkpoint', Ed25519), each wrapped by the server KEK (kek_id, mechanism) and shared by the
-- servers of one database. starts_at_seq is the seq of the record that marks where the chain became
-- keyed (records before it keep their plain SHA-256 hashes); public_key is the signing key's
-- public half (X.509 encoding), so checkpoints can be checked without the KEK.
CREATE TABLE audit_keys (
  name          VARCHAR(32)    NOT NULL PRIMARY KEY,
  kek_id        VARCHAR(255)   NOT NULL,
  mechanism     VARCHAR(64)    NOT NULL,
  wrapped       BLOB NOT NULL,
  public_key    BLOB,
  starts_at_seq BIGINT
);

-- Signed checkpoints: the chain's head (seq, hash) at a time, signed with the 'checkpoint' key.
CREATE TABLE audit_checkpoints (
  seq       BIGINT       NOT NULL PRIMARY KEY,
  head_hash CHAR(64)     NOT NULL,
  signed_at BIGINT       NOT NULL,
  signature VARCHAR(255) NOT NULL
);

-- How far each server's local audit journal has been appended to the chain, written in the same
-- transaction as the records, so a journal is replayed exactly once after an outage or a crash.
CREATE TABLE audit_journals (
  journal_id       VARCHAR(64) NOT NULL PRIMARY KEY,
  applied_position BIGINT      NOT NULL
);

-- The server KEKs a database knows (docs/OPERATIONS.md, "The KEK").
--
-- Every object row already names the key that wrapped it (objects.wrapping_key_id): for a row under
-- the server KEK that is the KEK's identifier (local-kek, local-kek-<tag>, hsm::<slot>::<label>).
-- This table says which of those identifiers are server KEKs, which one wraps new objects
-- (is_current = 1), and how to recognise each: check_value is a fixed text wrapped by the KEK
-- (check_mechanism), which only the same key unwraps; it says nothing about the key. made_by names
-- the server (host and data directory) that registered it, for the start-up message when another
-- server's key is found. A retired KEK (retired_at set) wraps nothing and is no longer opened.
CREATE TABLE keks (
  kek_id          VARCHAR(255)    NOT NULL PRIMARY KEY,
  check_value     VARBINARY(4096) NOT NULL,
  check_mechanism VARCHAR(64)     NOT NULL,
  made_by         VARCHAR(512)    NOT NULL,
  created_at      BIGINT          NOT NULL,
  is_current      INT             NOT NULL,
  retired_at      BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- A rotation takes the rows of the old KEK in batches, and kek status counts rows per KEK.
CREATE INDEX objects_wrapping_key ON objects (wrapping_key_id);

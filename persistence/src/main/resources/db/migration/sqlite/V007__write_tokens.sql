-- Per-write tokens: see the MariaDB script of the same name.
CREATE TABLE object_writes (
  uid         VARCHAR(255) NOT NULL REFERENCES objects (uid) ON DELETE CASCADE,
  version     BIGINT       NOT NULL,
  write_token CHAR(32)     NOT NULL,
  PRIMARY KEY (uid, version)
) WITHOUT ROWID;

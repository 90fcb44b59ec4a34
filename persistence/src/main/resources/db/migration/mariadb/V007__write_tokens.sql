-- Per-write tokens (docs/SCALING.md): every update of an object inserts (uid, the version it makes,
-- a random token) in its own transaction, after its UPDATE ... WHERE version = <the version it
-- read>. On Galera two nodes updating one object from one version have been seen both
-- acknowledged while the cluster kept one of them; reading back, causally, which token holds the
-- new version tells the writer whether its update is the one kept, and a lost one is applied
-- again instead of being acknowledged. Only the last few versions of an object are kept. Existing
-- objects need no rows: the first update of each writes its own.
CREATE TABLE object_writes (
  uid         VARCHAR(255) NOT NULL,
  version     BIGINT       NOT NULL,
  write_token CHAR(32)     NOT NULL,
  PRIMARY KEY (uid, version),
  CONSTRAINT object_writes_object FOREIGN KEY (uid) REFERENCES objects (uid) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

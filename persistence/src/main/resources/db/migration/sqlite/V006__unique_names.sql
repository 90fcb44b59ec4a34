-- Names unique per owner, decided by the database: see the MariaDB script of the same name. One
-- row per distinct Name of a live object; name_digest is the SHA-256 of the Name's UTF-8 text, in
-- hex.
CREATE TABLE object_names (
  uid         VARCHAR(255) NOT NULL REFERENCES objects (uid) ON DELETE CASCADE,
  owner       VARCHAR(255) NOT NULL,
  name_digest CHAR(64)     NOT NULL,
  PRIMARY KEY (uid, name_digest)
) WITHOUT ROWID;

CREATE UNIQUE INDEX object_names_owner_name ON object_names (owner, name_digest);

-- Names unique per owner, decided by the database (docs/SCALING.md): two servers, or two Galera
-- nodes, creating the same Name for one owner at once both pass a search made before the insert;
-- the unique index lets exactly one commit (on Galera the unique key is part of the write set that
-- certification compares across nodes). One row per distinct Name of a live object, written in the
-- object's own transaction, and only while the server keeps Names unique (not with
-- --allow-duplicate-names). name_digest is the SHA-256 of the Name's UTF-8 text, in hex: a fixed
-- width fits the index whatever the Name's length. Objects stored before this script get no rows
-- (some may share a Name, made with --allow-duplicate-names): only the search before the insert
-- guards their Names, as before, and an update of one claims only the Names it adds.
CREATE TABLE object_names (
  uid         VARCHAR(255) NOT NULL,
  owner       VARCHAR(255) NOT NULL,
  name_digest CHAR(64)     NOT NULL,
  PRIMARY KEY (uid, name_digest),
  UNIQUE INDEX object_names_owner_name (owner, name_digest),
  CONSTRAINT object_names_object FOREIGN KEY (uid) REFERENCES objects (uid) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

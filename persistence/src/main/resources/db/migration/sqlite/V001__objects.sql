-- Wrapped managed objects. Timestamps are epoch milliseconds (UTC); version counts updates.
CREATE TABLE objects (
  uid                VARCHAR(255) NOT NULL PRIMARY KEY,
  object_type        VARCHAR(64)  NOT NULL,
  state              VARCHAR(64)  NOT NULL,
  owner              VARCHAR(255) NOT NULL,
  key_block          BLOB,
  wrapping_key_id    VARCHAR(255),
  wrapping_mechanism VARCHAR(64),
  algorithm          VARCHAR(64),
  length             INTEGER,
  created_at         BIGINT       NOT NULL,
  updated_at         BIGINT       NOT NULL,
  version            BIGINT       NOT NULL
) WITHOUT ROWID;

CREATE INDEX objects_owner_type_state ON objects (owner, object_type, state);
CREATE INDEX objects_type_state ON objects (object_type, state);
CREATE INDEX objects_state ON objects (state);

CREATE TABLE object_attributes (
  uid        VARCHAR(255) NOT NULL REFERENCES objects (uid) ON DELETE CASCADE,
  name       VARCHAR(191) NOT NULL,
  idx        INTEGER      NOT NULL,
  text_value TEXT,
  blob_value BLOB,
  PRIMARY KEY (uid, name, idx)
) WITHOUT ROWID;

-- "Which objects have attribute <name> = <value>" walks this index, then the primary key.
CREATE INDEX object_attributes_name_text ON object_attributes (name, text_value);

-- Who may do what: object_uid '*' means every object.
CREATE TABLE access_grants (
  user_name  VARCHAR(255) NOT NULL,
  object_uid VARCHAR(255) NOT NULL,
  operation  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (user_name, object_uid, operation)
) WITHOUT ROWID;

CREATE INDEX access_grants_object ON access_grants (object_uid);

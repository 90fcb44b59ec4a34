-- Wrapped managed objects. Timestamps are epoch milliseconds (UTC); version counts updates.
-- Identifiers are ASCII-only in practice, but utf8mb4 keeps any client-chosen name storable.
CREATE TABLE objects (
  uid                VARCHAR(255) NOT NULL PRIMARY KEY,
  object_type        VARCHAR(64)  NOT NULL,
  state              VARCHAR(64)  NOT NULL,
  owner              VARCHAR(255) NOT NULL,
  key_block          MEDIUMBLOB,
  wrapping_key_id    VARCHAR(255),
  wrapping_mechanism VARCHAR(64),
  algorithm          VARCHAR(64),
  length             INT,
  created_at         BIGINT       NOT NULL,
  updated_at         BIGINT       NOT NULL,
  version            BIGINT       NOT NULL,
  INDEX objects_owner_type_state (owner(191), object_type, state),
  INDEX objects_type_state (object_type, state),
  INDEX objects_state (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- text_value is TEXT, so its index is a prefix: (191 + 500) characters * 4 bytes stays under
-- InnoDB's 3072-byte key limit; the prefix narrows the rows and the WHERE clause checks the rest.
CREATE TABLE object_attributes (
  uid        VARCHAR(255) NOT NULL,
  name       VARCHAR(191) NOT NULL,
  idx        INT          NOT NULL,
  text_value TEXT,
  blob_value MEDIUMBLOB,
  PRIMARY KEY (uid, name, idx),
  INDEX object_attributes_name_text (name, text_value(500)),
  CONSTRAINT object_attributes_object FOREIGN KEY (uid) REFERENCES objects (uid) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who may do what: object_uid '*' means every object.
CREATE TABLE access_grants (
  user_name  VARCHAR(191) NOT NULL,
  object_uid VARCHAR(191) NOT NULL,
  operation  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (user_name, object_uid, operation),
  INDEX access_grants_object (object_uid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

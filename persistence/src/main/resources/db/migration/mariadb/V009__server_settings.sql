-- Settings the clients of KMIP 2.1 give the server as a whole (Set Defaults, Set Constraints),
-- one row each, so every node sharing the database applies the same. The content is the setting
-- as the server encodes it (TTLV), opaque here; version counts the changes, so a node rereads the
-- content only when another node changed it. The rows exist from the start, empty.
CREATE TABLE server_settings (
  name    VARCHAR(64) NOT NULL PRIMARY KEY,
  version BIGINT      NOT NULL,
  content LONGBLOB    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
INSERT INTO server_settings (name, version, content) VALUES ('defaults', 0, X'');
INSERT INTO server_settings (name, version, content) VALUES ('constraints', 0, X'');

-- Server-wide settings (Set Defaults, Set Constraints): see the MariaDB script of the same name.
CREATE TABLE server_settings (
  name    VARCHAR(64) NOT NULL PRIMARY KEY,
  version BIGINT      NOT NULL,
  content BLOB        NOT NULL
) WITHOUT ROWID;
INSERT INTO server_settings (name, version, content) VALUES ('defaults', 0, X'');
INSERT INTO server_settings (name, version, content) VALUES ('constraints', 0, X'');

-- Every text column compares bytes exactly. utf8mb4_bin is a PAD SPACE collation: it ignored
-- trailing spaces, so 'user2 ' was equal to 'user2' as an owner, a grantee, a uid (a duplicate
-- key) and a Locate text. utf8mb4_nopad_bin (MariaDB 10.2 and later) compares the bytes as they
-- are. Only equality changes: rows that were distinct stay distinct, so no key can collide.
-- The foreign key is dropped around the conversion because MariaDB refuses to change the
-- collation of a column on either side of one.
ALTER TABLE object_attributes DROP FOREIGN KEY object_attributes_object;
ALTER TABLE objects CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE object_attributes CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE object_attributes
  ADD CONSTRAINT object_attributes_object FOREIGN KEY (uid) REFERENCES objects (uid)
  ON DELETE CASCADE;
ALTER TABLE access_grants CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE audit_log CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
ALTER TABLE schema_version CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;
-- Tables made by later scripts inherit the database's collation unless they name one.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;

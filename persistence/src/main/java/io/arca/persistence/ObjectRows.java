package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The SQL of the object tables, run inside a transaction its caller owns and commits. */
final class ObjectRows {
  private static final String COLUMNS =
      "uid, object_type, state, owner, key_block, wrapping_key_id, wrapping_mechanism, algorithm,"
          + " length, created_at, updated_at, version";

  private ObjectRows() {}

  /**
   * Inserts objects with two batched statements, one for the rows and one for all their attributes,
   * whatever their number: a group commit of many creates costs the database two round trips, not
   * two per create. A failure (a duplicate uid, say) fails the whole batch and names no object, so
   * a caller of several retries each object alone.
   */
  static void insert(Connection c, List<StoredObject> objects, UniqueNames names)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO objects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (StoredObject o : objects) {
        p.setString(1, o.uid());
        bindRow(p, 2, o);
        p.setLong(12, o.version());
        p.addBatch();
      }
      p.executeBatch();
    }
    insertAttributes(c, objects);
    List<NameRow> claimed = new ArrayList<>();
    for (StoredObject o : objects) {
      for (String digest : names.digestsOf(o)) {
        claimed.add(new NameRow(o.uid(), o.owner(), digest));
      }
    }
    insertNames(c, claimed);
  }

  /** One name an object holds exclusively among its owner's objects. */
  private record NameRow(String uid, String owner, String digest) {}

  /**
   * Claims names in {@code object_names}; a name another object of the owner holds fails the
   * statement on the unique index ({@link SqlDialect#isDuplicateName}).
   */
  private static void insertNames(Connection c, List<NameRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO object_names (uid, owner, name_digest) VALUES (?, ?, ?)")) {
      for (NameRow row : rows) {
        p.setString(1, row.uid());
        p.setString(2, row.owner());
        p.setString(3, row.digest());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /**
   * Brings the names {@code o} claims in line with its new attributes and state: a name it drops,
   * or every name once it is released (destroyed), is freed; a name it adds is claimed. A name it
   * held before and still holds keeps its row, or stays unclaimed if it had none (an object stored
   * before names were claimed, which may share that name with another).
   */
  private static void updateNames(
      Connection c, StoredObject o, Set<String> heldBefore, UniqueNames names) throws SQLException {
    Set<String> claimedBefore = new HashSet<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT name_digest FROM object_names WHERE uid = ?")) {
      p.setString(1, o.uid());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          claimedBefore.add(r.getString(1));
        }
      }
    }
    Set<String> held = names.digestsOf(o);
    List<NameRow> added = new ArrayList<>();
    for (String digest : held) {
      if (!heldBefore.contains(digest) && !claimedBefore.contains(digest)) {
        added.add(new NameRow(o.uid(), o.owner(), digest));
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM object_names WHERE uid = ? AND name_digest = ?")) {
      boolean any = false;
      for (String digest : claimedBefore) {
        if (!held.contains(digest)) {
          p.setString(1, o.uid());
          p.setString(2, digest);
          p.addBatch();
          any = true;
        }
      }
      if (any) {
        p.executeBatch();
      }
    }
    insertNames(c, added);
  }

  private static void recordWrite(Connection c, String uid, long version, String token)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO object_writes (uid, version, write_token) VALUES (?, ?, ?)")) {
      p.setString(1, uid);
      p.setLong(2, version);
      p.setString(3, token);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM object_writes WHERE uid = ? AND version <= ?")) {
      p.setString(1, uid);
      p.setLong(2, version - WRITES_KEPT);
      p.executeUpdate();
    }
  }

  /**
   * Whether the update that wrote {@code version} of {@code uid} with {@code token} is the one the
   * database holds: its token is recorded for that version, or that version's record was pruned by
   * later updates (which read it, so it was held). False when another writer's token holds the
   * version, or no update reached it.
   */
  static boolean updateHeld(Connection c, String uid, long version, String token)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT write_token FROM object_writes WHERE uid = ? AND version = ?")) {
      p.setString(1, uid);
      p.setLong(2, version);
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          return token.equals(r.getString(1));
        }
      }
    }
    OptionalLong now = version(c, uid);
    // Gone since (a Destroy that deletes): what it held no longer matters to anyone.
    return now.isEmpty() || now.getAsLong() >= version + WRITES_KEPT;
  }

  /** The digests of the names {@code uid} has now, as its attribute rows hold them. */
  private static Set<String> heldNames(Connection c, String uid, UniqueNames names)
      throws SQLException {
    Set<String> digests = new HashSet<>();
    if (names.attribute() == null) {
      return digests;
    }
    try (PreparedStatement p =
        c.prepareStatement("SELECT text_value FROM object_attributes WHERE uid = ? AND name = ?")) {
      p.setString(1, uid);
      p.setString(2, names.attribute());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String text = r.getString(1);
          if (text != null) {
            digests.add(UniqueNames.digest(text));
          }
        }
      }
    }
    return digests;
  }

  /**
   * Which of {@code objects}, just inserted, the database does not hold as written: no row, or
   * another writer's row (another owner, creation time or key block) under the same uid. A row
   * updated since (version above 1) counts by its owner and creation time alone, since an update
   * may rewrap the key block.
   */
  static List<StoredObject> notLanded(Connection c, List<StoredObject> objects)
      throws SQLException {
    List<StoredObject> missing = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT owner, created_at, key_block, version FROM objects WHERE uid = ?")) {
      for (StoredObject o : objects) {
        p.setString(1, o.uid());
        try (ResultSet r = p.executeQuery()) {
          boolean ours =
              r.next()
                  && o.owner().equals(r.getString(1))
                  && o.createdAt().toEpochMilli() == r.getLong(2)
                  && (r.getLong(4) > 1 || Objects.equals(o.keyBlock(), blobOf(r.getBytes(3))));
          if (!ours) {
            missing.add(o);
          }
        }
      }
    }
    return missing;
  }

  // The key block is stored wrapped: comparing it holds no key in clear.
  private static @Nullable Blob blobOf(byte @Nullable [] bytes) {
    return bytes == null ? null : Blob.copyOf(bytes);
  }

  /** How many of an object's latest write tokens are kept. */
  static final int WRITES_KEPT = 8;

  /**
   * Rewrites the row if still at {@code o.version()}, recording {@code writeToken} as the writer of
   * the next version ({@code object_writes}); false if it is not at that version (or is gone).
   */
  static boolean update(Connection c, StoredObject o, UniqueNames names, String writeToken)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE objects SET object_type = ?, state = ?, owner = ?, key_block = ?,"
                + " wrapping_key_id = ?, wrapping_mechanism = ?, algorithm = ?, length = ?,"
                + " created_at = ?, updated_at = ?, version = ? WHERE uid = ? AND version = ?")) {
      bindRow(p, 1, o);
      p.setLong(11, o.version() + 1);
      p.setString(12, o.uid());
      p.setLong(13, o.version());
      if (p.executeUpdate() != 1) {
        return false;
      }
    }
    // The row lock taken by the UPDATE above serialises this with any other writer of the object.
    Set<String> heldBefore = heldNames(c, o.uid(), names);
    try (PreparedStatement p = c.prepareStatement("DELETE FROM object_attributes WHERE uid = ?")) {
      p.setString(1, o.uid());
      p.executeUpdate();
    }
    insertAttributes(c, List.of(o));
    if (names.attribute() != null) {
      updateNames(c, o, heldBefore, names);
    }
    recordWrite(c, o.uid(), o.version() + 1, writeToken);
    return true;
  }

  static boolean delete(Connection c, String uid) throws SQLException {
    // Names, write tokens and attributes first: the foreign keys would cascade, but SQLite only
    // does so with foreign_keys on.
    for (String table : List.of("object_names", "object_writes")) {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE uid = ?")) {
        p.setString(1, uid);
        p.executeUpdate();
      }
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM object_attributes WHERE uid = ?")) {
      p.setString(1, uid);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM objects WHERE uid = ?")) {
      p.setString(1, uid);
      return p.executeUpdate() == 1;
    }
  }

  /**
   * The object and its attributes as of one version. The row and its attributes are two reads, and
   * under READ COMMITTED another node may commit between them; reading the version again after the
   * attributes and retrying on a change keeps a torn object (new row, old attributes) from being
   * returned, and from being cached as that version.
   */
  static Optional<StoredObject> find(Connection c, String uid) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      Optional<StoredObject> row = findRow(c, uid);
      if (row.isEmpty()) {
        return row;
      }
      List<ObjectAttribute> attributes = findAttributes(c, uid);
      OptionalLong after = version(c, uid);
      if (after.isPresent() && after.getAsLong() == row.get().version()) {
        return Optional.of(row.get().withAttributes(attributes, row.get().updatedAt()));
      }
      if (attempt == 3) {
        throw new ConcurrentUpdateException(uid, row.get().version());
      }
    }
  }

  /** The object's current version, or empty if there is none: one primary-key lookup. */
  static OptionalLong version(Connection c, String uid) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT version FROM objects WHERE uid = ?")) {
      p.setString(1, uid);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** How many objects still hold key material wrapped by {@code wrappingKeyId}. */
  static long countWrappedBy(Connection c, String wrappingKeyId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT COUNT(*) FROM objects WHERE wrapping_key_id = ? AND key_block IS NOT NULL")) {
      p.setString(1, wrappingKeyId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  private static List<ObjectAttribute> findAttributes(Connection c, String uid)
      throws SQLException {
    List<ObjectAttribute> attributes = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT name, idx, text_value, blob_value FROM object_attributes WHERE uid = ?"
                + " ORDER BY name, idx")) {
      p.setString(1, uid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          attributes.add(
              new ObjectAttribute(
                  r.getString(1), r.getInt(2), r.getString(3), blob(r.getBytes(4))));
        }
      }
    }
    return attributes;
  }

  private static Optional<StoredObject> findRow(Connection c, String uid) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + COLUMNS + " FROM objects WHERE uid = ?")) {
      p.setString(1, uid);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        int length = r.getInt(9);
        Integer lengthOrNull = r.wasNull() ? null : length;
        return Optional.of(
            new StoredObject(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                blob(r.getBytes(5)),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                lengthOrNull,
                Instant.ofEpochMilli(r.getLong(10)),
                Instant.ofEpochMilli(r.getLong(11)),
                r.getLong(12),
                List.of()));
      }
    }
  }

  /**
   * One indexed query: the object filters use the objects indexes, and each attribute match is an
   * IN subquery over the (name, text_value) index, which lets the planner start from the attribute
   * index instead of scanning objects and probing each (as a correlated EXISTS invites).
   */
  static List<String> locate(Connection c, ObjectCriteria criteria) throws SQLException {
    LocateQuery query = locateQuery(criteria);
    try (PreparedStatement p = c.prepareStatement(query.sql())) {
      query.bind(p);
      List<String> uids = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          uids.add(r.getString(1));
        }
      }
      return uids;
    }
  }

  /** The SQL of a locate and its arguments (the limit and offset come last). */
  record LocateQuery(String sql, List<String> args, int limit, int offset) {
    void bind(PreparedStatement p) throws SQLException {
      int i = 1;
      for (String arg : args) {
        p.setString(i++, arg);
      }
      p.setInt(i++, limit);
      p.setInt(i, offset);
    }
  }

  static LocateQuery locateQuery(ObjectCriteria criteria) {
    StringBuilder sql = new StringBuilder("SELECT o.uid FROM objects o WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (criteria.owner() != null) {
      sql.append(" AND o.owner = ?");
      args.add(criteria.owner());
    }
    if (criteria.objectType() != null) {
      sql.append(" AND o.object_type = ?");
      args.add(criteria.objectType());
    }
    if (criteria.state() != null) {
      sql.append(" AND o.state = ?");
      args.add(criteria.state());
    }
    for (ObjectCriteria.AttributeMatch m : criteria.attributes()) {
      sql.append(
          " AND o.uid IN (SELECT a.uid FROM object_attributes a"
              + " WHERE a.name = ? AND a.text_value = ?)");
      args.add(m.name());
      args.add(m.text());
    }
    sql.append(" ORDER BY o.uid LIMIT ? OFFSET ?");
    return new LocateQuery(sql.toString(), args, criteria.limit(), criteria.offset());
  }

  private static void bindRow(PreparedStatement p, int first, StoredObject o) throws SQLException {
    p.setString(first, o.objectType());
    p.setString(first + 1, o.state());
    p.setString(first + 2, o.owner());
    setBytes(p, first + 3, o.keyBlock());
    p.setString(first + 4, o.wrappingKeyId());
    p.setString(first + 5, o.wrappingMechanism());
    p.setString(first + 6, o.algorithm());
    if (o.length() == null) {
      p.setNull(first + 7, Types.INTEGER);
    } else {
      p.setInt(first + 7, o.length());
    }
    p.setLong(first + 8, o.createdAt().toEpochMilli());
    p.setLong(first + 9, o.updatedAt().toEpochMilli());
  }

  private static void insertAttributes(Connection c, List<StoredObject> objects)
      throws SQLException {
    if (objects.stream().allMatch(o -> o.attributes().isEmpty())) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO object_attributes (uid, name, idx, text_value, blob_value)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (StoredObject o : objects) {
        for (ObjectAttribute a : o.attributes()) {
          p.setString(1, o.uid());
          p.setString(2, a.name());
          p.setInt(3, a.index());
          p.setString(4, a.text());
          setBytes(p, 5, a.bytes());
          p.addBatch();
        }
      }
      p.executeBatch();
    }
  }

  private static void setBytes(PreparedStatement p, int i, @Nullable Blob blob)
      throws SQLException {
    if (blob == null) {
      p.setNull(i, Types.BLOB);
    } else {
      byte[] bytes = blob.toByteArray();
      p.setBytes(i, bytes);
    }
  }

  private static @Nullable Blob blob(byte @Nullable [] bytes) {
    return bytes == null ? null : Blob.copyOf(bytes);
  }
}

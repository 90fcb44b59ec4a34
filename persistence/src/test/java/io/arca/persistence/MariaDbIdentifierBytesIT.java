package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identifiers compared byte for byte on a real MariaDB server ({@link TestMariaDb}), on a new
 * database and on one made by the schema before migration V003.
 */
class MariaDbIdentifierBytesIT extends IdentifierBytesContract {

  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_ident_it");
  }

  @Test
  void noTextColumnPadsWithSpaces() throws Exception {
    DatabaseConfig config = TestMariaDb.freshDatabase("arca_ident_cols");
    try (Database database = Database.open(config)) {
      assertThat(padSpaceColumns(database)).isEmpty();
    }
  }

  @Test
  void migrationV003MakesAnExistingDatabaseCompareExactlyAndKeepsItsRows() throws Exception {
    DatabaseConfig config = TestMariaDb.freshDatabase("arca_ident_v2");
    Migrations beforeV003 =
        new Migrations(
            SqlDialect.MARIADB.migrationDirectory(),
            List.of("V001__objects.sql", "V002__access_audit.sql"));
    try (Database v2 = Database.open(config, beforeV003)) {
      JdbcObjectRepository objects = new JdbcObjectRepository(v2);
      objects.insert(ObjectRepositoryContract.key("k1", "user2", "Active"));
      objects.close();
      new JdbcGrantRepository(v2).add(List.of(new StoredGrant("user2", "k1", "Get")));
      assertThat(padSpaceColumns(v2)).isNotEmpty();
    }

    try (Database v3 = Database.open(config)) {
      assertThat(padSpaceColumns(v3)).isEmpty();
      JdbcObjectRepository objects = new JdbcObjectRepository(v3);
      JdbcGrantRepository grants = new JdbcGrantRepository(v3);
      assertThat(objects.find("k1")).isPresent();
      assertThat(objects.find("k1 ")).isEmpty();
      assertThat(objects.locate(ObjectCriteria.all(10).withOwner("user2"))).containsExactly("k1");
      assertThat(objects.locate(ObjectCriteria.all(10).withOwner("user2 "))).isEmpty();
      assertThat(grants.grantsTo("user2")).containsExactly(new StoredGrant("user2", "k1", "Get"));
      assertThat(grants.grantsTo("user2 ")).isEmpty();
      // The foreign key survived: deleting the object takes its attributes with it.
      assertThat(objects.delete("k1")).isTrue();
      assertThat(rows(v3, "SELECT COUNT(*) FROM object_attributes")).isEqualTo(0);
      objects.close();
    }
  }

  /**
   * Columns of this database that compare text with a PAD SPACE collation, as table.column: every
   * MariaDB collation pads but the {@code _nopad_} ones (binary columns have none).
   */
  private static List<String> padSpaceColumns(Database database) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL"
                    + " AND COLLATION_NAME NOT LIKE '%nopad%'")) {
      while (r.next()) {
        found.add(r.getString(1) + "." + r.getString(2));
      }
    }
    return found;
  }

  private static long rows(Database database, String sql) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}

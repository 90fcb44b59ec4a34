package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration runner on its own: naming, splitting, ordering and failure. */
class MigrationsTest {
  @TempDir Path tmp;

  @Test
  void everyDialectHasEveryScript() {
    for (SqlDialect dialect : SqlDialect.values()) {
      for (String script : Migrations.SCRIPTS) {
        String path = dialect.migrationDirectory() + "/" + script;
        assertThat(getClass().getClassLoader().getResource(path)).as(path).isNotNull();
      }
    }
  }

  @Test
  void scriptsMustBeNumberedInSequence() {
    assertThatThrownBy(() -> new Migrations("x", List.of("V001__a.sql", "V003__c.sql")))
        .hasMessageContaining("V003__c.sql out of sequence");
    assertThatThrownBy(() -> new Migrations("x", List.of("001_a.sql")))
        .hasMessageContaining("expected: V<nnn>__<words>.sql");
  }

  @Test
  void statementsSplitAtLineEndSemicolonsAndSkipComments() {
    String script =
        "-- a comment; not a statement\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n"
            + "  VALUES (1);\nSELECT 'tail'";

    assertThat(Migrations.statements(script))
        .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a\n  VALUES (1)", "SELECT 'tail'");
  }

  @Test
  void laterScriptsRunInOrderAndOnlyOnce() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(tmp);
    Database.open(config).close();

    Migrations two =
        new Migrations(
            "db/test-migration",
            List.of(
                "V001__objects.sql",
                "V002__access_audit.sql",
                "V003__exact_identifiers.sql",
                "V004__audit_keys.sql",
                "V005__keks.sql",
                "V006__unique_names.sql",
                "V007__write_tokens.sql",
                "V008__audit_chains.sql",
                "V009__server_settings.sql",
                "V010__extra.sql"));
    try (Database db = Database.open(config, two)) {
      assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
    try (Database db = Database.open(config, two)) {
      assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
    assertThatThrownBy(() -> Database.open(config)).isInstanceOf(SchemaTooNewException.class);
  }

  @Test
  void failingScriptLeavesSQLiteAtThePreviousVersion() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(tmp);
    Database.open(config).close();

    Migrations broken =
        new Migrations(
            "db/test-migration",
            List.of(
                "V001__objects.sql",
                "V002__access_audit.sql",
                "V003__exact_identifiers.sql",
                "V004__audit_keys.sql",
                "V005__keks.sql",
                "V006__unique_names.sql",
                "V007__write_tokens.sql",
                "V008__audit_chains.sql",
                "V009__server_settings.sql",
                "V010__broken.sql"));
    assertThatThrownBy(() -> Database.open(config, broken))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("migrating");
    try (Database db = Database.open(config)) {
      assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
      try (Connection c = db.connection();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'")) {
        r.next();
        assertThat(r.getInt(1)).as("the first statement of the broken script was undone").isZero();
      }
    }
  }

  private static List<Integer> versions(Database db) throws Exception {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      List<Integer> out = new java.util.ArrayList<>();
      while (r.next()) {
        out.add(r.getInt(1));
      }
      return out;
    }
  }
}

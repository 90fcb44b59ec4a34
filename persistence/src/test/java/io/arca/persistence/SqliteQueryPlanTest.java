package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every filtered locate is answered from an index on SQLite, never by scanning a whole table. */
class SqliteQueryPlanTest {
  @TempDir Path tmp;

  @Test
  void filteredLocatesUseIndexes() throws Exception {
    ObjectCriteria all = ObjectCriteria.all(10);
    List<ObjectCriteria> filtered =
        List.of(
            all.withOwner("alice"),
            all.withType("SymmetricKey"),
            all.withState("Active"),
            all.withOwner("alice").withType("SymmetricKey").withState("Active"),
            all.withAttribute("Name", "n"),
            all.withAttribute("Name", "n").withAttribute("Name", "m"),
            all.withOwner("bob").withAttribute("Name", "n"));
    try (Database db = Database.open(DatabaseConfig.sqlite(tmp))) {
      for (ObjectCriteria criteria : filtered) {
        List<String> plan = plan(db, criteria);

        assertThat(plan).as(criteria + " uses an index").anyMatch(l -> l.contains("USING"));
        assertThat(plan)
            .as(criteria + " scans no table, not even through a whole index")
            .noneMatch(l -> l.matches("SCAN (o|a)\\b.*"));
      }
      assertThat(plan(db, all)).as("the check can fail: no filter scans").contains("SCAN o");
    }
  }

  private static List<String> plan(Database db, ObjectCriteria criteria) throws Exception {
    ObjectRows.LocateQuery query = ObjectRows.locateQuery(criteria);
    try (Connection c = db.connection();
        PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + query.sql())) {
      query.bind(p);
      List<String> lines = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          lines.add(r.getString("detail"));
        }
      }
      return lines;
    }
  }
}

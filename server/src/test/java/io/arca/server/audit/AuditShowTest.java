package io.arca.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.persistence.AuditEntry;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcAuditRepository.Selection;
import io.arca.server.config.AuditCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code audit show}: which records each selection prints, and the two forms they take. */
class AuditShowTest {
  private static final long T0 = Instant.parse("2026-12-05T10:00:00Z").toEpochMilli();

  @TempDir Path dir;
  private DatabaseConfig config;

  @BeforeEach
  void fourRecords() {
    config = DatabaseConfig.sqlite(dir);
    try (Database database = Database.open(config)) {
      new JdbcAuditRepository(database)
          .append(
              List.of(
                  entry(T0, "alice", "Create", "k-1", "Success", null),
                  entry(T0 + 60_000, "bob", "Get", "k-1", "Operation Failed", "Permission Denied"),
                  entry(T0 + 120_000, "alice", "Encrypt", "k-10 k-2", "Success", null),
                  entry(T0 + 180_000, "alice", "Query", "", "Success", null)));
    }
  }

  private static AuditEntry entry(
      long at, String user, String operation, String ids, String status, @Nullable String reason) {
    return new AuditEntry(at, user, "192.0.2.7:40000", operation, ids, status, reason);
  }

  private List<String> show(Selection selection, @Nullable String object, boolean json) {
    StringWriter text = new StringWriter();
    AuditShow.print(config, selection, object, json, new PrintWriter(text));
    return text.toString().lines().toList();
  }

  @Test
  void eachCriterionNarrowsTheRecords() {
    assertThat(show(Selection.ALL, null, false)).hasSize(4);
    assertThat(show(new Selection(null, null, "alice"), null, false))
        .extracting(line -> line.split("  ", -1)[3])
        .containsExactly("Create", "Encrypt", "Query");
    assertThat(show(new Selection(T0 + 60_000, T0 + 180_000, null), null, false))
        .extracting(line -> line.split("  ", -1)[1])
        .containsExactly("#2", "#3");
    assertThat(show(Selection.ALL, "k-1", false)) // a whole identifier, not a prefix of k-10
        .extracting(line -> line.split("  ", -1)[1])
        .containsExactly("#1", "#2");
  }

  @Test
  void textIsForPeopleAndJsonLinesForTools() {
    List<String> text = show(Selection.ALL, null, false);
    assertThat(text.get(1))
        .isEqualTo(
            "2026-12-05T10:01:00Z  #2  bob  Get  Operation Failed (Permission Denied)  k-1  from"
                + " 192.0.2.7:40000");

    List<String> json = show(Selection.ALL, null, true);
    assertThat(json.get(2))
        .startsWith(
            "{\"chain\":\"legacy\",\"seq\":3,\"time\":\"2026-12-05T10:02:00Z\",\"user\":\"alice\","
                + "\"client\":\"192.0.2.7:40000\",\"operation\":\"Encrypt\",\"status\":\"Success\","
                + "\"uniqueIds\":[\"k-10\",\"k-2\"],\"hash\":\"")
        .endsWith("\"}");
    assertThat(json.get(3)).contains("\"uniqueIds\":[]");
  }

  @Test
  void jsonEscapesWhatAUserNameMayHold() {
    AuditEntry odd = entry(T0, "a\"b\\c\u0001", "Get", "x", "Success", null);
    String line =
        AuditShow.json(new io.arca.persistence.AuditRecord(1, odd, "0".repeat(64), "f".repeat(64)));
    assertThat(line).contains("\"user\":\"a\\\"b\\\\c\\u0001\"");
  }

  @Test
  void timesAreInstantsDatesOrHowLongAgo() throws Exception {
    Instant now = Instant.parse("2026-12-05T12:00:00Z");
    AuditCommand.Show show = new AuditCommand.Show();
    new CommandLine(show).parseArgs("--since", "PT2H", "--until", "2026-12-06", "--user", "bob");
    assertThat(show.selection(now))
        .isEqualTo(
            new Selection(
                Instant.parse("2026-12-05T10:00:00Z").toEpochMilli(),
                Instant.parse("2026-12-06T00:00:00Z").toEpochMilli(),
                "bob"));
    new CommandLine(show).parseArgs("--since", "yesterday");
    assertThatThrownBy(() -> show.selection(now)).hasMessageContaining("not a time");
  }
}

package io.arca.persistence;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The private MariaDB server that {@code scripts/mariadb-test-server} runs for the build, for any
 * module's tests: its URL comes from {@code ARCA_TEST_MARIADB_URL} (system property or environment)
 * or from the file the build names in {@code ARCA_TEST_MARIADB_URL_FILE}. Without a server the
 * tests fail under CI and are skipped elsewhere.
 */
public final class TestMariaDb {
  private static final Pattern SERVER = Pattern.compile("jdbc:mariadb://([^:/]+):(\\d+)/?");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** The server's only user in tests: root without a password (grant checks are off). */
  public static final String USER = "root";

  private TestMariaDb() {}

  /** The server's URL, e.g. {@code jdbc:mariadb://127.0.0.1:3307/}, or null if none is running. */
  public static @Nullable String serverUrl() {
    String url = System.getProperty("ARCA_TEST_MARIADB_URL");
    if (url == null || url.isBlank()) {
      url = System.getenv("ARCA_TEST_MARIADB_URL");
    }
    String file = System.getProperty("ARCA_TEST_MARIADB_URL_FILE");
    if ((url == null || url.isBlank()) && file != null && Files.isRegularFile(Path.of(file))) {
      try {
        url = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return url == null || url.isBlank() ? null : url;
  }

  /** Fails under CI, and aborts (skips) the test elsewhere, when no server is running. */
  public static void requireServer() {
    if (serverUrl() == null) {
      String why =
          "ARCA_TEST_MARIADB_URL is not set: start scripts/mariadb-test-server or run ./mvnw verify";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why + "; skipping the MariaDB tests outside CI");
    }
  }

  /** A new, empty database on the server, named after {@code prefix}, this JVM and a counter. */
  public static DatabaseConfig freshDatabase(String prefix) throws Exception {
    Matcher m = server();
    String base = "jdbc:mariadb://" + m.group(1) + ":" + m.group(2) + "/";
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(base, USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return DatabaseConfig.mariadb(base + name, USER, null);
  }

  /** {@code mariadb-dump} of the database {@code config} points at. */
  public static byte[] dump(DatabaseConfig config) throws Exception {
    Matcher m = server();
    String name = config.jdbcUrl().substring(config.jdbcUrl().lastIndexOf('/') + 1);
    return DatabaseDumps.mariadb(m.group(1), Integer.parseInt(m.group(2)), USER, name);
  }

  private static Matcher server() {
    String url = serverUrl();
    Matcher m = SERVER.matcher(url == null ? "" : url);
    if (!m.matches()) {
      fail("ARCA_TEST_MARIADB_URL: " + url + " (expected: jdbc:mariadb://<host>:<port>/)");
    }
    return m;
  }
}

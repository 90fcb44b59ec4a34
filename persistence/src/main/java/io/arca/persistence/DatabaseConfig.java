package io.arca.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is and how big its pool may be; {@code toString()} hides the password.
 *
 * @param maxConnections the pool's bound; SQLite has one writer, so more connections only help
 *     readers
 * @param connectTimeout how long a caller waits for a pooled connection before failing
 */
public record DatabaseConfig(
    SqlDialect dialect,
    String jdbcUrl,
    @Nullable String user,
    @Nullable String password,
    int maxConnections,
    Duration connectTimeout) {

  public DatabaseConfig {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: " + maxConnections + " (expected: >= 1)");
    }
  }

  /** The embedded database: {@code <dataDir>/arca.db}. */
  public static DatabaseConfig sqlite(Path dataDir) {
    return new DatabaseConfig(
        SqlDialect.SQLITE,
        "jdbc:sqlite:" + dataDir.resolve("arca.db").toAbsolutePath(),
        null,
        null,
        4,
        Duration.ofSeconds(10));
  }

  /** A MariaDB server, e.g. {@code jdbc:mariadb://127.0.0.1:3306/arca}. */
  public static DatabaseConfig mariadb(String jdbcUrl, String user, @Nullable String password) {
    return new DatabaseConfig(
        SqlDialect.MARIADB, jdbcUrl, user, password, 16, Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "DatabaseConfig[dialect="
        + dialect
        + ", jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", maxConnections="
        + maxConnections
        + "]";
  }
}

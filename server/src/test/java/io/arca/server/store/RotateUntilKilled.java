package io.arca.server.store;

import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.SqlDialect;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A child process for the rotation crash test: rotates the database's KEK to a new local KEK in
 * small batches, printing {@code moved <done> <total>} after each committed batch and pausing a
 * little, until it is killed. Arguments: the data directory, the dialect and the JDBC URL.
 */
final class RotateUntilKilled {
  private RotateUntilKilled() {}

  public static void main(String[] args) throws Exception {
    DatabaseConfig config =
        new DatabaseConfig(
            SqlDialect.valueOf(args[1]), args[2], "root", null, 4, Duration.ofSeconds(10));
    Path dataDir = Path.of(args[0]);
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    try (Database database = Database.open(config)) {
      JdbcKekRepository keks = new JdbcKekRepository(database);
      JdbcAuditRepository audit = new JdbcAuditRepository(database);
      KekSource source = new KekSource(dataDir, null, new SecureRandom());
      KekRing ring = KekStartup.open(keks, audit, source, null, Duration.ofMillis(100));
      new KekRotation(keks, audit, ring, source, 10)
          .rotateTo(
              "local",
              (target, done, total) -> {
                out.println("moved " + done + " " + total);
                try {
                  Thread.sleep(25);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      out.println("finished");
    }
  }
}

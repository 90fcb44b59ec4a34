package io.arca.server.store;

import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.SqlDialect;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * A child process for the crash test: creates keys from four threads until it is killed, printing
 * each uid on stdout only after the store acknowledged it. Arguments: the KEK file, the dialect
 * ({@code SQLITE} or {@code MARIADB}) and the JDBC URL.
 */
final class CreateUntilKilled {
  private CreateUntilKilled() {}

  public static void main(String[] args) throws Exception {
    DatabaseConfig config =
        new DatabaseConfig(
            SqlDialect.valueOf(args[1]), args[2], "root", null, 8, Duration.ofSeconds(10));
    Database database = Database.open(config);
    DatabaseStore store =
        new DatabaseStore(
            new JdbcObjectRepository(database),
            LocalKek.openOrCreate(Path.of(args[0]), new SecureRandom()),
            KeyCacheSettings.DEFAULTS);
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    for (int t = 0; t < 4; t++) {
      String prefix = "crash-" + t + "-";
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  String uid = prefix + i;
                  store.create(
                      TestObjects.aesDraft(uid, null),
                      TestObjects.aesKey(TestObjects.keyBytes(uid)));
                  synchronized (out) {
                    out.println(uid);
                  }
                }
              });
      writer.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}

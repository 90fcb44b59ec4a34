package io.arca.server.audit;

import io.arca.persistence.AuditChain;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** What {@code arca-server audit verify} does: checks the chain in the database and the file. */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Checks the database's chain, then the file's when given, and reports on {@code out}.
   *
   * @return whether every chain checked is intact
   */
  public static boolean verify(DatabaseConfig database, @Nullable Path file, PrintWriter out)
      throws IOException {
    boolean intact;
    try (Database db = Database.open(database)) {
      intact = report("database", AuditChain.verify(new JdbcAuditRepository(db).all()), out);
    }
    if (file != null) {
      intact &= report(file.toString(), verifyFile(file), out);
    }
    return intact;
  }

  /** Checks the chain written in an audit file. */
  public static AuditChain.Result verifyFile(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return AuditChain.verify(lines(reader));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean report(String where, AuditChain.Result result, PrintWriter out) {
    if (result.intact()) {
      out.println(where + ": " + result.records() + " audit records, chain intact");
    } else {
      out.println(
          where
              + ": chain broken at record "
              + result.firstBroken()
              + ": "
              + result.why()
              + " ("
              + result.records()
              + " records read)");
    }
    return result.intact();
  }

  private static Iterator<AuditRecord> lines(BufferedReader reader) {
    return new Iterator<>() {
      private @Nullable String next = read();

      private @Nullable String read() {
        try {
          String line;
          do {
            line = reader.readLine();
          } while (line != null && line.isBlank());
          return line;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public AuditRecord next() {
        String line = next;
        if (line == null) {
          throw new NoSuchElementException();
        }
        next = read();
        return AuditRecord.parseFileLine(line);
      }
    };
  }
}

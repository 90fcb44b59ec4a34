package io.arca.server.audit;

import io.arca.persistence.AuditChain;
import io.arca.persistence.AuditCheckpoint;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.server.store.KeyWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code arca-server audit verify} does: checks the keyed chain in the database, the audit
 * file's chain, that the file and the database hold the same records, and that every signed
 * checkpoint (in the database and in the file beside the audit file) is signed by the checkpoint
 * key and names a record the chain still holds with the same hash, so that a tail cut back behind a
 * checkpoint, or a record edited and re-chained, is found.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /**
   * Checks everything and reports on {@code out}.
   *
   * @param kek the server KEK, which unwraps the chain key
   * @param file the audit file, or null
   * @return whether everything checked holds
   */
  public static boolean verify(
      DatabaseConfig database, KeyWrapper kek, @Nullable Path file, PrintWriter out)
      throws IOException {
    try (Database db = Database.open(database)) {
      JdbcAuditRepository repository = new JdbcAuditRepository(db);
      Optional<AuditKeys> keys = AuditKeys.open(repository, kek);
      AuditChain.Keying keying = keys.map(AuditKeys::keying).orElse(null);
      if (keying == null) {
        out.println("database: the chain is not keyed (no chain key stored)");
      }
      Map<Long, String> hashes = new HashMap<>();
      long[] last = {0};
      Iterator<AuditRecord> records = repository.all();
      Iterator<AuditRecord> remembering =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return records.hasNext();
            }

            @Override
            public AuditRecord next() {
              AuditRecord record = records.next();
              hashes.put(record.seq(), record.hash());
              last[0] = record.seq();
              return record;
            }
          };
      boolean intact = report("database", AuditChain.verify(remembering, keying), out);
      if (file != null) {
        intact &= report(file.toString(), verifyFile(file, keying), out);
        intact &= sameRecords(file, hashes, out);
      }
      intact &= checkpoints(repository, keys, file, hashes, last[0], out);
      return intact;
    }
  }

  /** Checks the chain written in an audit file (unkeyed records only). */
  public static AuditChain.Result verifyFile(Path file) throws IOException {
    return verifyFile(file, null);
  }

  /**
   * Checks the chain written in an audit file, keyed as {@code keying} says, from its first record
   * (a server's file starts where it first wrote; compare it with the database for the rest).
   */
  public static AuditChain.Result verifyFile(Path file, AuditChain.@Nullable Keying keying)
      throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return AuditChain.verifyPart(lines(reader), keying);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Each record of the file must be in the database, with the same hash. */
  private static boolean sameRecords(Path file, Map<Long, String> database, PrintWriter out)
      throws IOException {
    long count = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Iterator<AuditRecord> it = lines(reader); it.hasNext(); ) {
        AuditRecord record = it.next();
        count++;
        String hash = database.get(record.seq());
        if (!record.hash().equals(hash)) {
          out.println(
              file
                  + " and the database disagree at record "
                  + record.seq()
                  + (hash == null
                      ? ": the database does not hold it (removed)"
                      : ": different hashes (one of them was rewritten)"));
          return false;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.println(file + " and the database agree on the file's " + count + " records");
    return true;
  }

  private static boolean checkpoints(
      JdbcAuditRepository repository,
      Optional<AuditKeys> keys,
      @Nullable Path file,
      Map<Long, String> hashes,
      long lastSeq,
      PrintWriter out)
      throws IOException {
    List<AuditCheckpoint> all = new ArrayList<>(repository.checkpoints());
    List<AuditCheckpoint> stored = List.copyOf(all);
    Path beside = file == null ? null : AuditWriter.checkpointsBeside(file);
    if (beside != null && Files.isRegularFile(beside)) {
      for (String line : Files.readAllLines(beside, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.parseLine(line);
        if (!stored.contains(checkpoint)) {
          out.println(
              beside + ": checkpoint of record " + checkpoint.seq() + " is not in the database");
          all.add(checkpoint);
        }
      }
    }
    Optional<PublicKey> publicKey =
        keys.map(AuditKeys::publicKey)
            .or(() -> repository.key(StoredAuditKey.CHECKPOINT).flatMap(AuditKeys::publicKey));
    if (all.isEmpty()) {
      out.println("no signed checkpoints yet");
      return true;
    }
    if (publicKey.isEmpty()) {
      out.println("checkpoints exist but the checkpoint key is missing from the database");
      return false;
    }
    boolean intact = all.size() == stored.size();
    for (AuditCheckpoint checkpoint : all) {
      if (!AuditKeys.signatureHolds(checkpoint, publicKey.get())) {
        out.println("checkpoint of record " + checkpoint.seq() + ": the signature does not hold");
        intact = false;
      } else if (checkpoint.seq() > lastSeq) {
        out.println(
            "checkpoint of record "
                + checkpoint.seq()
                + ": the chain ends at record "
                + lastSeq
                + " (its tail was cut off)");
        intact = false;
      } else if (!checkpoint.headHash().equals(hashes.get(checkpoint.seq()))) {
        out.println(
            "checkpoint of record "
                + checkpoint.seq()
                + ": the chain holds a different record there (rewritten)");
        intact = false;
      }
    }
    if (intact) {
      out.println(all.size() + " signed checkpoints hold, the last at record " + last(all));
    }
    return intact;
  }

  private static long last(List<AuditCheckpoint> checkpoints) {
    return checkpoints.stream().mapToLong(AuditCheckpoint::seq).max().orElse(0);
  }

  /** {@code audit checkpoints}: the public key (PEM) and every stored checkpoint, one a line. */
  public static void printCheckpoints(DatabaseConfig database, PrintWriter out) {
    try (Database db = Database.open(database)) {
      JdbcAuditRepository repository = new JdbcAuditRepository(db);
      Optional<PublicKey> publicKey =
          repository.key(StoredAuditKey.CHECKPOINT).flatMap(AuditKeys::publicKey);
      if (publicKey.isPresent()) {
        out.println("-----BEGIN PUBLIC KEY-----");
        out.println(
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.get().getEncoded()));
        out.println("-----END PUBLIC KEY-----");
      }
      for (AuditCheckpoint checkpoint : repository.checkpoints()) {
        out.println(checkpoint.line());
      }
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

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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What {@code arca-server audit verify} does: checks every audit chain in the database (one per
 * node, and the legacy chain), each keyed as its keys say; the audit file's chains, and that the
 * file and the database hold the same records; and that every signed checkpoint (in the database
 * and in the file beside the audit file) is signed by the checkpoint key, names a record its chain
 * still holds with the same hash, and saw the other chains' heads as they still are. A tail cut
 * back behind a checkpoint, or a record edited and re-chained, is found and its chain named.
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
      if (keys.isEmpty()) {
        out.println("database: the chains are not keyed (no chain key stored)");
      }
      List<AuditCheckpoint> stored = repository.checkpoints();
      Set<String> chains = new TreeSet<>(repository.chains());
      stored.forEach(checkpoint -> chains.add(checkpoint.chain()));
      Map<String, Map<Long, String>> hashes = new HashMap<>();
      boolean intact = true;
      for (String chain : chains) {
        Map<Long, String> chainHashes = new HashMap<>();
        hashes.put(chain, chainHashes);
        Iterator<AuditRecord> records = repository.records(chain);
        Iterator<AuditRecord> remembering =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return records.hasNext();
              }

              @Override
              public AuditRecord next() {
                AuditRecord record = records.next();
                chainHashes.put(record.seq(), record.hash());
                return record;
              }
            };
        intact &=
            report(
                "database, chain " + chain,
                AuditChain.verify(remembering, keying(keys, chain)),
                out);
      }
      if (file != null) {
        for (String chain : fileChains(file)) {
          intact &=
              report(file + ", chain " + chain, verifyFile(file, chain, keying(keys, chain)), out);
        }
        intact &= sameRecords(file, hashes, out);
      }
      intact &= checkpoints(repository, stored, keys, file, hashes, out);
      return intact;
    }
  }

  private static AuditChain.@Nullable Keying keying(Optional<AuditKeys> keys, String chain) {
    return keys.map(k -> k.keying(chain)).orElse(null);
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

  /** The chains the audit file holds records of, in order of their names. */
  private static Set<String> fileChains(Path file) throws IOException {
    Set<String> chains = new TreeSet<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines(reader).forEachRemaining(record -> chains.add(record.chain()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return chains;
  }

  /** Checks chain {@code chain}'s records in an audit file, from the first the file holds. */
  private static AuditChain.Result verifyFile(
      Path file, String chain, AuditChain.@Nullable Keying keying) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Iterator<AuditRecord> all = lines(reader);
      Iterator<AuditRecord> ofChain =
          new Iterator<>() {
            private @Nullable AuditRecord next = advance();

            private @Nullable AuditRecord advance() {
              while (all.hasNext()) {
                AuditRecord record = all.next();
                if (record.chain().equals(chain)) {
                  return record;
                }
              }
              return null;
            }

            @Override
            public boolean hasNext() {
              return next != null;
            }

            @Override
            public AuditRecord next() {
              AuditRecord record = next;
              if (record == null) {
                throw new NoSuchElementException();
              }
              next = advance();
              return record;
            }
          };
      return AuditChain.verifyPart(ofChain, keying);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Each record of the file must be in the database, with the same hash. */
  private static boolean sameRecords(
      Path file, Map<String, Map<Long, String>> database, PrintWriter out) throws IOException {
    long count = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (Iterator<AuditRecord> it = lines(reader); it.hasNext(); ) {
        AuditRecord record = it.next();
        count++;
        String hash = database.getOrDefault(record.chain(), Map.of()).get(record.seq());
        if (!record.hash().equals(hash)) {
          out.println(
              file
                  + " and the database disagree at chain "
                  + record.chain()
                  + "'s record "
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
      List<AuditCheckpoint> stored,
      Optional<AuditKeys> keys,
      @Nullable Path file,
      Map<String, Map<Long, String>> hashes,
      PrintWriter out)
      throws IOException {
    List<AuditCheckpoint> all = new ArrayList<>(stored);
    Path beside = file == null ? null : AuditWriter.checkpointsBeside(file);
    if (beside != null && Files.isRegularFile(beside)) {
      for (String line : Files.readAllLines(beside, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.parseLine(line);
        if (!stored.contains(checkpoint)) {
          out.println(
              beside
                  + ": chain "
                  + checkpoint.chain()
                  + "'s checkpoint of record "
                  + checkpoint.seq()
                  + " is not in the database");
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
    Map<String, List<AuditCheckpoint>> byChain = new TreeMap<>();
    all.forEach(c -> byChain.computeIfAbsent(c.chain(), chain -> new ArrayList<>()).add(c));
    for (Map.Entry<String, List<AuditCheckpoint>> chain : byChain.entrySet()) {
      Map<Long, String> chainHashes = hashes.getOrDefault(chain.getKey(), Map.of());
      long lastSeq = chainHashes.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
      String prefix = "chain " + chain.getKey() + ": ";
      boolean chainIntact = true;
      for (AuditCheckpoint checkpoint : chain.getValue()) {
        Optional<String> fault = fault(checkpoint, publicKey.get(), lastSeq, chainHashes, hashes);
        if (fault.isPresent()) {
          out.println(prefix + "checkpoint of record " + checkpoint.seq() + ": " + fault.get());
          chainIntact = false;
        }
      }
      if (chainIntact) {
        out.println(
            prefix
                + chain.getValue().size()
                + " signed checkpoints hold, the last at record "
                + last(chain.getValue()));
      }
      intact &= chainIntact;
    }
    return intact;
  }

  /** What is wrong with a checkpoint, given what the chains hold now. */
  private static Optional<String> fault(
      AuditCheckpoint checkpoint,
      PublicKey publicKey,
      long lastSeq,
      Map<Long, String> chainHashes,
      Map<String, Map<Long, String>> hashes) {
    if (!AuditKeys.signatureHolds(checkpoint, publicKey)) {
      return Optional.of("the signature does not hold");
    }
    if (checkpoint.seq() > lastSeq) {
      return Optional.of("the chain ends at record " + lastSeq + " (its tail was cut off)");
    }
    if (!checkpoint.headHash().equals(chainHashes.get(checkpoint.seq()))) {
      return Optional.of("the chain holds a different record there (rewritten)");
    }
    List<AuditCheckpoint.Head> seen;
    try {
      seen = checkpoint.seenHeads();
    } catch (IllegalArgumentException e) {
      return Optional.of("its list of other chains' heads cannot be read");
    }
    for (AuditCheckpoint.Head head : seen) {
      if (!head.hash().equals(hashes.getOrDefault(head.chain(), Map.of()).get(head.seq()))) {
        return Optional.of(
            "it saw chain "
                + head.chain()
                + " at record "
                + head.seq()
                + ", which that chain no longer holds as it was (cut off or rewritten)");
      }
    }
    return Optional.empty();
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

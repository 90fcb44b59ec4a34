package io.arca.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import io.arca.hsm.HsmModule;
import io.arca.kmip.KmipException;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Blob;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseDump;
import io.arca.persistence.StoredKek;
import io.arca.server.audit.AuditWriter;
import io.arca.server.config.PrivateFiles;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.KekCheck;
import io.arca.server.store.KekSource;
import io.arca.server.store.KeyWrapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca-server [flags] backup --to DIR} and {@code restore --from DIR}: the database the
 * flags name, copied out as one snapshot ({@link DatabaseDump}) and loaded into an empty one.
 *
 * <p>A backup holds rows as the database holds them, so key material stays wrapped by the KEKs; the
 * KEKs are never in it, only their check values (the {@code keks} rows) and their identifiers in
 * the manifest. A restore therefore opens the KEKs of its own data directory (or HSM) first and
 * refuses, before it writes anything, unless each KEK the backup needs opens and matches its check
 * value: a restore that succeeds is one whose every object can be read.
 *
 * <p>The audit chain is rows too, and the audit file (with its checkpoints) is cut at the last
 * record of the snapshot, so that {@code audit verify} finds file and database in agreement after a
 * restore. Records a server had journaled but not yet appended at that instant are not in the
 * backup, as the operations they record may not be either.
 */
final class BackupTool {
  static final String MANIFEST = "backup.properties";
  static final String FORMAT = "arca-backup-1";
  static final String AUDIT_FILE = "audit.log";

  /** A backup or restore that was refused, with what to do about it. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private BackupTool() {}

  /** Writes the backup; returns the exit status. */
  static int backup(ServerConfig config, Path to, PrintWriter out)
      throws IOException, SQLException, Refused {
    if (Files.exists(to)) {
      try (var entries = Files.list(to)) {
        if (entries.findAny().isPresent()) {
          throw new Refused(to + " is not empty: a backup goes into a new or empty directory");
        }
      }
    }
    PrivateFiles.directory(to);
    for (String table : DatabaseDump.TABLES) {
      PrivateFiles.file(DatabaseDump.fileOf(to, table)); // mode 0600 before a row is written
    }
    Map<String, Long> lastSeqs = new ConcurrentSkipListMap<>();
    List<DatabaseDump.Table> tables;
    Properties manifest = new Properties();
    try (Database database = Database.open(ServerStores.databaseConfig(config))) {
      tables =
          DatabaseDump.write(database, to, (chain, seq) -> lastSeqs.merge(chain, seq, Math::max));
      manifest.setProperty("database", database.dialect().name().toLowerCase(Locale.ROOT));
      manifest.setProperty("schema", Integer.toString(DatabaseDump.schemaVersion(database)));
    }
    for (DatabaseDump.Table table : tables) {
      manifest.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
      manifest.setProperty("table." + table.name() + ".sha256", table.sha256());
    }
    List<StoredKek> keks = keks(to);
    for (int i = 0; i < keks.size(); i++) {
      manifest.setProperty("kek." + i + ".id", keks.get(i).kekId());
      manifest.setProperty("kek." + i + ".check", KekCheck.fingerprint(keks.get(i).checkValue()));
      manifest.setProperty("kek." + i + ".state", keks.get(i).current() ? "current" : "previous");
    }
    Path auditFile = config.access().auditFile();
    if (auditFile != null && Files.isRegularFile(auditFile)) {
      long lines = copyUpTo(auditFile, PrivateFiles.file(to.resolve(AUDIT_FILE)), lastSeqs);
      manifest.setProperty("audit-file.records", Long.toString(lines));
      Path checkpoints = AuditWriter.checkpointsBeside(auditFile);
      if (Files.isRegularFile(checkpoints)) {
        copyUpTo(
            checkpoints,
            PrivateFiles.file(AuditWriter.checkpointsBeside(to.resolve(AUDIT_FILE))),
            lastSeqs);
      }
    }
    manifest.setProperty("format", FORMAT);
    manifest.setProperty("made-at", Instant.now().toString());
    manifest.setProperty("made-by", InetAddress.getLocalHost().getHostName());
    manifest.setProperty("audit.last-seq", auditHeads(lastSeqs));
    // Written last, so a directory with a manifest holds a whole backup.
    try (OutputStream file = Files.newOutputStream(PrivateFiles.file(to.resolve(MANIFEST)))) {
      manifest.store(file, "arca-server backup; the KEKs it needs are not in it");
    }
    long rows = tables.stream().mapToLong(DatabaseDump.Table::rows).sum();
    out.println(
        "backup: "
            + rows
            + " rows ("
            + manifest.getProperty("table.objects.rows")
            + " objects, audit chains up to "
            + auditHeads(lastSeqs)
            + ") in "
            + to
            + "; it needs KEK "
            + String.join(", ", keks.stream().filter(StoredKek::inUse).map(k -> k.kekId()).toList())
            + ", which is not in it");
    return 0;
  }

  /** Loads the backup; returns the exit status. */
  static int restore(ServerConfig config, Path from, PrintWriter out)
      throws IOException, SQLException, Refused {
    Properties manifest = new Properties();
    try (InputStream file = Files.newInputStream(from.resolve(MANIFEST))) {
      manifest.load(file);
    } catch (NoSuchFileException e) {
      throw new Refused(from + " holds no " + MANIFEST + ": not a whole backup");
    }
    if (!FORMAT.equals(manifest.getProperty("format"))) {
      throw new Refused(
          "a backup of format " + manifest.getProperty("format") + " (this Arca reads " + FORMAT);
    }
    List<DatabaseDump.Table> tables = new ArrayList<>();
    for (String table : DatabaseDump.TABLES) {
      String sha256 = manifest.getProperty("table." + table + ".sha256");
      if (sha256 != null) {
        tables.add(
            new DatabaseDump.Table(
                table, Long.parseLong(manifest.getProperty("table." + table + ".rows")), sha256));
      }
    }
    String damaged = DatabaseDump.firstDamaged(from, tables);
    if (damaged != null) {
      throw new Refused(
          DatabaseDump.fileOf(from, damaged) + " does not match its digest: the backup is damaged");
    }
    Path auditFile = config.access().auditFile();
    boolean copyAudit = auditFile != null && Files.isRegularFile(from.resolve(AUDIT_FILE));
    checkKeks(config, keks(from));
    long rows;
    try (Database database = Database.open(ServerStores.databaseConfig(config))) {
      int schema = Integer.parseInt(manifest.getProperty("schema", "0"));
      if (schema > DatabaseDump.schemaVersion(database)) {
        throw new Refused(
            "the backup is of schema "
                + schema
                + ", newer than this Arca's "
                + DatabaseDump.schemaVersion(database)
                + ": restore it with the version that made it");
      }
      Map<String, Long> held = DatabaseDump.rowsHeld(database);
      if (!held.isEmpty()) {
        throw new Refused(
            "the database is not empty ("
                + held
                + "): a restore goes into an empty database, so nothing in it is lost");
      }
      if (copyAudit && Files.exists(auditFile) && Files.size(auditFile) > 0) {
        throw new Refused(
            "the audit file "
                + auditFile
                + " is not empty: move it away first, so the restored"
                + " chain is not mixed with another");
      }
      rows = DatabaseDump.load(database, from);
    }
    if (copyAudit) {
      Path target = Objects.requireNonNull(auditFile);
      Files.copy(from.resolve(AUDIT_FILE), PrivateFiles.file(target), REPLACE_EXISTING);
      Path checkpoints = AuditWriter.checkpointsBeside(from.resolve(AUDIT_FILE));
      if (Files.isRegularFile(checkpoints)) {
        Files.copy(
            checkpoints,
            PrivateFiles.file(AuditWriter.checkpointsBeside(target)),
            REPLACE_EXISTING);
      }
    }
    out.println(
        "restore: "
            + rows
            + " rows from "
            + from
            + " (made "
            + manifest.getProperty("made-at")
            + " on "
            + manifest.getProperty("made-by")
            + "), audit chains up to "
            + manifest.getProperty("audit.last-seq")
            + (copyAudit ? ", and the audit file " + auditFile : "")
            + "; check it with 'arca-server audit verify'");
    return 0;
  }

  /** The KEKs the backup records, from its {@code keks} rows. */
  private static List<StoredKek> keks(Path directory) throws IOException {
    List<StoredKek> keks = new ArrayList<>();
    for (Map<String, @Nullable Object> row : DatabaseDump.read(directory, "keks")) {
      keks.add(
          new StoredKek(
              (String) Objects.requireNonNull(row.get("kek_id")),
              Blob.copyOf((byte[]) Objects.requireNonNull(row.get("check_value"))),
              (String) Objects.requireNonNull(row.get("check_mechanism")),
              (String) Objects.requireNonNull(row.get("made_by")),
              (Long) Objects.requireNonNull(row.get("created_at")),
              ((Long) Objects.requireNonNull(row.get("is_current"))) != 0,
              (Long) row.get("retired_at")));
    }
    return keks;
  }

  /**
   * Opens each KEK the backup still needs from this server's data directory or HSM, and checks it
   * against the check value the backup recorded.
   */
  private static void checkKeks(ServerConfig config, List<StoredKek> keks)
      throws IOException, Refused {
    if (keks.stream().noneMatch(StoredKek::inUse)) {
      throw new Refused("the backup records no KEK: it is not of a database a server has used");
    }
    @Nullable HsmModule hsm = ServerStores.openHsmFor(config);
    try {
      KekSource source = new KekSource(config.dataDir(), hsm, new SecureRandom());
      for (StoredKek stored : keks) {
        if (!stored.inUse()) {
          continue;
        }
        KeyWrapper kek;
        try {
          kek = source.open(stored.kekId());
        } catch (NoSuchFileException e) {
          throw new Refused(
              "the backup needs local KEK "
                  + stored.kekId()
                  + ", and "
                  + source.fileOf(stored.kekId())
                  + " does not exist: copy that file from where it is kept (it is never in a"
                  + " backup)");
        } catch (KmipException e) {
          throw new Refused(
              "the backup needs HSM KEK "
                  + stored.kekId()
                  + ", which does not open: "
                  + e.getMessage());
        }
        if (!KekCheck.matches(kek, stored)) {
          throw new Refused(
              "KEK "
                  + stored.kekId()
                  + " here is not the key the backup's check value was made with (check value "
                  + KekCheck.fingerprint(stored.checkValue())
                  + "): its objects would not open; use the KEK of the server that made it");
        }
      }
    } finally {
      if (hsm != null) {
        hsm.close();
      }
    }
  }

  /** Each audit chain's last record in the backup, {@code chain@seq} separated by spaces. */
  private static String auditHeads(Map<String, Long> lastSeqs) {
    StringBuilder heads = new StringBuilder();
    lastSeqs.forEach(
        (chain, seq) -> heads.append(heads.length() == 0 ? "" : " ").append(chain + "@" + seq));
    return heads.toString();
  }

  /**
   * Copies the lines of an audit or checkpoints file whose record is in the backup: its seq (the
   * first field, or the second after its chain's name; a line without a chain is the legacy
   * chain's) at most its chain's last seq in {@code lastSeqs}; returns how many.
   */
  private static long copyUpTo(Path from, Path to, Map<String, Long> lastSeqs) throws IOException {
    long copied = 0;
    try (BufferedReader in = Files.newBufferedReader(from, UTF_8);
        BufferedWriter w = Files.newBufferedWriter(to, UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.strip().split("\\|", 3);
        String chain = AuditRecord.LEGACY;
        long seq;
        try {
          seq = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
          chain = fields[0];
          try {
            seq = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
          } catch (NumberFormatException notARecord) {
            continue;
          }
        }
        if (seq >= 0 && seq <= lastSeqs.getOrDefault(chain, 0L)) {
          w.write(line);
          w.write('\n');
          copied++;
        }
      }
    }
    return copied;
  }
}

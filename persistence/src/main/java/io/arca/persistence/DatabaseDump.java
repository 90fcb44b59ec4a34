package io.arca.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Every row of a database, written to files that do not depend on the database kind, and loaded
 * back into an empty one: a SQLite database restores into MariaDB and back. The rows are what the
 * database holds, so key material stays wrapped exactly as it is stored; the KEK is not a row.
 *
 * <p>One file a table, {@code TABLE.rows}: a header line of column names, then a row a line, cells
 * separated by tabs, each cell {@code -} (SQL NULL), {@code i:} and a decimal integer, {@code t:}
 * and the Base64 of UTF-8 text, or {@code b:} and the Base64 of bytes. Base64 keeps tabs, line
 * breaks and binary out of the layout without any escaping rule to get wrong.
 */
public final class DatabaseDump {
  /** Parents before children: the order a load inserts in (foreign keys hold all along). */
  /**
   * The server settings (Set Defaults, Set Constraints): every database has its rows from the
   * migration on, so a database counts as empty while they are unchanged (version 0), and a load
   * replaces them.
   */
  private static final String SETTINGS = "server_settings";

  public static final List<String> TABLES =
      List.of(
          "keks",
          "objects",
          "object_attributes",
          "object_names",
          "access_grants",
          "audit_keys",
          "audit_log",
          "audit_checkpoints",
          "audit_journals",
          SETTINGS);

  /** Rows sent to the database in one batch while loading. */
  private static final int BATCH = 500;

  /**
   * What was written for one table.
   *
   * @param sha256 the hex SHA-256 of the table's file, which a load checks first
   */
  public record Table(String name, long rows, String sha256) {}

  private DatabaseDump() {}

  /** The file a table's rows are in. */
  public static Path fileOf(Path directory, String table) {
    return directory.resolve(table + ".rows");
  }

  /**
   * Writes every table of {@code TABLES} to {@code directory} as one consistent snapshot: on
   * MariaDB one REPEATABLE READ transaction with a consistent snapshot, on SQLite one read
   * transaction (WAL readers keep the snapshot of their first read while servers write).
   *
   * @param rowsSeen called with each row of {@code audit_log}'s {@code chain} and {@code seq}, so
   *     that the caller can cut files kept beside the database at the same point
   */
  public static List<Table> write(
      Database database, Path directory, BiConsumer<String, Long> rowsSeen)
      throws SQLException, IOException {
    try (Connection c = database.connection()) {
      int isolation = c.getTransactionIsolation();
      try (Statement s = c.createStatement()) {
        if (database.dialect() == SqlDialect.MARIADB) {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        } else {
          c.setAutoCommit(true);
          s.execute("BEGIN DEFERRED");
        }
      }
      try {
        List<Table> tables = new ArrayList<>();
        for (String table : TABLES) {
          tables.add(writeTable(c, table, fileOf(directory, table), rowsSeen));
        }
        return tables;
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute(database.dialect() == SqlDialect.MARIADB ? "ROLLBACK" : "COMMIT");
        }
        c.setTransactionIsolation(isolation);
      }
    }
  }

  private static Table writeTable(
      Connection c, String table, Path file, BiConsumer<String, Long> rowsSeen)
      throws SQLException, IOException {
    MessageDigest sha256 = sha256();
    long rows;
    try (Statement s = c.createStatement()) {
      s.setFetchSize(BATCH); // streamed: a table need not fit in memory
      try (ResultSet r = s.executeQuery("SELECT * FROM " + table);
          OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256);
          BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, UTF_8))) {
        rows = writeRows(r, table, w, rowsSeen);
      }
    }
    return new Table(table, rows, HexFormat.of().formatHex(sha256.digest()));
  }

  private static long writeRows(
      ResultSet r, String table, BufferedWriter w, BiConsumer<String, Long> rowsSeen)
      throws SQLException, IOException {
    long rows = 0;
    ResultSetMetaData meta = r.getMetaData();
    int columns = meta.getColumnCount();
    List<String> names = new ArrayList<>(columns);
    for (int i = 1; i <= columns; i++) {
      names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    w.write(String.join("\t", names));
    w.write('\n');
    int seqColumn = table.equals("audit_log") ? names.indexOf("seq") + 1 : 0;
    int chainColumn = names.indexOf("chain") + 1;
    while (r.next()) {
      for (int i = 1; i <= columns; i++) {
        if (i > 1) {
          w.write('\t');
        }
        w.write(cell(r.getObject(i)));
      }
      w.write('\n');
      rows++;
      if (seqColumn > 0) {
        rowsSeen.accept(r.getString(chainColumn), r.getLong(seqColumn));
      }
    }
    return rows;
  }

  private static String cell(@Nullable Object value) throws SQLException {
    if (value == null) {
      return "-";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return "i:" + value;
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      return "i:" + new BigDecimal(value.toString()).toBigIntegerExact();
    }
    if (value instanceof Boolean b) {
      return b ? "i:1" : "i:0";
    }
    Base64.Encoder base64 = Base64.getEncoder();
    if (value instanceof byte[] bytes) {
      return "b:" + base64.encodeToString(bytes);
    }
    if (value instanceof java.sql.Blob blob) {
      return "b:" + base64.encodeToString(blob.getBytes(1, Math.toIntExact(blob.length())));
    }
    return "t:" + base64.encodeToString(value.toString().getBytes(UTF_8));
  }

  /** The schema version the database is at (the last migration applied). */
  public static int schemaVersion(Database database) throws SQLException {
    return database.causalRead(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            r.next();
            return r.getInt(1);
          }
        });
  }

  /**
   * Whether every table of {@code TABLES} in {@code database} is empty: a load goes only into an
   * empty database, so nothing of what it holds is lost or mixed with the dump.
   *
   * @return the tables that hold rows, with their counts (empty when the database is empty)
   */
  public static Map<String, Long> rowsHeld(Database database) throws SQLException {
    return database.causalRead(
        c -> {
          Map<String, Long> held = new LinkedHashMap<>();
          for (String table : TABLES) {
            String count =
                table.equals(SETTINGS)
                    ? "SELECT COUNT(*) FROM " + table + " WHERE version > 0"
                    : "SELECT COUNT(*) FROM " + table;
            try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(count)) {
              r.next();
              if (r.getLong(1) > 0) {
                held.put(table, r.getLong(1));
              }
            }
          }
          return held;
        });
  }

  /**
   * Checks each table's file against its recorded digest; returns the first that does not match, or
   * null when all do.
   */
  public static @Nullable String firstDamaged(Path directory, List<Table> tables)
      throws IOException {
    for (Table table : tables) {
      MessageDigest sha256 = sha256();
      try (InputStream in =
          new DigestInputStream(Files.newInputStream(fileOf(directory, table.name())), sha256)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
        return table.name();
      }
    }
    return null;
  }

  /**
   * The rows of one table's file, each as column name to value ({@code Long}, {@code String},
   * {@code byte[]} or null).
   */
  public static List<Map<String, @Nullable Object>> read(Path directory, String table)
      throws IOException {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(fileOf(directory, table))) {
      String[] names = header(in, table);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = cells(line, names.length, table);
        Map<String, @Nullable Object> row = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
          row.put(names[i], value(cells[i], table));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Inserts every row of the dump in {@code directory} into {@code database}, which must be empty,
   * in one transaction: a load that fails leaves the database as empty as it was.
   */
  public static long load(Database database, Path directory) throws SQLException, IOException {
    try {
      return database.transaction(
          c -> {
            long rows = 0;
            for (String table : TABLES) {
              try {
                rows += loadTable(c, table, fileOf(directory, table));
              } catch (IOException e) {
                throw new SQLException("cannot read " + fileOf(directory, table), e);
              }
            }
            return rows;
          });
    } catch (SQLException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  private static long loadTable(Connection c, String table, Path file)
      throws SQLException, IOException {
    if (!Files.exists(file)) {
      return 0; // a table a dump from an older schema did not have
    }
    if (table.equals(SETTINGS)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM " + SETTINGS); // the migration's unchanged rows
      }
    }
    long rows = 0;
    try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
      String[] names = header(in, table);
      String insert =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", names)
              + ") VALUES ("
              + String.join(", ", Collections.nCopies(names.length, "?"))
              + ")";
      try (PreparedStatement p = c.prepareStatement(insert)) {
        int pending = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] cells = cells(line, names.length, table);
          for (int i = 0; i < names.length; i++) {
            Object value = value(cells[i], table);
            if (value == null) {
              p.setNull(i + 1, Types.NULL);
            } else if (value instanceof Long l) {
              p.setLong(i + 1, l);
            } else if (value instanceof byte[] bytes) {
              p.setBytes(i + 1, bytes);
            } else {
              p.setString(i + 1, (String) value);
            }
          }
          p.addBatch();
          rows++;
          if (++pending == BATCH) {
            p.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          p.executeBatch();
        }
      }
    }
    return rows;
  }

  private static String[] header(BufferedReader in, String table) throws IOException {
    String header = in.readLine();
    if (header == null || header.isEmpty()) {
      throw new IOException(table + ": no header line");
    }
    String[] names = header.split("\t", -1);
    for (String name : names) {
      // The names become SQL: only what a column of this schema can be called.
      if (!name.matches("[a-z_][a-z0-9_]{0,63}")) {
        throw new IOException(table + ": not a column name: " + name);
      }
    }
    return names;
  }

  private static String[] cells(String line, int columns, String table) throws IOException {
    String[] cells = line.split("\t", -1);
    if (cells.length != columns) {
      throw new IOException(table + ": a row of " + cells.length + " cells, not " + columns);
    }
    return cells;
  }

  private static @Nullable Object value(String cell, String table) throws IOException {
    try {
      if (cell.equals("-")) {
        return null;
      }
      if (cell.startsWith("i:")) {
        return Long.parseLong(cell.substring(2));
      }
      if (cell.startsWith("t:")) {
        return new String(Base64.getDecoder().decode(cell.substring(2)), UTF_8);
      }
      if (cell.startsWith("b:")) {
        return Base64.getDecoder().decode(cell.substring(2));
      }
    } catch (IllegalArgumentException e) {
      throw new IOException(table + ": a cell that does not decode", e);
    }
    throw new IOException(table + ": a cell of no known kind");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

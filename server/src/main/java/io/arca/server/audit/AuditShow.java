package io.arca.server.audit;

import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca-server audit show}: prints audit records for people (one line each: ISO 8601 time,
 * seq, user, operation, outcome, the identifiers named, the client) or for tools (JSON Lines, one
 * object per record). Reading needs no key: the records hold names and outcomes only, never key
 * material.
 */
public final class AuditShow {
  private AuditShow() {}

  /**
   * Prints the records of {@code selection} that name {@code object} (any, when null), in order;
   * returns how many.
   */
  public static long print(
      DatabaseConfig database,
      JdbcAuditRepository.Selection selection,
      @Nullable String object,
      boolean json,
      PrintWriter out) {
    long printed = 0;
    try (Database db = Database.open(database)) {
      Iterator<AuditRecord> records = new JdbcAuditRepository(db).select(selection);
      while (records.hasNext()) {
        AuditRecord record = records.next();
        if (object == null || names(record.entry(), object)) {
          out.println(json ? json(record) : text(record));
          printed++;
        }
      }
    }
    out.flush();
    return printed;
  }

  /** Whether {@code object} is one of the identifiers the entry names (space-separated). */
  private static boolean names(AuditEntry entry, String object) {
    return Arrays.asList(entry.uniqueIds().split(" ")).contains(object);
  }

  static String text(AuditRecord record) {
    AuditEntry e = record.entry();
    return Instant.ofEpochMilli(e.recordedAt())
        + "  "
        + (record.chain().equals(AuditRecord.LEGACY) ? "" : record.chain())
        + "#"
        + record.seq()
        + "  "
        + e.user()
        + "  "
        + e.operation()
        + "  "
        + e.resultStatus()
        + (e.resultReason() == null ? "" : " (" + e.resultReason() + ")")
        + (e.uniqueIds().isEmpty() ? "" : "  " + e.uniqueIds())
        + "  from "
        + e.clientAddress();
  }

  static String json(AuditRecord record) {
    AuditEntry e = record.entry();
    StringBuilder out = new StringBuilder(256).append('{');
    quoted(out.append("\"chain\":"), record.chain());
    out.append(",\"seq\":").append(record.seq());
    field(out, "time", Instant.ofEpochMilli(e.recordedAt()).toString());
    field(out, "user", e.user());
    field(out, "client", e.clientAddress());
    field(out, "operation", e.operation());
    field(out, "status", e.resultStatus());
    if (e.resultReason() != null) {
      field(out, "reason", e.resultReason());
    }
    out.append(",\"uniqueIds\":[");
    String[] ids = e.uniqueIds().isEmpty() ? new String[0] : e.uniqueIds().split(" ");
    for (int i = 0; i < ids.length; i++) {
      quoted(out.append(i == 0 ? "" : ","), ids[i]);
    }
    out.append(']');
    field(out, "hash", record.hash());
    return out.append('}').toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    quoted(out.append(",\"").append(name).append("\":"), value);
  }

  /** Appends {@code value} as a JSON string (RFC 8259: quote, backslash and controls escaped). */
  private static void quoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

package io.arca.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the audit log records of one request batch item, before it takes its place in the chain.
 * Only names and outcomes: never key material, data or passwords.
 *
 * @param recordedAt when the request was received, epoch milliseconds
 * @param user the authenticated user
 * @param clientAddress where the request came from
 * @param operation the operation's name (or its hex value when unknown)
 * @param uniqueIds the identifiers the request and its answer named, space-separated
 * @param resultStatus the answer's Result Status
 * @param resultReason the answer's Result Reason, or null on success
 */
public record AuditEntry(
    long recordedAt,
    String user,
    String clientAddress,
    String operation,
    String uniqueIds,
    String resultStatus,
    @Nullable String resultReason) {
  public AuditEntry {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(uniqueIds, "uniqueIds");
    Objects.requireNonNull(resultStatus, "resultStatus");
  }

  /** The entry as one line: its fields in a fixed order, escaped as in the audit file. */
  public String toLine() {
    // The audit journal's record before it became binary: still read from journals left by an
    // earlier version (parseLine).
    return recordedAt
        + "|"
        + AuditRecord.escape(user)
        + "|"
        + AuditRecord.escape(clientAddress)
        + "|"
        + AuditRecord.escape(operation)
        + "|"
        + AuditRecord.escape(uniqueIds)
        + "|"
        + AuditRecord.escape(resultStatus)
        + "|"
        + AuditRecord.escape(resultReason == null ? "" : resultReason);
  }

  /**
   * Reads what {@link #toLine} wrote.
   *
   * @throws IllegalArgumentException if the line is not an entry
   */
  public static AuditEntry parseLine(String line) {
    String[] f = line.split("\\|", -1);
    if (f.length != 7) {
      throw new IllegalArgumentException("an audit entry has 7 fields, this one " + f.length);
    }
    try {
      return new AuditEntry(
          Long.parseLong(f[0]),
          AuditRecord.unescape(f[1]),
          AuditRecord.unescape(f[2]),
          AuditRecord.unescape(f[3]),
          AuditRecord.unescape(f[4]),
          AuditRecord.unescape(f[5]),
          f[6].isEmpty() ? null : AuditRecord.unescape(f[6]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an audit entry with a non-numeric time", e);
    }
  }
}

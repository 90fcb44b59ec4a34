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
}

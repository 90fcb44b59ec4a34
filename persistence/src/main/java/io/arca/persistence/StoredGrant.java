package io.arca.persistence;

import java.util.Objects;

/**
 * One row of the access grants: a user (or {@code *}, every user) may carry out one operation on an
 * object (or, with object uid {@code *}, on the server). Operations are stored by name; what they
 * mean is the server's business.
 *
 * @param user the grantee, or {@code *}
 * @param objectUid the object, or {@code *} for the server
 * @param operation the operation's name
 */
public record StoredGrant(String user, String objectUid, String operation) {
  /** The user name and object uid that mean "every user" and "the server". */
  public static final String ANY = "*";

  public StoredGrant {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(objectUid, "objectUid");
    Objects.requireNonNull(operation, "operation");
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.AccessGrant;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may change or read the grants on a target, shared by Grant, Revoke and List Access: an
 * object's owner (for an {@code hsm::} object the HSM administrator); for the server's creation
 * rights, a privileged user. Anyone else holding rights on the object gets Permission Denied, and
 * anyone holding none the answer for a missing object.
 */
final class GrantChanges {
  /** What cannot be granted on an object: making objects, and managing grants (owners only). */
  private static final Set<Operation> NOT_ON_OBJECTS =
      EnumSet.of(
          Operation.CREATE,
          Operation.CREATE_KEY_PAIR,
          Operation.REGISTER,
          Operation.GRANT_ACCESS,
          Operation.REVOKE_ACCESS,
          Operation.LIST_ACCESS);

  private GrantChanges() {}

  /** Checks that the grant makes sense and the caller may change it. */
  static void checkMayChange(AccessGrant grant, ObjectAccess objects, RequestContext context) {
    String uid = grant.uniqueIdentifier();
    if (uid == null) {
      Set<Operation> notCreation = EnumSet.copyOf(grant.operations());
      notCreation.removeAll(AccessPolicy.CREATION);
      if (!notCreation.isEmpty()) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Operation: "
                + notCreation
                + " on the server (expected: Create, CreateKeyPair, Register or Import; name an"
                + " object with UniqueIdentifier to grant others)");
      }
      if (!context.access().isPrivileged(context.user())) {
        throw new KmipException(
            ResultReason.PERMISSION_DENIED,
            context.user() + " is not a privileged user, who alone grant the creation rights");
      }
      return;
    }
    if (uid.isEmpty() || uid.equals(AccessGrant.EVERY_USER)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "UniqueIdentifier: \"" + uid + "\" names no object");
    }
    Set<Operation> refused = EnumSet.copyOf(grant.operations());
    refused.retainAll(NOT_ON_OBJECTS);
    if (!refused.isEmpty()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Operation: " + refused + " cannot be granted on an object (only its owner manages it)");
    }
    checkManager(uid, objects, context);
  }

  /**
   * Checks that the caller manages the object's grants.
   *
   * @return the object, or null for an HSM object this server has no record of
   */
  static @Nullable ObjectRecord checkManager(
      String uid, ObjectAccess objects, RequestContext context) {
    AccessPolicy access = context.access();
    // Confirmed, so that refusing a hidden object costs what refusing a missing one does.
    ObjectRecord record = objects.store().findConfirmed(uid).orElse(null);
    if (AccessPolicy.isHsm(uid) && access.isHsmAdmin(context.user())) {
      return record;
    }
    if (record == null) {
      throw ObjectAccess.notFound(uid, context.protocolVersion());
    }
    if (access.owns(context.user(), record)) {
      return record;
    }
    if (access.decide(context.user(), context.operation(), record)
        == AccessPolicy.Decision.HIDDEN) {
      throw ObjectAccess.notFound(uid, context.protocolVersion());
    }
    throw new KmipException(
        ResultReason.PERMISSION_DENIED,
        context.user()
            + " may not manage the grants on "
            + uid
            + (AccessPolicy.isHsm(uid) ? " (the HSM administrator does)" : " (its owner does)"));
  }
}

package io.arca.server.hsm;

import io.arca.kmip.Operation;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.RequestContext;

/**
 * Who may do what with {@code hsm::} objects when the HSM itself serves the request (Create,
 * Destroy, Encrypt, Decrypt, and an HSM wrapping key): the HSM administrator may do everything, and
 * anyone else what the administrator granted on the key (the request's {@link AccessPolicy}).
 *
 * @param admin the user (certificate identity) named by {@code --hsm-admin}
 */
public record HsmAccess(String admin) {

  /** Whether the caller of {@code context} may carry out {@code operation} on the HSM key. */
  public boolean permits(RequestContext context, String uid, Operation operation) {
    return decide(context, uid, operation) == AccessPolicy.Decision.ALLOWED;
  }

  /**
   * What the caller of {@code context} may do with the HSM key: a caller holding some right on it
   * but not {@code operation} is told Permission Denied, one holding none is told it does not
   * exist.
   */
  public AccessPolicy.Decision decide(RequestContext context, String uid, Operation operation) {
    if (admin.equals(context.user())) {
      return AccessPolicy.Decision.ALLOWED;
    }
    return context.access().decide(context.user(), operation, uid, admin);
  }

  /** Whether {@code user} may create objects in the HSM (the admin alone, grants or not). */
  public boolean mayCreate(String user) {
    return admin.equals(user);
  }
}

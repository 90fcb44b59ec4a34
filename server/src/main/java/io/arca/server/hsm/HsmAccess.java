package io.arca.server.hsm;

import io.arca.kmip.Operation;

/**
 * Who may do what with {@code hsm::} objects: the one place that decides. Until access grants
 * exist, the HSM administrator may do everything and nobody else anything; grants (the HSM admin
 * granting Encrypt, Get, Destroy... on a key) plug in here.
 *
 * @param admin the user (certificate identity) named by {@code --hsm-admin}
 */
public record HsmAccess(String admin) {

  /** Whether {@code user} may carry out {@code operation} on the HSM object {@code uid}. */
  public boolean permits(String user, String uid, Operation operation) {
    return admin.equals(user);
  }

  /** Whether {@code user} may create objects in the HSM (the admin alone, grants or not). */
  public boolean mayCreate(String user) {
    return admin.equals(user);
  }
}

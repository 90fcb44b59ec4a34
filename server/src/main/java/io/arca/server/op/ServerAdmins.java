package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.server.batch.RequestContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server administrators ({@code --server-admins}), the only users who may call the admin
 * extension operations. Nobody by default: the operations are then not registered at all, so they
 * answer Operation Not Supported, and Query lists them to no one.
 *
 * @param users the administrators' user names (certificate identities)
 */
public record ServerAdmins(Set<String> users) {
  /** The admin extension operations, in the order of their values. */
  public static final Set<Operation> OPERATIONS =
      EnumSet.of(
          Operation.ROTATE_KEK,
          Operation.KEK_STATUS,
          Operation.DENY_CERTIFICATE,
          Operation.ALLOW_CERTIFICATE,
          Operation.RELOAD);

  /** Nobody. */
  public static final ServerAdmins NONE = new ServerAdmins(Set.of());

  public ServerAdmins {
    users = Set.copyOf(users);
  }

  /** Whether {@code user} is an administrator. */
  public boolean includes(String user) {
    return users.contains(user);
  }

  /**
   * Refuses a caller who is not an administrator with Permission Denied, before anything is read or
   * changed.
   */
  void check(RequestContext context) {
    if (!includes(context.user())) {
      Operation operation = context.operation();
      throw new KmipException(
          ResultReason.PERMISSION_DENIED,
          (operation == null ? "this operation" : operation.xmlName())
              + " is for the server administrators (--server-admins) alone");
    }
  }
}

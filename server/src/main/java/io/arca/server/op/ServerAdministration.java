package io.arca.server.op;

import io.arca.kmip.payload.KekRotationProgress;
import io.arca.kmip.payload.KekStatus;
import java.io.IOException;

/**
 * The port behind the admin extension operations (docs/OPERATIONS.md): the server's KEK rotation,
 * its deny list and its reload. {@link ServerAdmins} decides who may call them; this port only does
 * the work.
 */
public interface ServerAdministration {
  /**
   * Starts rotating every stored object to {@code to} ({@code local} or {@code hsm::...}) in the
   * background, or, when a rotation runs already, leaves it running.
   *
   * @return the rotation as it stands
   */
  KekRotationProgress startKekRotation(String to);

  /** Every KEK of the database and this server's last rotation. */
  KekStatus.Response kekStatus();

  /** Whether the deny list can be edited: {@code --tls-deny-list} names a file. */
  boolean hasDenyList();

  /**
   * Adds {@code entry} to the deny list and applies it at once.
   *
   * @return the entry as written
   * @throws IllegalArgumentException when the entry is not one the deny list can hold
   * @throws IOException when the file cannot be written or read back
   */
  String deny(String entry) throws IOException;

  /**
   * Removes every line of the deny list naming the certificate {@code entry} names, and applies it
   * at once; an entry not in the list changes nothing.
   *
   * @return the entry in canonical form
   * @throws IllegalArgumentException when the entry is not one the deny list can hold
   * @throws IOException when the file cannot be written or read back
   */
  String allow(String entry) throws IOException;

  /** Whether {@link #reload} can be asked: the server was started with reloadable TLS material. */
  boolean reloads();

  /**
   * Reads the configuration again and applies the log level and the TLS material, as SIGHUP does.
   *
   * @return what new handshakes now present
   * @throws IOException when the configuration or the TLS files cannot be used; nothing changed
   */
  String reload() throws IOException;
}

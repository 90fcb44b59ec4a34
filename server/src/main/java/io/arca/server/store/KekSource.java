package io.arca.server.store;

import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * Where this server finds the KEKs a database names: local KEKs in its data directory, HSM KEKs in
 * its HSM. Opening one does not check it; {@link KekCheck} does.
 */
public final class KekSource {
  private final Path dataDir;
  private final @Nullable HsmModule hsm;
  private final SecureRandom random;

  public KekSource(Path dataDir, @Nullable HsmModule hsm, SecureRandom random) {
    this.dataDir = dataDir;
    this.hsm = hsm;
    this.random = random;
  }

  /**
   * The KEK {@code kekId}: its file for a local KEK (which must exist), the HSM key for an HSM KEK.
   *
   * @throws java.nio.file.NoSuchFileException when a local KEK's file is missing
   * @throws io.arca.kmip.KmipException Wrapping Object Not Found when the HSM key is absent
   * @throws IllegalStateException for an HSM KEK without an HSM configured
   */
  public KeyWrapper open(String kekId) throws IOException {
    if (LocalKek.isLocalId(kekId)) {
      return LocalKek.open(dataDir, kekId);
    }
    if (!HsmKeyRef.isHsmId(kekId)) {
      throw new IllegalArgumentException(
          kekId + " is not a KEK (expected: local-kek... or hsm::<slot>::<label>)");
    }
    if (hsm == null) {
      throw new IllegalStateException(
          "KEK " + kekId + " is in an HSM, and this server has no HSM configured");
    }
    return HsmKeyWrapper.forKey(hsm, kekId, random);
  }

  /** The file a local KEK lives in here. */
  public Path fileOf(String kekId) {
    return LocalKek.fileFor(dataDir, kekId);
  }

  /** The first local KEK, {@value LocalKek#ID}, made in its file now. */
  LocalKek createFirstLocal() throws IOException {
    return LocalKek.create(dataDir, LocalKek.ID, random);
  }

  /** A new local KEK under a new identifier, made in its file now (for a rotation). */
  public LocalKek createLocal() throws IOException {
    return LocalKek.create(dataDir, LocalKek.newId(random), random);
  }

  /** This server as a KEK record names it: host and data directory. */
  public String madeBy() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + dataDir.toAbsolutePath().normalize();
  }
}

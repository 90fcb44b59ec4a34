package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server KEK when no HSM key is configured: a 256-bit AES key in {@code <data-dir>/kek}, mode
 * 0600, made on the first start, wrapping with AES key wrap with padding (RFC 5649). It keeps keys
 * off the disk in plaintext, but whoever can read the data directory can read both; production
 * should use an HSM KEK, and the server says so.
 */
public final class LocalKek implements KeyWrapper {
  /** The identifier recorded with keys this KEK wrapped. */
  public static final String ID = "local-kek";

  private static final Logger log = LoggerFactory.getLogger(LocalKek.class);
  private static final int KEY_BYTES = 32;

  private final AesKwpWrapper wrapper;

  private LocalKek(byte[] key) {
    this.wrapper = new AesKwpWrapper(ID, key);
  }

  /** The KEK in {@code file}, made there first (0600) when it does not exist. */
  public static LocalKek openOrCreate(Path file, SecureRandom random) throws IOException {
    byte[] bytes = null;
    try {
      if (!Files.exists(file)) {
        bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        create(file, bytes);
        log.warn(
            "created a local server KEK in {}: keys at rest are wrapped, but anyone who can read the data "
                + "directory can unwrap them; configure an HSM KEK for production",
            file.toAbsolutePath());
      } else {
        bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
          throw new IOException(
              file + ": " + bytes.length + " bytes (expected: " + KEY_BYTES + ")");
        }
        checkPermissions(file);
      }
      return new LocalKek(bytes);
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  private static void create(Path file, byte[] bytes) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException(file + " appeared while it was being created; not overwriting it", e);
    }
    Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
  }

  private static void checkPermissions(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
        .containsAll(permissions)) {
      throw new IOException(
          file
              + " is readable by others ("
              + PosixFilePermissions.toString(permissions)
              + "); make it 0600");
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public WrappedKey wrap(ByteString plaintext) {
    return wrapper.wrap(plaintext);
  }

  @Override
  public ByteString unwrap(WrappedKey wrapped) {
    return wrapper.unwrap(wrapped);
  }

  @Override
  public String toString() {
    return "LocalKek[" + ID + "]";
  }
}

package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server KEK when no HSM key is configured: a 256-bit AES key in {@code <data-dir>/kek}, mode
 * 0600, made on the first start, wrapping with AES key wrap with padding (RFC 5649). It keeps keys
 * off the disk in plaintext, but whoever can read the data directory can read both; production
 * should use an HSM KEK, and the server says so.
 *
 * <p>The first local KEK is {@value #ID} in the file {@code kek}; one made by a rotation to a new
 * local KEK is {@code local-kek-<tag>} in {@code kek-<tag>} ({@link #fileFor}), so both can be open
 * while the rows move from one to the other.
 */
public final class LocalKek implements KeyWrapper {
  /** The identifier recorded with keys this KEK wrapped. */
  public static final String ID = "local-kek";

  private static final Logger log = LoggerFactory.getLogger(LocalKek.class);
  private static final int KEY_BYTES = 32;

  private static final String FILE = "kek";
  private static final HexFormat HEX = HexFormat.of();

  private final String id;
  private final AesKwpWrapper wrapper;

  private LocalKek(String id, byte[] key) {
    this.id = id;
    this.wrapper = new AesKwpWrapper(id, key);
  }

  /** Whether {@code kekId} names a local KEK (rather than an HSM key). */
  public static boolean isLocalId(String kekId) {
    return kekId.equals(ID) || (kekId.startsWith(ID + "-") && kekId.length() > ID.length() + 1);
  }

  /** The file of the local KEK {@code kekId} in {@code dataDir}: {@code kek}, {@code kek-<tag>}. */
  public static Path fileFor(Path dataDir, String kekId) {
    if (!isLocalId(kekId)) {
      throw new IllegalArgumentException(kekId + " is not a local KEK");
    }
    return dataDir.resolve(FILE + kekId.substring(ID.length()));
  }

  /** An identifier for a new local KEK, {@code local-kek-<8 random hex digits>}. */
  public static String newId(SecureRandom random) {
    byte[] tag = new byte[4];
    random.nextBytes(tag);
    return ID + "-" + HEX.formatHex(tag);
  }

  /** The KEK {@code kekId} from its file in {@code dataDir}, which must exist. */
  public static LocalKek open(Path dataDir, String kekId) throws IOException {
    Path file = fileFor(dataDir, kekId);
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no local KEK there");
    }
    return openOrCreate(file, kekId, new SecureRandom());
  }

  /** A new KEK {@code kekId}, written to its file in {@code dataDir} (0600) first. */
  public static LocalKek create(Path dataDir, String kekId, SecureRandom random)
      throws IOException {
    Path file = fileFor(dataDir, kekId);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "not overwriting a KEK");
    }
    return openOrCreate(file, kekId, random);
  }

  /** The KEK {@value #ID} in {@code file}, made there first (0600) when it does not exist. */
  public static LocalKek openOrCreate(Path file, SecureRandom random) throws IOException {
    return openOrCreate(file, ID, random);
  }

  private static LocalKek openOrCreate(Path file, String id, SecureRandom random)
      throws IOException {
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
      return new LocalKek(id, bytes);
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
    return id;
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
    return "LocalKek[" + id + "]";
  }
}

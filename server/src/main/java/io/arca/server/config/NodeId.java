package io.arca.server.config;

import io.arca.persistence.AuditRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A node's name among the Arca nodes that share a database, which names the audit chain it writes.
 * Configured ({@code --node-id}), or made at the first start and kept in the data directory's
 * {@code node-id} file, so that a node keeps its chain across restarts and two nodes with their own
 * data directories never share one.
 */
public final class NodeId {
  /** The file in the data directory that keeps a node id made here. */
  public static final String FILE = "node-id";

  private NodeId() {}

  /**
   * Checks a node id: an audit chain's name, and not the legacy chain's.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static String require(String id) {
    try {
      AuditRecord.requireChainName(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "node-id: 1 to 64 letters, digits, '.', '-' or '_' (expected), not as given", e);
    }
    if (id.equals(AuditRecord.LEGACY)) {
      throw new IllegalArgumentException(
          "node-id: '" + AuditRecord.LEGACY + "' names the chain of records from before nodes");
    }
    return id;
  }

  /**
   * This node's id: {@code configured} when given, else the one kept in {@code dataDir}, made and
   * kept there (mode 0600) if there is none.
   *
   * @throws IOException if the file cannot be read or written
   */
  public static String resolve(@Nullable String configured, Path dataDir, SecureRandom random)
      throws IOException {
    if (configured != null) {
      return require(configured);
    }
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      byte[] suffix = new byte[6];
      random.nextBytes(suffix);
      try {
        PrivateFiles.writeNew(file, "node-" + HexFormat.of().formatHex(suffix) + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another process made it first: use theirs
      }
    }
    String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return require(kept);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " does not hold a node id", e);
    }
  }
}

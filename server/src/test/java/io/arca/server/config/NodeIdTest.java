package io.arca.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node keeps the id it made at its first start, so its audit chain survives restarts; two data
 * directories make two ids; a configured id wins, and the legacy chain's name is refused.
 */
class NodeIdTest {
  @TempDir Path dir;

  @Test
  void anIdMadeAtTheFirstStartIsKeptAcrossRestarts() throws Exception {
    Path one = Files.createDirectory(dir.resolve("one"));
    Path two = Files.createDirectory(dir.resolve("two"));
    String first = NodeId.resolve(null, one, new SecureRandom());

    assertThat(first).matches("node-[0-9a-f]{12}");
    assertThat(NodeId.resolve(null, one, new SecureRandom())).isEqualTo(first);
    assertThat(NodeId.resolve(null, two, new SecureRandom())).isNotEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(one.resolve("node-id"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aConfiguredIdWinsAndMustNameAChain() throws Exception {
    assertThat(NodeId.resolve("kms-east-1", dir, new SecureRandom())).isEqualTo("kms-east-1");
    assertThat(dir.resolve("node-id")).doesNotExist();
    assertThatThrownBy(() -> NodeId.resolve("legacy", dir, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legacy");
    assertThatThrownBy(() -> NodeId.resolve("a b", dir, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node-id");
  }

  @Test
  void aDamagedIdFileIsRefusedRatherThanStartingAnotherChain() throws Exception {
    Files.writeString(dir.resolve("node-id"), "not an id\n");
    assertThatThrownBy(() -> NodeId.resolve(null, dir, new SecureRandom()))
        .hasMessageContaining("does not hold a node id");
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose local KEK file is not the database's does not start, and says which case it is;
 * before the KEKs were recorded it failed on an unwrap of the audit keys with no hint, and a
 * missing file was replaced by a fresh KEK.
 */
class ServerStoresKekTest {
  @TempDir Path dir;

  @Test
  void aReplacedOrMissingKekFileStopsTheStartAndSaysSo() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig config = TestServers.config(dir.resolve("data"), TestServers.tls(pki), 8, 1 << 20);
    ServerStores.open(config).close();
    Path kek = config.dataDir().resolve("kek");
    byte[] original = Files.readAllBytes(kek);

    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    Files.write(kek, other);
    Files.setPosixFilePermissions(kek, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> ServerStores.open(config).close())
        .hasMessageStartingWith("wrong KEK file: " + kek);

    Files.delete(kek);
    assertThatThrownBy(() -> ServerStores.open(config).close())
        .hasMessageStartingWith("missing KEK file: " + kek);
    assertThat(kek).as("no fresh KEK made over a database that holds keys").doesNotExist();

    Files.write(kek, original);
    Files.setPosixFilePermissions(kek, PosixFilePermissions.fromString("rw-------"));
    ServerStores.open(config).close();
  }
}

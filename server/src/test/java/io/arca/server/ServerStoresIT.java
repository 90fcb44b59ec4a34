package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ObjectType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores as the server opens them from its settings: the embedded default in a data directory
 * that does not exist yet, and MariaDB from a URL, each surviving a restart.
 */
class ServerStoresIT {
  @TempDir Path dir;

  private static ServerConfig config(Path dataDir, ServerConfig.Storage storage) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        dataDir,
        null,
        IdentitySource.CN,
        new ServerConfig.Limits(8, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
        2,
        "info",
        false,
        storage);
  }

  private static void createAndReadBackAfterRestart(ServerConfig config) throws Exception {
    TtlvStructure opaque =
        TtlvStructure.of(
            Tag.OPAQUE_OBJECT.code(),
            TtlvByteString.of(Tag.OPAQUE_DATA_VALUE.code(), new byte[] {4, 5, 6}));
    try (ServerStores stores = ServerStores.open(config)) {
      stores
          .objects()
          .create(
              ObjectRecord.draft(
                  "o1",
                  ObjectType.OPAQUE_OBJECT,
                  State.ACTIVE,
                  "alice",
                  Attributes.EMPTY,
                  null,
                  Instant.now()),
              opaque);
    }
    try (ServerStores stores = ServerStores.open(config);
        ObjectContent content = stores.objects().content("o1").orElseThrow()) {
      assertThat(content.structure()).isEqualTo(opaque);
    }
  }

  @Test
  void embeddedDefaultMakesItsDataDirectoryAndKeepsObjectsAcrossRestarts() throws Exception {
    Path dataDir = dir.resolve("not/there/yet");

    createAndReadBackAfterRestart(config(dataDir, ServerConfig.Storage.EMBEDDED));

    assertThat(dataDir.resolve("arca.db")).exists();
    assertThat(Files.size(dataDir.resolve("kek"))).isEqualTo(32);
  }

  @Test
  void mariadbFromTheSettingsKeepsObjectsAcrossRestarts() throws Exception {
    TestMariaDb.requireServer();
    DatabaseConfig database = TestMariaDb.freshDatabase("arca_server");

    createAndReadBackAfterRestart(
        config(
            dir,
            new ServerConfig.Storage(
                database.jdbcUrl(),
                TestMariaDb.USER,
                null,
                4,
                null,
                100,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1))));

    assertThat(dir.resolve("arca.db")).doesNotExist();
  }

  @Test
  void anHsmKekIsRefusedUntilTheServerHasAnHsm() {
    ServerConfig.Storage storage =
        new ServerConfig.Storage(
            null, null, null, 4, "hsm::4::kek", 100, Duration.ofMinutes(1), Duration.ofSeconds(1));

    assertThatThrownBy(() -> ServerStores.open(config(dir, storage)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hsm::4::kek");
  }
}

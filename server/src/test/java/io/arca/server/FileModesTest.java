package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real server's first start in development mode, under the build's umask (022 in CI): the data
 * directory it makes is 0700, and every file in it that holds keys, records or settings is 0600,
 * checked after requests have written to the database and the audit file.
 */
class FileModesTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path tmp;

  @Test
  void dataDirectoryIsPrivateAndItsFilesAreOwnerOnly() throws Exception {
    Path probe = Files.createFile(tmp.resolve("probe"));
    assertThat(mode(probe))
        .as("this test needs a umask that lets others read new files, such as 022")
        .endsWith("r--");
    Path data = tmp.resolve("var").resolve("arca");
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            data,
            null,
            IdentitySource.CN,
            new ServerConfig.Limits(8, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED,
            new ServerConfig.Access(Set.of(), data.resolve("audit.log")),
            null);
    ServerConfig effective =
        ArcaServerMain.withDevelopmentTls(config, LoggerFactory.getLogger(FileModesTest.class));
    ServerConfig.Tls tls = Objects.requireNonNull(effective.tls());
    try (Arca server = Arca.start(effective, TlsContexts.server(tls))) {
      SSLContext admin =
          TestClients.context(
              tls.clientCa(), data.resolve("pki/admin.crt"), data.resolve("pki/admin.key"));
      for (int i = 0; i < 5; i++) {
        createKey(admin, server.port());
      }
      server.audit().flush();

      Map<String, String> modes = new TreeMap<>();
      Map<String, String> expected = new TreeMap<>();
      modes.put(".", mode(data));
      expected.put(".", "rwx------");
      for (String name :
          List.of(
              "arca.db",
              "arca.db-wal",
              "arca.db-shm",
              "kek",
              "audit.log",
              "arca.toml",
              "pki/ca.key",
              "pki/server.key",
              "pki/admin.key",
              "pki/admin.p12")) {
        Path file = data.resolve(name);
        modes.put(name, Files.exists(file) ? mode(file) : "missing");
        expected.put(name, "rw-------");
      }
      assertThat(modes).isEqualTo(expected);
      assertThat(Files.size(data.resolve("audit.log"))).isPositive();
    }
  }

  private static void createKey(SSLContext client, int port) throws Exception {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(
                new RequestBatchItem(
                    Operation.CREATE.value(),
                    null,
                    null,
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V),
                    List.of())));
    try (SSLSocket socket = TestClients.connect(client, port)) {
      ResponseMessage response = TestClients.exchange(socket, request);
      assertThat(response.batchItems().get(0).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

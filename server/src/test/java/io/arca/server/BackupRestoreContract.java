package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseDump;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.LocalKek;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arca-server backup} and {@code restore} round trips between databases: a server's objects,
 * grants and audit chain are backed up while it serves, restored into an empty database of a new
 * data directory that holds the same KEK file, and served from there: the same key decrypts what
 * the first server encrypted, and {@code audit verify} finds chain and file intact. A restore with
 * another KEK, no KEK, a damaged file or into a database that holds rows is refused and writes
 * nothing; the backup holds no key byte in clear.
 */
abstract class BackupRestoreContract {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;

  /** The storage of a new, empty database for a data directory. */
  protected abstract ServerConfig.Storage sourceStorage(Path dataDir) throws Exception;

  /** The storage a backup is restored into. */
  protected abstract ServerConfig.Storage targetStorage(Path dataDir) throws Exception;

  private ServerConfig config(Path dataDir, ServerConfig.Storage storage, DevelopmentPki pki) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        dataDir,
        TestServers.tls(pki),
        IdentitySource.CN,
        new ServerConfig.Limits(16, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
        2,
        "info",
        false,
        storage,
        new ServerConfig.Access(Set.of(), dataDir.resolve("audit.log")),
        null);
  }

  @Test
  void aBackupRestoresIntoAnEmptyDatabaseAndServesTheSameKeysWithTheChainIntact() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path a = dir.resolve("a");
    ServerConfig source = config(a, sourceStorage(a), pki);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String uid;
    Encrypt.Response sealed;
    Path backup = dir.resolve("backup");
    try (Arca server = Arca.start(source, TlsContexts.server(TestServers.tls(pki)))) {
      uid = registerActive(admin, server.port(), key);
      sealed = encrypt(admin, server.port(), uid, "backed up".getBytes(StandardCharsets.UTF_8));
      server.audit().flush();
      // While the server serves: the snapshot is one instant of a live database.
      StringWriter out = new StringWriter();
      assertThat(BackupTool.backup(source, backup, new PrintWriter(out))).isZero();
      assertThat(out.toString()).contains("it needs KEK");
    }
    assertNoClearKeyBytes(backup, key);

    Path b = dir.resolve("b");
    Files.createDirectories(b);
    Files.copy(a.resolve("kek"), b.resolve("kek"));
    ServerConfig target = config(b, targetStorage(b), pki);
    assertThat(BackupTool.restore(target, backup, new PrintWriter(new StringWriter()))).isZero();

    StringWriter verified = new StringWriter();
    assertThat(
            AuditVerifier.verify(
                ServerStores.databaseConfig(target),
                LocalKek.openOrCreate(b.resolve("kek"), new SecureRandom()),
                b.resolve("audit.log"),
                new PrintWriter(verified)))
        .as(verified.toString())
        .isTrue();
    try (Arca server = Arca.start(target, TlsContexts.server(TestServers.tls(pki)))) {
      assertThat(decrypt(admin, server.port(), uid, sealed))
          .isEqualTo("backed up".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(
            () -> BackupTool.restore(target, backup, new PrintWriter(new StringWriter())))
        .isInstanceOf(BackupTool.Refused.class)
        .hasMessageContaining("the database is not empty");
  }

  @Test
  void aRestoreWithoutTheKekItNeedsOrFromADamagedBackupIsRefusedAndWritesNothing()
      throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path a = dir.resolve("a");
    ServerConfig source = config(a, sourceStorage(a), pki);
    Path backup = dir.resolve("backup");
    try (Arca server = Arca.start(source, TlsContexts.server(TestServers.tls(pki)))) {
      registerActive(admin, server.port(), new byte[32]);
      server.audit().flush();
    }
    assertThat(BackupTool.backup(source, backup, new PrintWriter(new StringWriter()))).isZero();

    Path other = dir.resolve("other-kek");
    Files.createDirectories(other);
    LocalKek.openOrCreate(other.resolve("kek"), new SecureRandom());
    ServerConfig otherKek = config(other, targetStorage(other), pki);
    assertThatThrownBy(
            () -> BackupTool.restore(otherKek, backup, new PrintWriter(new StringWriter())))
        .isInstanceOf(BackupTool.Refused.class)
        .hasMessageContaining("is not the key the backup's check value was made with");
    assertEmpty(otherKek);

    Path none = dir.resolve("no-kek");
    Files.createDirectories(none);
    ServerConfig noKek = config(none, targetStorage(none), pki);
    assertThatThrownBy(() -> BackupTool.restore(noKek, backup, new PrintWriter(new StringWriter())))
        .isInstanceOf(BackupTool.Refused.class)
        .hasMessageContaining("does not exist");
    assertEmpty(noKek);

    Path damaged = dir.resolve("damaged");
    Files.createDirectories(damaged);
    Files.copy(a.resolve("kek"), damaged.resolve("kek"));
    Path objects = DatabaseDump.fileOf(backup, "objects");
    byte[] rows = Files.readAllBytes(objects);
    rows[rows.length - 2] ^= 1;
    Files.write(objects, rows);
    ServerConfig damagedConfig = config(damaged, targetStorage(damaged), pki);
    assertThatThrownBy(
            () -> BackupTool.restore(damagedConfig, backup, new PrintWriter(new StringWriter())))
        .isInstanceOf(BackupTool.Refused.class)
        .hasMessageContaining("the backup is damaged");
    assertEmpty(damagedConfig);
  }

  private static void assertEmpty(ServerConfig config) throws Exception {
    try (Database database = Database.open(ServerStores.databaseConfig(config))) {
      assertThat(DatabaseDump.rowsHeld(database)).isEmpty();
    }
  }

  /** Neither a file's bytes nor any decoded cell holds the key. */
  private static void assertNoClearKeyBytes(Path backup, byte[] key) throws Exception {
    try (var files = Files.list(backup)) {
      for (Path file : files.toList()) {
        assertThat(indexOf(Files.readAllBytes(file), key)).as("%s", file).isEqualTo(-1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as("%s", file)
            .isEqualTo("rw-------");
      }
    }
    int cells = 0;
    for (String table : DatabaseDump.TABLES) {
      for (Map<String, @Nullable Object> row : DatabaseDump.read(backup, table)) {
        for (Object value : row.values()) {
          byte[] bytes =
              value instanceof byte[] b
                  ? b
                  : String.valueOf(value).getBytes(StandardCharsets.ISO_8859_1);
          assertThat(indexOf(bytes, key)).as("a cell of %s", table).isEqualTo(-1);
          cells++;
        }
      }
    }
    assertThat(cells).isPositive();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private static String registerActive(SSLContext who, int port, byte[] key) throws Exception {
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
                CryptographicAlgorithm.AES.value(),
                256));
    Attributes usage =
        Attributes.of(
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())));
    ResponseBatchItem registered =
        AuditOutageTest.call(
            who, port, Operation.REGISTER, Register.Request.of(object, usage).encode(V));
    assertThat(registered.resultStatus())
        .as("%s", registered.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    String uid =
        Register.Response.decode(Objects.requireNonNull(registered.responsePayload()), V)
            .uniqueIdentifier();
    assertThat(
            AuditOutageTest.call(who, port, Operation.ACTIVATE, new Activate.Request(uid).encode(V))
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    return uid;
  }

  private static Encrypt.Response encrypt(SSLContext who, int port, String uid, byte[] data)
      throws Exception {
    ResponseBatchItem answer =
        AuditOutageTest.call(
            who,
            port,
            Operation.ENCRYPT,
            new Encrypt.Request(uid, null, ByteString.copyOf(data), null, null, null, null, null)
                .encode(V));
    assertThat(answer.resultStatus())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Encrypt.Response.decode(Objects.requireNonNull(answer.responsePayload()), V);
  }

  private static byte[] decrypt(SSLContext who, int port, String uid, Encrypt.Response sealed)
      throws Exception {
    ResponseBatchItem answer =
        AuditOutageTest.call(
            who,
            port,
            Operation.DECRYPT,
            new Decrypt.Request(
                    uid,
                    null,
                    sealed.data(),
                    sealed.ivCounterNonce(),
                    null,
                    null,
                    null,
                    null,
                    sealed.tag())
                .encode(V));
    assertThat(answer.resultStatus())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(
            Decrypt.Response.decode(Objects.requireNonNull(answer.responsePayload()), V).data())
        .toByteArray();
  }
}

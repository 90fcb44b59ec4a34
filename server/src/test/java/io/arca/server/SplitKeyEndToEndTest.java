package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SplitKey;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.CreateSplitKey;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.JoinSplitKey;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Create Split Key and Join Split Key over mutual TLS in every version that defines them (1.2 to
 * 2.1), with each Split Key Method: the parts are Split Key objects that Get, Locate and Destroy
 * treat like any object, any threshold of them rebuilds the key, and the refusals carry the
 * specification's Result Reasons. No share reaches a log line, an error or the audit file.
 */
class SplitKeyEndToEndTest {
  private static final List<SplitKeyMethod> METHODS = List.of(SplitKeyMethod.values());

  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static @Nullable Level arcaLevel;
  static final List<byte[]> secrets = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir.resolve("data"),
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(64, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            4,
            "debug",
            false,
            ServerConfig.Storage.EMBEDDED,
            new ServerConfig.Access(Set.of(), dir.resolve("audit.log")),
            null);
    logs.start();
    // Everything the server logs, down to DEBUG, whatever the test configuration lets through.
    Logger arca = (Logger) LoggerFactory.getLogger("io.arca");
    arcaLevel = arca.getLevel();
    arca.setLevel(Level.DEBUG);
    arca.addAppender(logs);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
    Logger arca = (Logger) LoggerFactory.getLogger("io.arca");
    arca.detachAppender(logs);
    arca.setLevel(arcaLevel);
  }

  private record Client(SSLSocket socket, ProtocolVersion version) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      socket.close();
    }

    ResponseBatchItem send(Operation operation, TtlvStructure payload) throws IOException {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(version),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      ResponseMessage response = TestClients.exchange(socket, request);
      return response.batchItems().get(0);
    }

    TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
      ResponseBatchItem item = send(operation, payload);
      assertThat(item.resultStatus())
          .as(version + " " + operation.xmlName() + ": " + item.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return Objects.requireNonNull(item.responsePayload(), "payload");
    }

    /** The reason of a refusal, after checking the message names no secret. */
    int refused(Operation operation, TtlvStructure payload) throws IOException {
      ResponseBatchItem item = send(operation, payload);
      assertThat(item.resultStatus())
          .as(version + " " + operation.xmlName())
          .isEqualTo(ResultStatus.OPERATION_FAILED);
      assertNoSecretIn(String.valueOf(item.resultMessage()));
      return Objects.requireNonNull(item.resultReason());
    }

    String register(ManagedObject object) throws IOException {
      Attributes mask =
          Attributes.of(
              Attribute.of(
                  new TtlvInteger(
                      Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                      CryptographicUsageMask.ENCRYPT.value()
                          | CryptographicUsageMask.DECRYPT.value())));
      return Register.Response.decode(
              ok(Operation.REGISTER, Register.Request.of(object, mask).encode(version)), version)
          .uniqueIdentifier();
    }

    List<String> split(String key, SplitKeyMethod method, int parts, int threshold)
        throws IOException {
      CreateSplitKey.Request request =
          new CreateSplitKey.Request(
              ObjectType.SPLIT_KEY.value(),
              key,
              parts,
              threshold,
              method.value(),
              null,
              Attributes.EMPTY,
              List.of());
      return CreateSplitKey.Response.decode(
              ok(Operation.CREATE_SPLIT_KEY, request.encode(version)), version)
          .uniqueIdentifiers();
    }

    JoinSplitKey.Request join(ObjectType type, List<String> parts) {
      return new JoinSplitKey.Request(type.value(), parts, null, Attributes.EMPTY, List.of());
    }

    ManagedObject get(String uid) throws IOException {
      return Get.Response.decode(ok(Operation.GET, Get.Request.of(uid).encode(version)), version)
          .object();
    }

    List<String> located(ObjectType type) throws IOException {
      Attributes byType =
          Attributes.of(Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), type.value())));
      return Locate.Response.decode(
              ok(Operation.LOCATE, Locate.Request.of(byType).encode(version)), version)
          .uniqueIdentifiers();
    }

    List<String> links(String uid, LinkType type) throws IOException {
      Attributes attributes =
          GetAttributes.Response.decode(
                  ok(
                      Operation.GET_ATTRIBUTES,
                      new GetAttributes.Request(
                              uid, List.of(AttributeReference.tag(Tag.LINK.code())))
                          .encode(version)),
                  version)
              .attributes();
      List<String> targets = new ArrayList<>();
      for (Attribute link : attributes.all(Tag.LINK.code())) {
        TtlvStructure structure = (TtlvStructure) link.value();
        if (structure.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
            && e.value() == type.value()
            && structure.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString t) {
          targets.add(t.value());
        }
      }
      return targets;
    }
  }

  private static Client connect(String version) throws IOException {
    return new Client(TestClients.connect(admin, server.port()), VersionedClient.version(version));
  }

  private static SymmetricKey aes(byte[] value) {
    return new SymmetricKey(
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(value))),
            CryptographicAlgorithm.AES.value(),
            value.length * 8));
  }

  private static byte[] bytesOf(ManagedObject object) {
    KeyBlock block = Objects.requireNonNull(object.keyBlock());
    if (block.keyValue() instanceof KeyValue.Plain plain
        && plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
      return bytes.value().toByteArray();
    }
    throw new AssertionError("no plain bytes in " + object.getClass().getSimpleName());
  }

  private static byte[] newSecret() {
    byte[] value = new byte[32];
    new SecureRandom().nextBytes(value);
    synchronized (secrets) {
      secrets.add(value);
    }
    return value;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.3", "1.4", "2.0", "2.1"})
  void eachMethodSplitsAKeyThatAnyThresholdOfItsPartsRebuilds(String v) throws Exception {
    try (Client client = connect(v)) {
      for (SplitKeyMethod method : METHODS) {
        byte[] value = newSecret();
        String key = client.register(aes(value));
        boolean xor = method == SplitKeyMethod.XOR;
        int parts = xor ? 3 : 5;
        int threshold = 3;
        List<String> uids = client.split(key, method, parts, threshold);
        assertThat(uids).as(v + " " + method).hasSize(parts).doesNotHaveDuplicates();
        for (int i = 0; i < parts; i++) {
          SplitKey part = (SplitKey) client.get(uids.get(i));
          assertThat(part.keyPartIdentifier()).isEqualTo(i + 1);
          assertThat(part.splitKeyParts()).isEqualTo(parts);
          assertThat(part.splitKeyThreshold()).isEqualTo(threshold);
          assertThat(part.splitKeyMethod()).isEqualTo(method.value());
          assertThat(part.primeFieldSize() != null)
              .isEqualTo(method == SplitKeyMethod.POLYNOMIAL_SHARING_PRIME_FIELD);
          byte[] share = bytesOf(part);
          synchronized (secrets) {
            secrets.add(share);
          }
          assertThat(share).isNotEqualTo(value);
        }
        assertThat(client.located(ObjectType.SPLIT_KEY)).containsAll(uids);
        // Part 2 links back to part 1, on to 3..n, and up to the key split.
        assertThat(client.links(uids.get(1), LinkType.PREVIOUS_LINK)).containsExactly(uids.get(0));
        assertThat(client.links(uids.get(1), LinkType.NEXT_LINK))
            .containsExactlyElementsOf(uids.subList(2, parts));
        assertThat(client.links(uids.get(1), LinkType.PARENT_LINK)).containsExactly(key);
        assertThat(client.links(key, LinkType.CHILD_LINK)).containsExactlyElementsOf(uids);

        List<String> some =
            xor
                ? List.of(uids.get(2), uids.get(0), uids.get(1))
                : List.of(uids.get(4), uids.get(1), uids.get(3));
        String joined =
            JoinSplitKey.Response.decode(
                    client.ok(
                        Operation.JOIN_SPLIT_KEY,
                        client.join(ObjectType.SYMMETRIC_KEY, some).encode(client.version())),
                    client.version())
                .uniqueIdentifier();
        SymmetricKey rebuilt = (SymmetricKey) client.get(joined);
        assertThat(bytesOf(rebuilt)).as(v + " " + method).isEqualTo(value);
        assertThat(rebuilt.keyBlock().cryptographicAlgorithm())
            .isEqualTo(CryptographicAlgorithm.AES.value());

        String secretData =
            JoinSplitKey.Response.decode(
                    client.ok(
                        Operation.JOIN_SPLIT_KEY,
                        client.join(ObjectType.SECRET_DATA, uids).encode(client.version())),
                    client.version())
                .uniqueIdentifier();
        assertThat(bytesOf((SecretData) client.get(secretData))).isEqualTo(value);

        client.ok(Operation.DESTROY, new Destroy.Request(uids.get(0)).encode(client.version()));
        assertThat(
                client
                    .send(Operation.GET, Get.Request.of(uids.get(0)).encode(client.version()))
                    .resultStatus())
            .isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(client.located(ObjectType.SPLIT_KEY)).doesNotContain(uids.get(0));
      }
    }
    assertNoSecretLoggedOrAudited();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.4", "2.0", "2.1"})
  void aNewKeyOfTheLengthAskedIsSplitWhenTheRequestNamesNone(String v) throws Exception {
    try (Client client = connect(v)) {
      Attributes aes128 =
          Attributes.of(
              Attribute.of(
                  new TtlvEnumeration(
                      Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
              Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
      CreateSplitKey.Request request =
          new CreateSplitKey.Request(
              ObjectType.SPLIT_KEY.value(),
              null,
              4,
              2,
              SplitKeyMethod.POLYNOMIAL_SHARING_GF_216.value(),
              null,
              aes128,
              List.of());
      List<String> uids =
          CreateSplitKey.Response.decode(
                  client.ok(Operation.CREATE_SPLIT_KEY, request.encode(client.version())),
                  client.version())
              .uniqueIdentifiers();
      SymmetricKey first =
          (SymmetricKey)
              client.get(
                  JoinSplitKey.Response.decode(
                          client.ok(
                              Operation.JOIN_SPLIT_KEY,
                              client
                                  .join(ObjectType.SYMMETRIC_KEY, List.of(uids.get(0), uids.get(3)))
                                  .encode(client.version())),
                          client.version())
                      .uniqueIdentifier());
      SymmetricKey second =
          (SymmetricKey)
              client.get(
                  JoinSplitKey.Response.decode(
                          client.ok(
                              Operation.JOIN_SPLIT_KEY,
                              client
                                  .join(ObjectType.SYMMETRIC_KEY, List.of(uids.get(2), uids.get(1)))
                                  .encode(client.version())),
                          client.version())
                      .uniqueIdentifier());
      assertThat(bytesOf(first)).hasSize(16).isEqualTo(bytesOf(second));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.3", "1.4", "2.0", "2.1"})
  void joinAndSplitRefuseWhatTheSpecificationRefuses(String v) throws Exception {
    try (Client client = connect(v)) {
      boolean v2 = client.version().isAtLeast(ProtocolVersion.V2_0);
      int wrongType =
          v2 ? ResultReason.INVALID_OBJECT_TYPE.value() : ResultReason.INVALID_FIELD.value();
      byte[] value = newSecret();
      String key = client.register(aes(value));
      List<String> a = client.split(key, SplitKeyMethod.POLYNOMIAL_SHARING_GF_28, 4, 3);
      List<String> b = client.split(key, SplitKeyMethod.POLYNOMIAL_SHARING_GF_28, 4, 3);
      int splitKeys = client.located(ObjectType.SPLIT_KEY).size();
      int keys = client.located(ObjectType.SYMMETRIC_KEY).size();

      // Threshold not met: 1.4 §11.40 names Cryptographic Failure.
      assertThat(
              client.refused(
                  Operation.JOIN_SPLIT_KEY,
                  client.join(ObjectType.SYMMETRIC_KEY, a.subList(0, 2)).encode(client.version())))
          .isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE.value());
      // Parts of two splits of the same key, the same fields and distinct identifiers.
      assertThat(
              client.refused(
                  Operation.JOIN_SPLIT_KEY,
                  client
                      .join(ObjectType.SYMMETRIC_KEY, List.of(a.get(0), b.get(1), b.get(2)))
                      .encode(client.version())))
          .isEqualTo(ResultReason.INVALID_FIELD.value());
      // A key is not a part; a Private Key is not what Join forms.
      assertThat(
              client.refused(
                  Operation.JOIN_SPLIT_KEY,
                  client
                      .join(ObjectType.SYMMETRIC_KEY, List.of(key, a.get(0), a.get(1)))
                      .encode(client.version())))
          .isEqualTo(wrongType);
      assertThat(
              client.refused(
                  Operation.JOIN_SPLIT_KEY,
                  client.join(ObjectType.PRIVATE_KEY, a.subList(0, 3)).encode(client.version())))
          .isEqualTo(wrongType);
      // A method KMIP does not define; XOR with fewer required parts than it makes.
      for (int[] counts :
          new int[][] {
            {0x8, 3, 2},
            {SplitKeyMethod.XOR.value(), 3, 2},
            {SplitKeyMethod.POLYNOMIAL_SHARING_GF_28.value(), 3, 4}
          }) {
        CreateSplitKey.Request request =
            new CreateSplitKey.Request(
                ObjectType.SPLIT_KEY.value(),
                key,
                counts[1],
                counts[2],
                counts[0],
                null,
                Attributes.EMPTY,
                List.of());
        assertThat(client.refused(Operation.CREATE_SPLIT_KEY, request.encode(client.version())))
            .as("method 0x%x, %d of %d", counts[0], counts[2], counts[1])
            .isEqualTo(ResultReason.INVALID_FIELD.value());
      }
      assertThat(client.located(ObjectType.SPLIT_KEY)).hasSize(splitKeys);
      assertThat(client.located(ObjectType.SYMMETRIC_KEY)).hasSize(keys);
    }
    assertNoSecretLoggedOrAudited();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1"})
  void beforeKmip12SplitKeysAreNoOperation(String v) throws Exception {
    try (Client client = connect(v)) {
      CreateSplitKey.Request request =
          new CreateSplitKey.Request(
              ObjectType.SPLIT_KEY.value(),
              "x",
              2,
              2,
              SplitKeyMethod.XOR.value(),
              null,
              Attributes.EMPTY,
              List.of());
      assertThat(client.refused(Operation.CREATE_SPLIT_KEY, request.encode(ProtocolVersion.V1_2)))
          .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
    }
  }

  private static void assertNoSecretLoggedOrAudited() throws IOException, InterruptedException {
    server.audit().flush();
    StringBuilder seen = new StringBuilder();
    synchronized (logs) {
      for (ILoggingEvent event : new ArrayList<>(logs.list)) {
        seen.append(event.getFormattedMessage()).append('\n');
        if (event.getThrowableProxy() != null) {
          seen.append(event.getThrowableProxy().getMessage()).append('\n');
        }
      }
    }
    Path audit = dir.resolve("audit.log");
    assertThat(audit).exists();
    seen.append(new String(Files.readAllBytes(audit), StandardCharsets.ISO_8859_1));
    assertThat(seen).as("the log and the audit file hold lines").isNotEmpty();
    assertNoSecretIn(seen.toString());
  }

  private static void assertNoSecretIn(String text) {
    synchronized (secrets) {
      for (byte[] secret : secrets) {
        String hex = HexFormat.of().formatHex(secret);
        assertThat(text)
            .doesNotContainIgnoringCase(hex)
            .doesNotContain(Base64.getEncoder().encodeToString(secret))
            .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
      }
    }
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.PGPKey;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Register of a PGP Key (KMIP 1.2+; 1.4 §2.2.9, 2.1 §2.4) over mutual TLS: the server sets what the
 * spec says it sets on one (Digital Signature Algorithm, 1.4 §3.16 and 2.1 §4.22, "Yes for PGP
 * keys" multiple instances; Cryptographic Algorithm and Length; Digest), Locate finds the key by
 * them, and a version without PGP Keys neither registers nor is sent one. The key is a real one,
 * exported by GnuPG 2 (RSA 2048, self-signed with SHA-512).
 */
class PgpKeyEndToEndTest {
  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.2", "1.4", "2.0", "2.1"})
  void aRegisteredPgpKeyHasTheAttributesTheServerSetsAndLocateFindsItByThem(String text)
      throws Exception {
    ProtocolVersion version = version(text);
    String uid = registered(version);

    Attributes attributes = attributes(version, uid);
    assertThat(values(attributes, Tag.DIGITAL_SIGNATURE_ALGORITHM))
        .containsExactly(DigitalSignatureAlgorithm.SHA_512_WITH_RSA_ENCRYPTION.value());
    assertThat(values(attributes, Tag.CRYPTOGRAPHIC_ALGORITHM))
        .containsExactly(CryptographicAlgorithm.RSA.value());
    assertThat(values(attributes, Tag.CRYPTOGRAPHIC_LENGTH)).containsExactly(2048);
    assertThat(attributes.first(Tag.DIGEST.code())).isNotNull();

    for (Attribute criterion :
        List.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.DIGITAL_SIGNATURE_ALGORITHM.code(),
                    DigitalSignatureAlgorithm.SHA_512_WITH_RSA_ENCRYPTION.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048)),
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())))) {
      assertThat(locate(version, criterion)).as("Locate by %s", criterion).contains(uid);
    }
    Attribute otherSignature =
        Attribute.of(
            new TtlvEnumeration(
                Tag.DIGITAL_SIGNATURE_ALGORITHM.code(),
                DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION.value()));
    assertThat(locate(version, otherSignature)).doesNotContain(uid);
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1"})
  void aVersionWithoutPgpKeysNeitherRegistersNorIsSentOne(String text) throws Exception {
    ProtocolVersion version = version(text);
    ResponseBatchItem refused =
        call(
            version,
            Operation.REGISTER,
            Register.Request.of(pgpKey(), Attributes.of()).encode(version));
    assertThat(refused.resultReason())
        .as(refused.resultMessage())
        .isEqualTo(ResultReason.INVALID_FIELD.value());
    assertThat(refused.responsePayload()).isNull();

    String uid = registered(ProtocolVersion.V1_2);
    ResponseBatchItem got = call(version, Operation.GET, Get.Request.of(uid).encode(version));
    assertThat(got.resultReason())
        .as(got.resultMessage())
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
    assertThat(got.responsePayload()).isNull();
  }

  @Test
  void aPgpKeyReachesA12ClientWhole() throws Exception {
    String uid = registered(ProtocolVersion.V1_2);
    ResponseBatchItem got =
        call(ProtocolVersion.V1_2, Operation.GET, Get.Request.of(uid).encode(ProtocolVersion.V1_2));
    assertThat(got.resultStatus()).as(got.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    PGPKey key =
        (PGPKey)
            Get.Response.decode(Objects.requireNonNull(got.responsePayload()), ProtocolVersion.V1_2)
                .object();
    assertThat(key.pgpKeyVersion()).isEqualTo(4);
    KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(key.keyBlock().keyValue());
    assertThat(((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray())
        .isEqualTo(armored());
  }

  private static String registered(ProtocolVersion version) throws IOException {
    ResponseBatchItem answer =
        call(
            version,
            Operation.REGISTER,
            Register.Request.of(pgpKey(), Attributes.of()).encode(version));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Register.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .uniqueIdentifier();
  }

  /** The exported key as the Key Block's Raw key material; the block states no algorithm. */
  private static PGPKey pgpKey() throws IOException {
    KeyValue value = KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(armored())));
    return new PGPKey(4, new KeyBlock(KeyFormatType.RAW.value(), null, value, null, null, null));
  }

  private static byte[] armored() throws IOException {
    try (InputStream in =
        PgpKeyEndToEndTest.class.getResourceAsStream("/pgp/rsa2048-sha512-public.asc")) {
      return Objects.requireNonNull(in, "the PGP key fixture").readAllBytes();
    }
  }

  private static Attributes attributes(ProtocolVersion version, String uid) throws IOException {
    ResponseBatchItem answer =
        call(
            version,
            Operation.GET_ATTRIBUTES,
            new GetAttributes.Request(uid, List.of()).encode(version));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return GetAttributes.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .attributes();
  }

  private static List<String> locate(ProtocolVersion version, Attribute criterion)
      throws IOException {
    Attributes criteria =
        new Attributes(
            List.of(
                Attribute.of(
                    new TtlvEnumeration(Tag.OBJECT_TYPE.code(), ObjectType.PGP_KEY.value())),
                criterion),
            List.of());
    ResponseBatchItem answer =
        call(version, Operation.LOCATE, Locate.Request.of(criteria).encode(version));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Locate.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .uniqueIdentifiers();
  }

  private static List<Integer> values(Attributes attributes, Tag tag) {
    return attributes.all(tag.code()).stream()
        .map(
            a ->
                a.value() instanceof TtlvEnumeration e
                    ? e.value()
                    : ((TtlvInteger) a.value()).value())
        .toList();
  }

  private static ResponseBatchItem call(
      ProtocolVersion version, Operation operation, io.arca.kmip.ttlv.TtlvStructure payload)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return TestClients.exchange(
              socket,
              new RequestMessage(
                  RequestHeader.of(version),
                  List.of(RequestBatchItem.of(operation.value(), payload))))
          .batchItems()
          .get(0);
    }
  }

  private static ProtocolVersion version(String text) {
    int dot = text.indexOf('.');
    return new ProtocolVersion(
        Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
  }
}

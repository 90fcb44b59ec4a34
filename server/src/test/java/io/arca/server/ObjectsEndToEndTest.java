package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Objects over mutual TLS in every version that defines them: Ping (2.1 §6.1.36), Create of Secret
 * Data (2.0 and 2.1 §6.1.8) and Import with Replace Existing (1.4 §4.41, 2.1 §6.1.25), each with
 * the refusals the specification gives, and nothing stored by a refused request.
 */
class ObjectsEndToEndTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static SSLContext user1;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path cert = dir.resolve("user1.crt");
    Path key = dir.resolve("user1.key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), "user1", cert, key);
    user1 = TestClients.context(pki.caCertificate(), cert, key);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static VersionedClient client(SSLContext who, String version) throws Exception {
    return new VersionedClient(who, server.port(), VersionedClient.version(version));
  }

  // ---- Ping ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2.1"})
  void pingIsAnsweredWithAnEmptyPayload(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      TtlvStructure answer =
          kmip.ok(Operation.PING, new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), List.of()));
      assertThat(answer.items()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0"})
  void pingIsNotAnOperationBefore21(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      ResponseBatchItem item =
          kmip.call(Operation.PING, new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), List.of()));
      assertThat(item.resultReason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.1"})
  void pingWithAFieldIsInvalid(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      ResponseBatchItem item =
          kmip.call(
              Operation.PING,
              TtlvStructure.of(
                  Tag.REQUEST_PAYLOAD.code(),
                  new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "x")));
      assertThat(item.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
    }
  }

  // ---- Create of Secret Data ------------------------------------------------------------------

  private static Attribute name(String value) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), value),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  private static Attribute length(int bits) {
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits));
  }

  private static Attribute usage(CryptographicUsageMask... masks) {
    int mask = 0;
    for (CryptographicUsageMask m : masks) {
      mask |= m.value();
    }
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  private static List<String> located(VersionedClient kmip, String nameValue) throws Exception {
    return Locate.Response.decode(
            kmip.ok(
                Operation.LOCATE,
                Locate.Request.of(Attributes.of(name(nameValue))).encode(kmip.version())),
            kmip.version())
        .uniqueIdentifiers();
  }

  private static Attributes attributes(VersionedClient kmip, String uid) throws Exception {
    return GetAttributes.Response.decode(
            kmip.ok(
                Operation.GET_ATTRIBUTES,
                new GetAttributes.Request(uid, List.of()).encode(kmip.version())),
            kmip.version())
        .attributes();
  }

  private static ManagedObject get(VersionedClient kmip, String uid) throws Exception {
    return Get.Response.decode(
            kmip.ok(Operation.GET, Get.Request.of(uid).encode(kmip.version())), kmip.version())
        .object();
  }

  private static byte[] materialBytes(ManagedObject object) {
    KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(object.keyBlock()).keyValue();
    return ((KeyMaterial.Bytes) Objects.requireNonNull(plain).keyMaterial()).value().toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void createMakesSecretDataOfTheLengthAsked(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      Create.Request request =
          Create.Request.of(
              ObjectType.SECRET_DATA.value(),
              Attributes.of(
                  length(384),
                  usage(CryptographicUsageMask.DERIVE_KEY),
                  name("secret-" + version)));
      Create.Response created =
          Create.Response.decode(
              kmip.ok(Operation.CREATE, request.encode(kmip.version())), kmip.version());
      assertThat(created.objectType()).isEqualTo(ObjectType.SECRET_DATA.value());

      ManagedObject object = get(kmip, created.uniqueIdentifier());
      assertThat(object).isInstanceOf(SecretData.class);
      assertThat(((SecretData) object).secretDataType()).isEqualTo(SecretDataType.SEED.value());
      assertThat(Objects.requireNonNull(object.keyBlock()).keyFormatType())
          .isEqualTo(KeyFormatType.RAW.value());
      byte[] secret = materialBytes(object);
      assertThat(secret).hasSize(48);
      Attributes attributes = attributes(kmip, created.uniqueIdentifier());
      assertThat(Objects.requireNonNull(attributes.first(Tag.CRYPTOGRAPHIC_LENGTH.code())).value())
          .isEqualTo(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 384));
      TtlvStructure digest =
          (TtlvStructure) Objects.requireNonNull(attributes.first(Tag.DIGEST.code())).value();
      assertThat(digest.first(Tag.DIGEST_VALUE.code()))
          .isEqualTo(
              TtlvByteString.of(
                  Tag.DIGEST_VALUE.code(), MessageDigest.getInstance("SHA-256").digest(secret)));
      assertThat(digest.first(Tag.HASHING_ALGORITHM.code()))
          .isEqualTo(
              new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()));
      // Two secrets differ: the server generates each.
      Create.Response second =
          Create.Response.decode(
              kmip.ok(
                  Operation.CREATE,
                  Create.Request.of(ObjectType.SECRET_DATA.value(), Attributes.of(length(384)))
                      .encode(kmip.version())),
              kmip.version());
      assertThat(materialBytes(get(kmip, second.uniqueIdentifier()))).isNotEqualTo(secret);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void createOfSecretDataRefusesALengthItCannotMake(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      for (Attributes refused :
          List.of(
              Attributes.of(name("bad-secret-none-" + version)),
              Attributes.of(length(12), name("bad-secret-12-" + version)),
              Attributes.of(length(0), name("bad-secret-0-" + version)),
              Attributes.of(length(1 << 20), name("bad-secret-huge-" + version)))) {
        ResponseBatchItem item =
            kmip.call(
                Operation.CREATE,
                Create.Request.of(ObjectType.SECRET_DATA.value(), refused).encode(kmip.version()));
        assertThat(item.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(item.resultReason())
            .as(item.resultMessage())
            .isIn(ResultReason.INVALID_FIELD.value(), ResultReason.INVALID_ATTRIBUTE_VALUE.value());
        TtlvStructure nameGiven =
            (TtlvStructure) Objects.requireNonNull(refused.first(Tag.NAME.code())).value();
        String nameValue =
            ((TtlvTextString) Objects.requireNonNull(nameGiven.first(Tag.NAME_VALUE.code())))
                .value();
        assertThat(located(kmip, nameValue)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4"})
  void createOfSecretDataIsInvalidBefore20(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      ResponseBatchItem item =
          kmip.call(
              Operation.CREATE,
              Create.Request.of(
                      ObjectType.SECRET_DATA.value(),
                      Attributes.of(length(256), name("old-secret-" + version)))
                  .encode(kmip.version()));
      assertThat(item.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
      assertThat(located(kmip, "old-secret-" + version)).isEmpty();
    }
  }

  // ---- Import with Replace Existing -----------------------------------------------------------

  private static SymmetricKey aesKey(byte[] bytes) {
    return new SymmetricKey(
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(bytes))),
            CryptographicAlgorithm.AES.value(),
            bytes.length * 8));
  }

  private static Import.Request importing(
      String uid,
      byte[] key,
      String nameValue,
      @org.jspecify.annotations.Nullable Boolean replace) {
    return new Import.Request(
        uid,
        ObjectType.SYMMETRIC_KEY.value(),
        replace,
        null,
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            length(key.length * 8),
            usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT),
            name(nameValue)),
        aesKey(key));
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  private static List<String> names(Attributes attributes) {
    return attributes.all(Tag.NAME.code()).stream()
        .map(a -> ((TtlvStructure) a.value()).first(Tag.NAME_VALUE.code()))
        .map(t -> ((TtlvTextString) t).value())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void importReplacesAnObjectOnlyWhenAskedAndOnlyForWhoMay(String version) throws Exception {
    String uid = "imported-" + version + "-" + HexFormat.of().formatHex(random(4));
    byte[] first = random(16);
    byte[] second = random(32);
    byte[] third = random(16);
    ProtocolVersion v = VersionedClient.version(version);
    try (VersionedClient owner = client(admin, version);
        VersionedClient other = client(user1, version)) {
      owner.ok(Operation.IMPORT, importing(uid, first, uid + "-a", null).encode(v));
      assertThat(materialBytes(get(owner, uid))).isEqualTo(first);

      for (Boolean flag : new Boolean[] {null, Boolean.FALSE}) {
        ResponseBatchItem refused =
            owner.call(Operation.IMPORT, importing(uid, second, uid + "-b", flag).encode(v));
        assertThat(refused.resultReason())
            .as(refused.resultMessage())
            .isEqualTo(ResultReason.OBJECT_ALREADY_EXISTS.value());
        assertThat(materialBytes(get(owner, uid))).isEqualTo(first);
      }

      owner.ok(Operation.IMPORT, importing(uid, second, uid + "-b", true).encode(v));
      assertThat(materialBytes(get(owner, uid))).isEqualTo(second);
      Attributes replaced = attributes(owner, uid);
      assertThat(names(replaced)).containsExactly(uid + "-b");
      assertThat(Objects.requireNonNull(replaced.first(Tag.CRYPTOGRAPHIC_LENGTH.code())).value())
          .isEqualTo(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256));

      // A user without a grant may not replace it, whatever the flag says.
      ResponseBatchItem stranger =
          other.call(Operation.IMPORT, importing(uid, third, uid + "-c", true).encode(v));
      assertThat(stranger.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(materialBytes(get(owner, uid))).isEqualTo(second);

      // Granted Import, it may; the object stays its owner's.
      owner.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", uid, Set.of(Operation.IMPORT)))
              .encode(v));
      other.ok(Operation.IMPORT, importing(uid, third, uid + "-c", true).encode(v));
      assertThat(materialBytes(get(owner, uid))).isEqualTo(third);
      assertThat(located(owner, uid + "-c")).containsExactly(uid);
    }
  }

  // ---- Digests of transparent keys ------------------------------------------------------------

  private static String register(VersionedClient kmip, ManagedObject object) throws Exception {
    return Register.Response.decode(
            kmip.ok(
                Operation.REGISTER,
                Register.Request.of(
                        object,
                        Attributes.of(
                            usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT)))
                    .encode(kmip.version())),
            kmip.version())
        .uniqueIdentifier();
  }

  private static List<Ttlv> digests(Attributes attributes) {
    return attributes.all(Tag.DIGEST.code()).stream().map(Attribute::value).toList();
  }

  /** The TTLV encoding of a key's transparent Key Material, which its Digest covers. */
  private static byte[] encodedMaterial(ManagedObject object) {
    KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(object.keyBlock()).keyValue();
    return TtlvWriter.toBytes(Objects.requireNonNull(plain).keyMaterial().encode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void aTransparentKeyHasTheDigestOfItsDefaultFormatToo(String version) throws Exception {
    try (VersionedClient kmip = client(admin, version)) {
      byte[] key = random(16);
      TtlvStructure material =
          TtlvStructure.of(Tag.KEY_MATERIAL.code(), TtlvByteString.of(Tag.KEY.code(), key));
      String uid =
          register(
              kmip,
              new SymmetricKey(
                  KeyBlock.of(
                      KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value(),
                      KeyValue.Plain.of(new KeyMaterial.Structured(material)),
                      CryptographicAlgorithm.AES.value(),
                      128)));
      assertThat(digests(attributes(kmip, uid)))
          .containsExactlyInAnyOrder(
              digest(TtlvWriter.toBytes(material), KeyFormatType.TRANSPARENT_SYMMETRIC_KEY),
              digest(key, KeyFormatType.RAW));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void exportInATransparentFormatCarriesThatFormatsDigest(String version) throws Exception {
    ProtocolVersion v = VersionedClient.version(version);
    try (VersionedClient kmip = client(admin, version)) {
      String uid = register(kmip, aesKey(random(32)));
      Export.Response exported =
          Export.Response.decode(
              kmip.ok(
                  Operation.EXPORT,
                  new Export.Request(
                          uid, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value(), null, null, null)
                      .encode(v)),
              v);
      assertThat(Objects.requireNonNull(exported.object().keyBlock()).keyFormatType())
          .isEqualTo(KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value());
      assertThat(digests(exported.attributes()))
          .contains(
              digest(encodedMaterial(exported.object()), KeyFormatType.TRANSPARENT_SYMMETRIC_KEY),
              digest(materialBytes(get(kmip, uid)), KeyFormatType.RAW));
    }
  }

  /** The digest the specification asks for: SHA-256 over the bytes, with the format named. */
  static Ttlv digest(byte[] covered, KeyFormatType format) throws Exception {
    return TtlvStructure.of(
        Tag.DIGEST.code(),
        new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()),
        TtlvByteString.of(
            Tag.DIGEST_VALUE.code(), MessageDigest.getInstance("SHA-256").digest(covered)),
        new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), format.value()));
  }
}

package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derive Key through the handler with keys in a real store, every method against published vectors
 * (RFC 6070 and RFC 7914 for PBKDF2, RFC 4231 for HMAC, RFC 5869 for HKDF, FIPS 180 for HASH, the
 * AWS documentation's signing key) or, for the SP 800-108 KDFs, against values computed apart from
 * this code by {@code src/test/python/derive_key_vectors.py} (Python's hmac and pyca/cryptography);
 * then the links, and each refusal with its Result Reason and nothing stored.
 */
class DeriveKeyHandlerTest {
  private static final int DERIVE = CryptographicUsageMask.DERIVE_KEY.value();

  @TempDir Path dir;
  private HandlerFixture fixture;
  private DeriveKeyHandler derive;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    derive = new DeriveKeyHandler(fixture.objects(), new SymmetricCipher(new SecureRandom()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static String ascii(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static ByteString bytes(String text) {
    return ByteString.copyOf(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static Attributes newKey(CryptographicAlgorithm algorithm, int bits) {
    return Attributes.of(
        Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  private static CryptographicParameters hash(HashingAlgorithm algorithm) {
    return new CryptographicParameters(
        null,
        null,
        algorithm.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private String derivedHex(
      String base, DerivationMethod method, DeriveKey.Parameters parameters, Attributes key) {
    return derivedHex(
        HandlerFixture.alice(), ObjectType.SYMMETRIC_KEY, List.of(base), method, parameters, key);
  }

  private String derivedHex(
      RequestContext context,
      ObjectType type,
      List<String> bases,
      DerivationMethod method,
      DeriveKey.Parameters parameters,
      Attributes attributes) {
    String uid = deriveUid(context, type.value(), bases, method.value(), parameters, attributes);
    return HexFormat.of().formatHex(material(uid));
  }

  private String deriveUid(
      RequestContext context,
      int type,
      List<String> bases,
      int method,
      DeriveKey.Parameters parameters,
      Attributes attributes) {
    ProtocolVersion version = context.protocolVersion();
    return DeriveKey.Response.decode(
            Wire.handle(
                derive,
                new DeriveKey.Request(type, bases, method, parameters, attributes).encode(version),
                context),
            version)
        .uniqueIdentifier();
  }

  /** The value of a derived Symmetric Key or Secret Data, read back from the store. */
  private byte[] material(String uid) {
    try (ObjectContent content = fixture.store().content(uid).orElseThrow()) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      KeyBlock block = Objects.requireNonNull(object.keyBlock(), "key block");
      KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(block.keyValue(), "value");
      return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
    }
  }

  private String secretData(String hex) {
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    SecretData object =
        new SecretData(
            SecretDataType.PASSWORD.value(),
            new KeyBlock(
                KeyFormatType.OPAQUE.value(),
                null,
                KeyValue.Plain.of(
                    new KeyMaterial.Bytes(ByteString.copyOf(HexFormat.of().parseHex(hex)))),
                null,
                null,
                null));
    String uid =
        Register.Response.decode(
                Wire.handle(
                    new RegisterHandler(fixture.store()),
                    Register.Request.of(
                            object,
                            Attributes.of(
                                Attribute.of(
                                    new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), DERIVE))))
                        .encode(version),
                    context),
                version)
            .uniqueIdentifier();
    Wire.handle(
        new ActivateHandler(fixture.objects()), new Activate.Request(uid).encode(version), context);
    return uid;
  }

  private static Attributes secretOf(int bits) {
    return Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  private static DeriveKey.Parameters data(
      @Nullable CryptographicParameters parameters, String... hex) {
    List<ByteString> items = new ArrayList<>();
    for (String item : hex) {
      items.add(ByteString.copyOf(HexFormat.of().parseHex(item)));
    }
    return new DeriveKey.Parameters(parameters, null, items, null, null);
  }

  private static CryptographicParameters cmac() {
    return new CryptographicParameters(
        BlockCipherMode.CMAC.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static DeriveKey.Parameters pbkdf2(@Nullable String salt, @Nullable Integer count) {
    return new DeriveKey.Parameters(
        hash(HashingAlgorithm.SHA_1), null, List.of(), salt == null ? null : bytes(salt), count);
  }

  /** HMAC by the JDK's provider, apart from the Bouncy Castle code the handler uses. */
  private static byte[] jdkHmac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  private static final String KEY_256 =
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  /** Label || 0x00 || Context, SP 800-108's fixed input, as KMIP's Derivation Data. */
  private static final String FIXED = ascii("arca-label") + "00" + ascii("arca-context");

  private static final String FEEDBACK_IV = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

  private String hmacSha256Key() {
    return RegisteredKeys.activeKey(
        fixture, KEY_256, CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
  }

  @Test
  void pbkdf2OfRfc6070() {
    String password =
        RegisteredKeys.activeKey(
            fixture, ascii("password"), CryptographicAlgorithm.HMAC_SHA1.value(), DERIVE, null);
    Attributes hmacSha1Key = newKey(CryptographicAlgorithm.HMAC_SHA1, 160);
    assertThat(derivedHex(password, DerivationMethod.PBKDF2, pbkdf2("salt", 1), hmacSha1Key))
        .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
    assertThat(derivedHex(password, DerivationMethod.PBKDF2, pbkdf2("salt", 4096), hmacSha1Key))
        .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
    String longer =
        RegisteredKeys.activeKey(
            fixture,
            ascii("passwordPASSWORDpassword"),
            CryptographicAlgorithm.HMAC_SHA1.value(),
            DERIVE,
            null);
    assertThat(
            derivedHex(
                longer,
                DerivationMethod.PBKDF2,
                pbkdf2("saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096),
                newKey(CryptographicAlgorithm.HMAC_SHA1, 200)))
        .isEqualTo("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
  }

  @Test
  void hmacDerivationUsesTheKeysHmac() {
    String base =
        RegisteredKeys.activeKey(
            fixture, ascii("Jefe"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    DeriveKey.Parameters data =
        new DeriveKey.Parameters(
            null, null, List.of(bytes("what do ya want for nothing?")), null, null);
    assertThat(
            derivedHex(base, DerivationMethod.HMAC, data, newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThatThrownBy(
            () ->
                derivedHex(
                    base, DerivationMethod.HMAC, data, newKey(CryptographicAlgorithm.AES, 512)))
        .satisfies(reason(ResultReason.INVALID_FIELD))
        .hasMessageContaining("256 bits");
  }

  @Test
  void encryptDerivationEncryptsTheDerivationData() {
    String base =
        RegisteredKeys.activeKey(
            fixture,
            "0123456789abcdef0123456789abcdef",
            CryptographicAlgorithm.AES.value(),
            DERIVE,
            null);
    CryptographicParameters ecb =
        new CryptographicParameters(
            BlockCipherMode.ECB.value(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    DeriveKey.Parameters data =
        new DeriveKey.Parameters(
            ecb,
            null,
            List.of(ByteString.copyOf(HexFormat.of().parseHex("01020304050607080910111213141516"))),
            null,
            null);
    assertThat(
            derivedHex(
                base, DerivationMethod.ENCRYPT, data, newKey(CryptographicAlgorithm.AES, 128)))
        .isEqualTo("d9bcce11b0b437b90239552df3a360c9");
  }

  @Test
  void pbkdf2WithHmacSha256OfRfc7914IntoSecretData() {
    String password =
        RegisteredKeys.activeKey(
            fixture, ascii("passwd"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(hash(HashingAlgorithm.SHA_256), null, List.of(), bytes("salt"), 1);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(password),
                DerivationMethod.PBKDF2,
                parameters,
                secretOf(512)))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void hashDerivationHashesTheKeyOfFips180() {
    String base =
        RegisteredKeys.activeKey(
            fixture, ascii("abc"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    assertThat(
            derivedHex(
                base,
                DerivationMethod.HASH,
                data(hash(HashingAlgorithm.SHA_256)),
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hmacKeyedByAnAesKeyOrSecretDataTakesTheHashFromTheParameters() {
    String jefe = ascii("Jefe");
    String aes =
        RegisteredKeys.activeKey(
            fixture, jefe + jefe + jefe + jefe, CryptographicAlgorithm.AES.value(), DERIVE, null);
    String secret = secretData(jefe);
    String rfc4231Case2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    DeriveKey.Parameters parameters =
        data(hash(HashingAlgorithm.SHA_256), ascii("what do ya want for nothing?"));
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SYMMETRIC_KEY,
                List.of(secret),
                DerivationMethod.HMAC,
                parameters,
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo(rfc4231Case2);
    assertThat(
            derivedHex(
                aes, DerivationMethod.HMAC, parameters, newKey(CryptographicAlgorithm.AES, 128)))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    jdkHmac(
                        "HmacSHA256",
                        HexFormat.of().parseHex(jefe + jefe + jefe + jefe),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .substring(0, 32));
  }

  @Test
  void counterModeWithHmacSha256() {
    assertThat(
            derivedHex(
                hmacSha256Key(),
                DerivationMethod.NIST800_108_C,
                data(hash(HashingAlgorithm.SHA_256), FIXED),
                newKey(CryptographicAlgorithm.HMAC_SHA256, 320)))
        .isEqualTo(
            "513e1384435e5eda032b7f2f0c8bc5ee33afb005991b7cb4da26764b9dfbb45dfeb24381f71ef827");
  }

  @Test
  void counterModeWithCmacAes() {
    String aes =
        RegisteredKeys.activeKey(
            fixture, KEY_256.substring(0, 32), CryptographicAlgorithm.AES.value(), DERIVE, null);
    assertThat(
            derivedHex(
                aes,
                DerivationMethod.NIST800_108_C,
                data(cmac(), FIXED),
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("b7062735900616f018cb72598b0c9e6497686e664306bcc561fac8add242af08");
  }

  @Test
  void feedbackModeStartsFromTheInitializationVector() {
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(
            hash(HashingAlgorithm.SHA_256),
            ByteString.copyOf(HexFormat.of().parseHex(FEEDBACK_IV)),
            List.of(ByteString.copyOf(HexFormat.of().parseHex(FIXED))),
            null,
            null);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(hmacSha256Key()),
                DerivationMethod.NIST800_108_F,
                parameters,
                secretOf(320)))
        .isEqualTo(
            "8a703dccf5a4fe617ad3c5bd7b5ee8076c8c3bb48a3549bf0f1813061a922cf60ef51589e685701b");
  }

  @Test
  void doublePipelineIterationMode() {
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(hmacSha256Key()),
                DerivationMethod.NIST800_108_DPI,
                data(hash(HashingAlgorithm.SHA_256), FIXED),
                secretOf(320)))
        .isEqualTo(
            "77fcaa739ba7d5bdfcfca50a86253bf588a137672689a9dafd778745489029d93f0f7756f238b542");
  }

  @Test
  void hkdfOfRfc5869CaseOne() {
    String ikm = secretData("0b".repeat(22));
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(
            hash(HashingAlgorithm.SHA_256),
            null,
            List.of(ByteString.copyOf(HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"))),
            ByteString.copyOf(HexFormat.of().parseHex("000102030405060708090a0b0c")),
            null);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(ikm),
                DerivationMethod.HKDF,
                parameters,
                secretOf(336)))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void awsSignatureVersion4SigningKeyOfTheAwsDocumentation() {
    String secret = secretData(ascii("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(secret),
                DerivationMethod.AWS_SIGNATURE_VERSION_4,
                data(null, ascii("20120215"), ascii("us-east-1"), ascii("iam")),
                secretOf(256)))
        .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  }

  @Test
  void derivationDataMayComeFromASecretDataObject() {
    String key = hmacSha256Key();
    String fixed = secretData(FIXED);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(key, fixed),
                DerivationMethod.NIST800_108_C,
                data(hash(HashingAlgorithm.SHA_256)),
                secretOf(320)))
        .isEqualTo(
            "513e1384435e5eda032b7f2f0c8bc5ee33afb005991b7cb4da26764b9dfbb45dfeb24381f71ef827");
  }

  @Test
  void theDerivedObjectAndItsBasesLinkEachOther() {
    String key = hmacSha256Key();
    String fixed = secretData(FIXED);
    RequestContext context = HandlerFixture.alice();
    String derived =
        deriveUid(
            context,
            ObjectType.SECRET_DATA.value(),
            List.of(key, fixed),
            DerivationMethod.NIST800_108_C.value(),
            data(hash(HashingAlgorithm.SHA_256)),
            secretOf(128));
    assertThat(links(derived, LinkType.DERIVATION_BASE_OBJECT_LINK)).containsExactly(key, fixed);
    assertThat(links(key, LinkType.DERIVED_KEY_LINK)).containsExactly(derived);
    assertThat(links(fixed, LinkType.DERIVED_KEY_LINK)).containsExactly(derived);
    assertThat(context.batch().idPlaceholder()).isEqualTo(derived);
  }

  private List<String> links(String uid, LinkType type) {
    List<String> linked = new ArrayList<>();
    for (Attribute link :
        fixture.store().find(uid).orElseThrow().attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString target) {
        linked.add(target.value());
      }
    }
    return linked;
  }

  private long stored() {
    return fixture.store().locate(ObjectQuery.all(1000)).size();
  }

  /** Derives, expecting a refusal for {@code expected} and nothing new in the store. */
  private void refused(
      ResultReason expected,
      String messagePart,
      RequestContext context,
      int type,
      List<String> bases,
      int method,
      DeriveKey.Parameters parameters,
      Attributes attributes) {
    long before = stored();
    assertThatThrownBy(() -> deriveUid(context, type, bases, method, parameters, attributes))
        .satisfies(reason(expected))
        .hasMessageContaining(messagePart);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void missingParametersAreInvalidFields() {
    String base = hmacSha256Key();
    int key = ObjectType.SYMMETRIC_KEY.value();
    Attributes aes = newKey(CryptographicAlgorithm.AES, 128);
    RequestContext alice = HandlerFixture.alice();
    int pbkdf2 = DerivationMethod.PBKDF2.value();
    refused(
        ResultReason.INVALID_FIELD,
        "Salt",
        alice,
        key,
        List.of(base),
        pbkdf2,
        pbkdf2(null, 1),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "IterationCount",
        alice,
        key,
        List.of(base),
        pbkdf2,
        pbkdf2("salt", null),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "DerivationData",
        alice,
        key,
        List.of(base),
        DerivationMethod.NIST800_108_F.value(),
        data(hash(HashingAlgorithm.SHA_256)),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "HashingAlgorithm",
        alice,
        key,
        List.of(secretData(KEY_256)),
        DerivationMethod.HASH.value(),
        data(null),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "Date, the Region and the Service",
        alice,
        key,
        List.of(base),
        DerivationMethod.AWS_SIGNATURE_VERSION_4.value(),
        data(null, ascii("20120215")),
        aes);
  }

  @Test
  void lengthsThatAreNotWholeBytesOrBeyondTheMethodAreInvalidFields() {
    String base = hmacSha256Key();
    RequestContext alice = HandlerFixture.alice();
    int key = ObjectType.SYMMETRIC_KEY.value();
    int hmac = DerivationMethod.HMAC.value();
    DeriveKey.Parameters parameters = data(null, FIXED);
    refused(
        ResultReason.INVALID_FIELD,
        "multiple of 8",
        alice,
        key,
        List.of(base),
        hmac,
        parameters,
        newKey(CryptographicAlgorithm.AES, 124));
    refused(
        ResultReason.INVALID_FIELD,
        "256 bits",
        alice,
        key,
        List.of(base),
        hmac,
        parameters,
        newKey(CryptographicAlgorithm.AES, 512));
    refused(
        ResultReason.INVALID_FIELD,
        "Cryptographic Length",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(base),
        hmac,
        parameters,
        Attributes.EMPTY);
  }

  @Test
  void baseObjectsOfTheWrongTypeAreInvalidObjectTypes() {
    String key = hmacSha256Key();
    String otherKey = hmacSha256Key();
    String secret = secretData(KEY_256);
    RequestContext alice = HandlerFixture.alice();
    refused(
        ResultReason.INVALID_OBJECT_TYPE,
        "holding the Derivation Data",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(key, otherKey),
        DerivationMethod.NIST800_108_C.value(),
        data(hash(HashingAlgorithm.SHA_256)),
        secretOf(128));
    refused(
        ResultReason.INVALID_OBJECT_TYPE,
        "needs a SymmetricKey",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(secret),
        DerivationMethod.ENCRYPT.value(),
        data(null, FIXED),
        secretOf(128));
    refused(
        ResultReason.INVALID_FIELD,
        "ObjectType",
        alice,
        ObjectType.PRIVATE_KEY.value(),
        List.of(key),
        DerivationMethod.HMAC.value(),
        data(null, FIXED),
        secretOf(128));
  }

  @Test
  void unknownMethodsAndMethodsOfLaterVersionsAreInvalidFields() {
    String base = hmacSha256Key();
    Attributes aes = newKey(CryptographicAlgorithm.AES, 128);
    int key = ObjectType.SYMMETRIC_KEY.value();
    refused(
        ResultReason.INVALID_FIELD,
        "0xb",
        HandlerFixture.alice(),
        key,
        List.of(base),
        0x0B,
        data(null, FIXED),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "0x80000001",
        HandlerFixture.alice(),
        key,
        List.of(base),
        0x80000001,
        data(null, FIXED),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "KMIP 1.4",
        HandlerFixture.context("alice", ProtocolVersion.V1_4),
        key,
        List.of(base),
        DerivationMethod.HKDF.value(),
        data(null, FIXED),
        aes);
    refused(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "AsymmetricKey",
        HandlerFixture.alice(),
        key,
        List.of(base),
        DerivationMethod.ASYMMETRIC_KEY.value(),
        data(null, FIXED),
        aes);
  }

  @Test
  void derivationDataInTheRequestAndInASecretDataIsInvalid() {
    refused(
        ResultReason.INVALID_FIELD,
        "one or the other",
        HandlerFixture.alice(),
        ObjectType.SECRET_DATA.value(),
        List.of(hmacSha256Key(), secretData(FIXED)),
        DerivationMethod.NIST800_108_C.value(),
        data(hash(HashingAlgorithm.SHA_256), FIXED),
        secretOf(128));
  }

  @Test
  void theIdPlaceholderDoesNotStandForTheDerivationKey() {
    String base = hmacSha256Key();
    RequestContext context = HandlerFixture.alice();
    context.batch().setIdPlaceholder(base);
    refused(
        ResultReason.INVALID_FIELD,
        "UniqueIdentifier",
        context,
        ObjectType.SYMMETRIC_KEY.value(),
        List.of(),
        DerivationMethod.HMAC.value(),
        data(null, FIXED),
        newKey(CryptographicAlgorithm.AES, 128));
  }

  @Test
  void aKeyWithoutDeriveKeyInItsMaskIsRefused() {
    String encryptOnly =
        RegisteredKeys.activeKey(
            fixture,
            ascii("password"),
            CryptographicAlgorithm.HMAC_SHA1.value(),
            CryptographicUsageMask.ENCRYPT.value(),
            null);
    refused(
        ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
        "DeriveKey",
        HandlerFixture.alice(),
        ObjectType.SYMMETRIC_KEY.value(),
        List.of(encryptOnly),
        DerivationMethod.PBKDF2.value(),
        pbkdf2("salt", 1),
        newKey(CryptographicAlgorithm.AES, 128));
  }
}

package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
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
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectContent;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Derive Key handler tests share: a real store with a handler over it, requests built from
 * the codec's records, and the derived value read back from the store.
 */
abstract class DeriveKeyTestBase {
  static final int DERIVE = CryptographicUsageMask.DERIVE_KEY.value();

  @TempDir Path dir;
  HandlerFixture fixture;
  DeriveKeyHandler derive;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    derive = new DeriveKeyHandler(fixture.objects(), new SymmetricCipher(new SecureRandom()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  static String ascii(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  static ByteString bytes(String text) {
    return ByteString.copyOf(text.getBytes(StandardCharsets.US_ASCII));
  }

  static Attributes newKey(CryptographicAlgorithm algorithm, int bits) {
    return Attributes.of(
        Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  static CryptographicParameters hash(HashingAlgorithm algorithm) {
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

  String derivedHex(
      String base, DerivationMethod method, DeriveKey.Parameters parameters, Attributes key) {
    return derivedHex(
        HandlerFixture.alice(), ObjectType.SYMMETRIC_KEY, List.of(base), method, parameters, key);
  }

  String derivedHex(
      RequestContext context,
      ObjectType type,
      List<String> bases,
      DerivationMethod method,
      DeriveKey.Parameters parameters,
      Attributes attributes) {
    String uid = deriveUid(context, type.value(), bases, method.value(), parameters, attributes);
    return HexFormat.of().formatHex(material(uid));
  }

  String deriveUid(
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
  byte[] material(String uid) {
    try (ObjectContent content = fixture.store().content(uid).orElseThrow()) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      KeyBlock block = Objects.requireNonNull(object.keyBlock(), "key block");
      KeyValue.Plain plain = (KeyValue.Plain) Objects.requireNonNull(block.keyValue(), "value");
      return ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray();
    }
  }

  String secretData(String hex) {
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

  static Attributes secretOf(int bits) {
    return Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  static DeriveKey.Parameters data(@Nullable CryptographicParameters parameters, String... hex) {
    List<ByteString> items = new ArrayList<>();
    for (String item : hex) {
      items.add(ByteString.copyOf(HexFormat.of().parseHex(item)));
    }
    return new DeriveKey.Parameters(parameters, null, items, null, null);
  }

  static CryptographicParameters cmac() {
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

  static DeriveKey.Parameters pbkdf2(@Nullable String salt, @Nullable Integer count) {
    return new DeriveKey.Parameters(
        hash(HashingAlgorithm.SHA_1), null, List.of(), salt == null ? null : bytes(salt), count);
  }

  /** HMAC by the JDK's provider, apart from the Bouncy Castle code the handler uses. */
  static byte[] jdkHmac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  static final String KEY_256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  /** Label || 0x00 || Context, SP 800-108's fixed input, as KMIP's Derivation Data. */
  static final String FIXED = ascii("arca-label") + "00" + ascii("arca-context");

  static final String FEEDBACK_IV = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

  String hmacSha256Key() {
    return RegisteredKeys.activeKey(
        fixture, KEY_256, CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
  }
}

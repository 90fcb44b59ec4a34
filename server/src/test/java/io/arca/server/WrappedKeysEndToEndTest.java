package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.EncodingOption;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KeyWrapType;
import io.arca.kmip.NameType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.EncryptionKeyInformation;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingData;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key wrapping honours the Encoding Option (KMIP 1.4 §2.1.5, 2.1 §3.3 and §11.18) over mutual TLS,
 * in every version that has it: No Encoding leaves a Key Value structure whose Key Material holds
 * the wrapped key bytes, TTLV Encoding (and no option) wraps the TTLV-encoded Key Value into a Byte
 * String; a key registered wrapped in either form is stored as registered and unwrapped right.
 */
class WrappedKeysEndToEndTest {
  private static final SecureRandom RANDOM = new SecureRandom();

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

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  private static Attribute usage(CryptographicUsageMask... masks) {
    int mask = 0;
    for (CryptographicUsageMask m : masks) {
      mask |= m.value();
    }
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  private static Attribute name(String value) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), value),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  private static SymmetricKey aes(KeyValue value, @Nullable KeyWrappingData wrapping, int bits) {
    return new SymmetricKey(
        new KeyBlock(
            KeyFormatType.RAW.value(),
            null,
            value,
            CryptographicAlgorithm.AES.value(),
            bits,
            wrapping));
  }

  private static KeyValue.Plain plain(byte[] bytes) {
    return KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(bytes)));
  }

  private static EncryptionKeyInformation under(String kek) {
    CryptographicParameters nistKeyWrap =
        new CryptographicParameters(
            BlockCipherMode.NISTKEYWRAP.value(),
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
    return new EncryptionKeyInformation(kek, nistKeyWrap);
  }

  private static String register(VersionedClient kmip, ManagedObject object, Attribute... given)
      throws Exception {
    return Register.Response.decode(
            kmip.ok(
                Operation.REGISTER,
                Register.Request.of(object, Attributes.of(given)).encode(kmip.version())),
            kmip.version())
        .uniqueIdentifier();
  }

  private static byte[] kw(boolean wrap, byte[] kek, byte[] input) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
    cipher.init(wrap ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"));
    return cipher.doFinal(input);
  }

  private static ManagedObject get(VersionedClient kmip, Get.Request request) throws Exception {
    return Get.Response.decode(
            kmip.ok(Operation.GET, request.encode(kmip.version())), kmip.version())
        .object();
  }

  private static Get.Request wrappedBy(String uid, String kek, @Nullable Integer encoding) {
    return new Get.Request(
        uid,
        null,
        null,
        null,
        new KeyWrappingSpecification(
            WrappingMethod.ENCRYPT.value(), under(kek), null, List.of(), encoding));
  }

  private static KeyBlock block(ManagedObject object) {
    return Objects.requireNonNull(object.keyBlock(), "key block");
  }

  private static byte[] clear(ManagedObject object) {
    KeyValue.Plain value = (KeyValue.Plain) Objects.requireNonNull(block(object).keyValue());
    return ((KeyMaterial.Bytes) value.keyMaterial()).value().toByteArray();
  }

  /** A wrapping key, active, and its bytes. */
  private static final class Kek {
    private final String uid;
    private final byte[] bytes;

    Kek(String uid, byte[] bytes) {
      this.uid = uid;
      this.bytes = bytes;
    }

    String uid() {
      return uid;
    }

    byte[] bytes() {
      return bytes;
    }
  }

  private static Kek kek(VersionedClient kmip) throws Exception {
    byte[] bytes = random(32);
    String uid =
        register(
            kmip,
            aes(plain(bytes), null, 256),
            usage(CryptographicUsageMask.WRAP_KEY, CryptographicUsageMask.UNWRAP_KEY));
    kmip.ok(Operation.ACTIVATE, new Activate.Request(uid).encode(kmip.version()));
    return new Kek(uid, bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void getWrapsTheKeyAsTheEncodingOptionSays(String version) throws Exception {
    try (VersionedClient kmip =
        new VersionedClient(admin, server.port(), VersionedClient.version(version))) {
      Kek kek = kek(kmip);
      byte[] key = random(16);
      String uid =
          register(
              kmip,
              aes(plain(key), null, 128),
              usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT));

      // No Encoding: a Key Value structure whose Key Material is the wrapped key bytes.
      ManagedObject bare = get(kmip, wrappedBy(uid, kek.uid(), EncodingOption.NO_ENCODING.value()));
      KeyBlock block = block(bare);
      assertThat(Objects.requireNonNull(block.keyWrappingData()).encodingOption())
          .isEqualTo(EncodingOption.NO_ENCODING.value());
      assertThat(block.keyValue()).isInstanceOf(KeyValue.Plain.class);
      assertThat(((KeyValue.Plain) Objects.requireNonNull(block.keyValue())).attributes().items())
          .isEmpty();
      assertThat(kw(false, kek.bytes(), clear(bare))).isEqualTo(key);

      // TTLV Encoding, and no option at all: the wrapped TTLV encoding of the Key Value.
      for (Integer encoding : new Integer[] {EncodingOption.TTLV_ENCODING.value(), null}) {
        ManagedObject encoded = get(kmip, wrappedBy(uid, kek.uid(), encoding));
        KeyValue wrapped = block(encoded).keyValue();
        assertThat(wrapped).isInstanceOf(KeyValue.Wrapped.class);
        byte[] unwrapped =
            kw(
                false,
                kek.bytes(),
                ((KeyValue.Wrapped) Objects.requireNonNull(wrapped)).bytes().toByteArray());
        TtlvStructure value = (TtlvStructure) TtlvReader.read(unwrapped, DecodeLimits.DEFAULTS);
        assertThat(value.tag()).isEqualTo(Tag.KEY_VALUE.code());
        assertThat(value.first(Tag.KEY_MATERIAL.code()))
            .isEqualTo(TtlvByteString.of(Tag.KEY_MATERIAL.code(), key));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void aKeyRegisteredWrappedInEitherFormIsUnwrapped(String version) throws Exception {
    ProtocolVersion v = VersionedClient.version(version);
    try (VersionedClient kmip = new VersionedClient(admin, server.port(), v)) {
      Kek kek = kek(kmip);
      Attribute use = usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT);

      byte[] bareKey = random(16);
      KeyValue bareValue = plain(kw(true, kek.bytes(), bareKey));
      String bare =
          register(
              kmip,
              aes(
                  bareValue,
                  new KeyWrappingData(
                      WrappingMethod.ENCRYPT.value(),
                      under(kek.uid()),
                      null,
                      null,
                      null,
                      EncodingOption.NO_ENCODING.value()),
                  128),
              use);

      byte[] encodedKey = random(32);
      byte[] keyValue = TtlvWriter.toBytes(plain(encodedKey).encode(v));
      String encoded =
          register(
              kmip,
              aes(
                  new KeyValue.Wrapped(ByteString.copyOf(kw(true, kek.bytes(), keyValue))),
                  new KeyWrappingData(
                      WrappingMethod.ENCRYPT.value(),
                      under(kek.uid()),
                      null,
                      null,
                      null,
                      EncodingOption.TTLV_ENCODING.value()),
                  256),
              use);

      // As registered: the same form back.
      ManagedObject asRegistered = get(kmip, Get.Request.of(bare));
      assertThat(block(asRegistered).keyValue()).isEqualTo(bareValue);
      assertThat(block(get(kmip, Get.Request.of(encoded))).keyValue())
          .isInstanceOf(KeyValue.Wrapped.class);

      if (v.isAtLeast(ProtocolVersion.V1_4)) {
        for (String uid : List.of(bare, encoded)) {
          ManagedObject unwrapped =
              get(kmip, new Get.Request(uid, null, KeyWrapType.NOT_WRAPPED.value(), null, null));
          assertThat(block(unwrapped).keyWrappingData()).isNull();
          assertThat(clear(unwrapped)).isEqualTo(uid.equals(bare) ? bareKey : encodedKey);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1.4", "2.0", "2.1"})
  void aWrappedKeyTheEncodingOptionCannotDescribeIsNotStored(String version) throws Exception {
    ProtocolVersion v = VersionedClient.version(version);
    try (VersionedClient kmip = new VersionedClient(admin, server.port(), v)) {
      Kek kek = kek(kmip);
      byte[] wrapped = kw(true, kek.bytes(), random(16));
      KeyValue withAttributes =
          new KeyValue.Plain(
              new KeyMaterial.Bytes(ByteString.copyOf(wrapped)),
              Attributes.of(
                  Attribute.of(
                      new TtlvEnumeration(
                          Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                          CryptographicAlgorithm.AES.value()))));
      int[] options = {EncodingOption.NO_ENCODING.value(), 0x7F};
      KeyValue[] values = {withAttributes, plain(wrapped)};
      for (int i = 0; i < options.length; i++) {
        String label = "refused-wrap-" + version + "-" + i;
        ResponseBatchItem item =
            kmip.call(
                Operation.REGISTER,
                Register.Request.of(
                        aes(
                            values[i],
                            new KeyWrappingData(
                                WrappingMethod.ENCRYPT.value(),
                                under(kek.uid()),
                                null,
                                null,
                                null,
                                options[i]),
                            128),
                        Attributes.of(name(label)))
                    .encode(v));
        assertThat(item.resultReason())
            .as(item.resultMessage())
            .isEqualTo(ResultReason.ENCODING_OPTION_ERROR.value());
        assertThat(
                Locate.Response.decode(
                        kmip.ok(
                            Operation.LOCATE,
                            Locate.Request.of(Attributes.of(name(label))).encode(v)),
                        v)
                    .uniqueIdentifiers())
            .isEmpty();
      }
    }
  }
}

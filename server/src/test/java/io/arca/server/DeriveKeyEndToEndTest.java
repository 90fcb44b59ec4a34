package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Derivation Method over mutual TLS at each version from 1.2 (the first with Encrypt) to 2.1:
 * the derived AES key encrypts one block as the key the published vectors give would (the values
 * are those of {@code DeriveKeyHandlerTest}, where they are cited); HKDF and AWS Signature Version
 * 4 from 2.0, which defines them. A derivation without its parameters is refused with Invalid Field
 * and stores nothing.
 */
class DeriveKeyEndToEndTest {
  private static final int DERIVE = CryptographicUsageMask.DERIVE_KEY.value();
  private static final byte[] BLOCK = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  @TempDir static java.nio.file.Path dir;
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

  private record Client(SSLSocket socket, ProtocolVersion version) {
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

    String registerActive(ManagedObject object) throws IOException {
      Attributes mask =
          Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), DERIVE)));
      String uid =
          Register.Response.decode(
                  ok(Operation.REGISTER, Register.Request.of(object, mask).encode(version)),
                  version)
              .uniqueIdentifier();
      ok(Operation.ACTIVATE, new Activate.Request(uid).encode(version));
      return uid;
    }

    DeriveKey.Request derivation(
        String base, DerivationMethod method, DeriveKey.Parameters parameters) {
      Attributes aes =
          Attributes.of(
              Attribute.of(
                  new TtlvEnumeration(
                      Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
              Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
              Attribute.of(
                  new TtlvInteger(
                      Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                      CryptographicUsageMask.ENCRYPT.value())));
      return new DeriveKey.Request(
          ObjectType.SYMMETRIC_KEY.value(), List.of(base), method.value(), parameters, aes);
    }

    /**
     * Derives an AES-128 key, activates it and encrypts {@link #BLOCK} with it in ECB: in the
     * server, or (before 1.2, which brought Encrypt) in the JDK with the key fetched by Get.
     */
    String encryptedWithDerived(String base, DerivationMethod method, DeriveKey.Parameters p)
        throws Exception {
      String uid =
          DeriveKey.Response.decode(
                  ok(Operation.DERIVE_KEY, derivation(base, method, p).encode(version)), version)
              .uniqueIdentifier();
      ok(Operation.ACTIVATE, new Activate.Request(uid).encode(version));
      if (!version.isAtLeast(ProtocolVersion.V1_2)) {
        ManagedObject got =
            Get.Response.decode(ok(Operation.GET, Get.Request.of(uid).encode(version)), version)
                .object();
        KeyValue.Plain plain =
            (KeyValue.Plain)
                Objects.requireNonNull(Objects.requireNonNull(got.keyBlock()).keyValue());
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(
            Cipher.ENCRYPT_MODE,
            new SecretKeySpec(
                ((KeyMaterial.Bytes) plain.keyMaterial()).value().toByteArray(), "AES"));
        return HexFormat.of().formatHex(aes.doFinal(BLOCK));
      }
      Encrypt.Response encrypted =
          Encrypt.Response.decode(
              ok(
                  Operation.ENCRYPT,
                  new Encrypt.Request(
                          uid, ecb(), ByteString.copyOf(BLOCK), null, null, null, null, null)
                      .encode(version)),
              version);
      return HexFormat.of().formatHex(Objects.requireNonNull(encrypted.data()).toByteArray());
    }

    int objects() throws IOException {
      return Locate.Response.decode(
              ok(Operation.LOCATE, Locate.Request.of(Attributes.EMPTY).encode(version)), version)
          .uniqueIdentifiers()
          .size();
    }
  }

  private static CryptographicParameters parameters(
      @Nullable Integer mode, @Nullable Integer padding, @Nullable Integer hash) {
    return new CryptographicParameters(
        mode, padding, hash, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  private static CryptographicParameters ecb() {
    return parameters(BlockCipherMode.ECB.value(), PaddingMethod.NONE.value(), null);
  }

  private static CryptographicParameters sha256() {
    return parameters(null, null, HashingAlgorithm.SHA_256.value());
  }

  private static ByteString hex(String hex) {
    return ByteString.copyOf(HexFormat.of().parseHex(hex));
  }

  private static ByteString ascii(String text) {
    return ByteString.copyOf(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static SymmetricKey key(ByteString bytes, CryptographicAlgorithm algorithm) {
    return new SymmetricKey(
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(bytes)),
            algorithm.value(),
            bytes.length() * 8));
  }

  private static SecretData secret(ByteString bytes) {
    return new SecretData(
        SecretDataType.PASSWORD.value(),
        new KeyBlock(
            KeyFormatType.OPAQUE.value(),
            null,
            KeyValue.Plain.of(new KeyMaterial.Bytes(bytes)),
            null,
            null,
            null));
  }

  /** AES-ECB of {@link #BLOCK} under the first 16 bytes of {@code expectedKeyHex}, by the JDK. */
  private static String expected(String expectedKeyHex) throws Exception {
    Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(HexFormat.of().parseHex(expectedKeyHex.substring(0, 32)), "AES"));
    return HexFormat.of().formatHex(aes.doFinal(BLOCK));
  }

  private static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  private static DeriveKey.Parameters data(@Nullable CryptographicParameters p, ByteString... d) {
    return new DeriveKey.Parameters(p, null, List.of(d), null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void everyMethodDerivesTheKeyItsVectorsGive(String versionText) throws Exception {
    ProtocolVersion v = version(versionText);
    ByteString fixed =
        hex(
            HexFormat.of().formatHex("arca-label".getBytes(StandardCharsets.US_ASCII))
                + "00"
                + HexFormat.of().formatHex("arca-context".getBytes(StandardCharsets.US_ASCII)));
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);
      String kdfKey =
          client.registerActive(
              key(
                  hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
                  CryptographicAlgorithm.HMAC_SHA256));
      List<String[]> cases = new ArrayList<>();
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                client.registerActive(key(ascii("passwd"), CryptographicAlgorithm.HMAC_SHA256)),
                DerivationMethod.PBKDF2,
                new DeriveKey.Parameters(sha256(), null, List.of(), ascii("salt"), 1)),
            expected("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                client.registerActive(key(ascii("abc"), CryptographicAlgorithm.HMAC_SHA256)),
                DerivationMethod.HASH,
                data(sha256())),
            expected("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                client.registerActive(key(ascii("Jefe"), CryptographicAlgorithm.HMAC_SHA256)),
                DerivationMethod.HMAC,
                data(null, ascii("what do ya want for nothing?"))),
            expected("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                client.registerActive(
                    key(hex("0123456789abcdef0123456789abcdef"), CryptographicAlgorithm.AES)),
                DerivationMethod.ENCRYPT,
                data(ecb(), hex("01020304050607080910111213141516"))),
            expected("d9bcce11b0b437b90239552df3a360c9")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                kdfKey, DerivationMethod.NIST800_108_C, data(sha256(), fixed)),
            expected("513e1384435e5eda032b7f2f0c8bc5ee33afb005991b7cb4da26764b9dfbb45d")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                kdfKey,
                DerivationMethod.NIST800_108_F,
                new DeriveKey.Parameters(
                    sha256(), hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), List.of(fixed), null, null)),
            expected("8a703dccf5a4fe617ad3c5bd7b5ee8076c8c3bb48a3549bf0f1813061a922cf6")
          });
      cases.add(
          new String[] {
            client.encryptedWithDerived(
                kdfKey, DerivationMethod.NIST800_108_DPI, data(sha256(), fixed)),
            expected("77fcaa739ba7d5bdfcfca50a86253bf588a137672689a9dafd778745489029d9")
          });
      if (v.isAtLeast(ProtocolVersion.V2_0)) {
        cases.add(
            new String[] {
              client.encryptedWithDerived(
                  client.registerActive(secret(hex("0b".repeat(22)))),
                  DerivationMethod.HKDF,
                  new DeriveKey.Parameters(
                      sha256(),
                      null,
                      List.of(hex("f0f1f2f3f4f5f6f7f8f9")),
                      hex("000102030405060708090a0b0c"),
                      null)),
              expected("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf")
            });
        cases.add(
            new String[] {
              client.encryptedWithDerived(
                  client.registerActive(secret(ascii("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))),
                  DerivationMethod.AWS_SIGNATURE_VERSION_4,
                  data(null, ascii("20120215"), ascii("us-east-1"), ascii("iam"))),
              expected("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
            });
      }
      for (String[] pair : cases) {
        assertThat(pair[0]).as(versionText).isEqualTo(pair[1]);
      }
      assertThat(cases).hasSize(v.isAtLeast(ProtocolVersion.V2_0) ? 9 : 7);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void aDerivationWithoutItsParametersIsInvalidAndStoresNothing(String versionText)
      throws Exception {
    ProtocolVersion v = version(versionText);
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);
      String base = client.registerActive(key(ascii("passwd"), CryptographicAlgorithm.HMAC_SHA256));
      int before = client.objects();
      ResponseBatchItem refused =
          client.send(
              Operation.DERIVE_KEY,
              client
                  .derivation(
                      base,
                      DerivationMethod.PBKDF2,
                      new DeriveKey.Parameters(sha256(), null, List.of(), null, 1))
                  .encode(v));
      assertThat(refused.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(refused.resultReason())
          .as(refused.resultMessage())
          .isEqualTo(ResultReason.INVALID_FIELD.value());
      assertThat(client.objects()).isEqualTo(before);
    }
  }
}

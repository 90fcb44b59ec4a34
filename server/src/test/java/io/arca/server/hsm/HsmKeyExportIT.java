package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmCall;
import io.arca.hsm.HsmSlot;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.EncodingOption;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KeyWrapType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.EncryptionKeyInformation;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingData;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.testing.TokenImplementation;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What leaves the HSM through Get, and what the HSM wraps and unwraps, end to end over mutual TLS
 * on both token implementations, all through the key port: a sensitive key is refused with the
 * Result Reason of the client's protocol version (KMIP 1.4 §11.12 and 2.1 §6.1.19.1 name Sensitive;
 * before 1.4, which lacks it, Permission Denied stands for it, as for a sensitive stored key), also
 * when a Key Wrapping Specification names a key outside its token; it leaves wrapped by C_WrapKey
 * under a key of its own slot; a stored key is wrapped by an HSM key and, registered wrapped,
 * unwrapped by it; an HSM RSA public key wraps by C_WrapKey in its token, with the OAEP hashes the
 * token implements, and its private key unwraps there. opencryptoki's software token has no AES key
 * wrap with padding, and says so.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmKeyExportIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmKeyExportIT(TokenImplementation implementation) {
    this.implementation = implementation;
  }

  @BeforeEach
  void serverRunsOnThisImplementation() {
    assertThat(hsm.tokens().implementation()).isEqualTo(implementation);
  }

  @BeforeParameterizedClassInvocation
  static void start(TokenImplementation implementation) throws Exception {
    hsm = HsmTestServer.start(dir, implementation);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  /** An {@code hsm::} identifier on the first slot, unique to this run. */
  private static String hsmId(String name) {
    return "hsm::" + hsm.tokens().slot1() + "::" + name + hsm.run();
  }

  @Test
  void aSensitiveHsmKeyIsRefusedWithTheReasonOfEachVersion() throws Exception {
    String key = hsmId("get-sensitive");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(key, 256, true, null));
    }
    Map<ProtocolVersion, ResultReason> expected =
        Map.of(
            ProtocolVersion.V1_0, ResultReason.PERMISSION_DENIED,
            ProtocolVersion.V1_2, ResultReason.PERMISSION_DENIED,
            ProtocolVersion.V1_4, ResultReason.SENSITIVE,
            ProtocolVersion.V2_0, ResultReason.SENSITIVE,
            ProtocolVersion.V2_1, ResultReason.SENSITIVE);
    for (Map.Entry<ProtocolVersion, ResultReason> each : expected.entrySet()) {
      ProtocolVersion version = each.getKey();
      try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
        ResponseBatchItem refused = client.call(Operation.GET, Get.Request.of(key).encode(version));
        assertThat(refused.resultStatus())
            .as("%s: %s", version, refused.resultMessage())
            .isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(refused.resultReason())
            .as("%s: %s", version, refused.resultMessage())
            .isEqualTo(each.getValue().value());
        assertThat(refused.resultMessage()).contains(key).contains("sensitive");
      }
    }
  }

  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  /** Sensitive from 1.4, which defined it; Permission Denied stands for it before. */
  private static ResultReason sensitiveIn(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V1_4)
        ? ResultReason.SENSITIVE
        : ResultReason.PERMISSION_DENIED;
  }

  private static CryptographicParameters keyWrapPadding() {
    return HsmRequests.params(BlockCipherMode.AESKEYWRAPPADDING, null, null);
  }

  private static KeyWrappingSpecification wrappedBy(String wrappingKey) {
    return new KeyWrappingSpecification(
        WrappingMethod.ENCRYPT.value(),
        new EncryptionKeyInformation(wrappingKey, keyWrapPadding()),
        null,
        List.of(),
        null);
  }

  private static TtlvStructure getWrapped(
      String uid, KeyWrappingSpecification specification, ProtocolVersion version) {
    return new Get.Request(uid, null, null, null, specification).encode(version);
  }

  /** A stored AES key of the admin's, Active, that may wrap and unwrap. */
  private static String storedKek(KmipTestClient client) throws Exception {
    Attributes attributes =
        HsmRequests.with(
            HsmRequests.aesAttributes(null, 256, false),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.WRAP_KEY.value()
                        | CryptographicUsageMask.UNWRAP_KEY.value())));
    return Create.Response.decode(
            client.ok(
                Operation.CREATE,
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V2_1)),
            V2_1)
        .uniqueIdentifier();
  }

  @Test
  void aSensitiveHsmKeyNeverLeavesEvenWrappedWithTheReasonOfEachVersion() throws Exception {
    // HSM keys are sensitive and not extractable, or neither: wrapped or not, this one stays.
    String key = hsmId("never-leaves");
    String kek;
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(key, 256, true, null));
      kek = storedKek(client);
    }
    for (ProtocolVersion version : VERSIONS) {
      try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
        ResponseBatchItem refused =
            client.call(Operation.GET, getWrapped(key, wrappedBy(kek), version));
        assertThat(refused.resultReason())
            .as("%s: %s", version, refused.resultMessage())
            .isEqualTo(
                (version.isAtLeast(ProtocolVersion.V1_4)
                        ? ResultReason.NOT_EXTRACTABLE
                        : ResultReason.PERMISSION_DENIED)
                    .value());
        assertThat(refused.resultMessage()).contains(key).contains("not extractable");
      }
    }
  }

  @Test
  void aStoredKeyAskedWrappedBySensitiveHsmKeyItCannotUseIsRefusedWithTheReasonOfEachVersion()
      throws Exception {
    // NIST Key Wrap (the default) is no mechanism of the token, and the key's value cannot leave
    // it to wrap in software: the sensitive key's refusal, in the client's version.
    String kek = hsmId("nist-kek");
    String stored;
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(kek, 256, true, null));
      stored = storedKek(client);
    }
    for (ProtocolVersion version : VERSIONS) {
      KeyWrappingSpecification nistKeyWrap =
          new KeyWrappingSpecification(
              WrappingMethod.ENCRYPT.value(),
              new EncryptionKeyInformation(kek, null),
              null,
              List.of(),
              null);
      try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
        ResponseBatchItem refused =
            client.call(Operation.GET, getWrapped(stored, nistKeyWrap, version));
        assertThat(refused.resultStatus())
            .as("%s: %s", version, refused.resultMessage())
            .isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(refused.resultReason())
            .as("%s: %s", version, refused.resultMessage())
            .isEqualTo(sensitiveIn(version).value());
        assertThat(refused.resultMessage()).contains(kek).contains("sensitive");
      }
    }
  }

  @Test
  void aStoredKeyWrappedByAnHsmKeyIsUnwrappedByItInTheToken() throws Exception {
    String kek = hsmId("stored-kek");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(kek, 256, true, null));
      String stored = storedKek(client);
      TtlvStructure request = getWrapped(stored, wrappedBy(kek), V2_1);
      if (!implementation.aesKeyWrapPad()) {
        // No key wrap with padding in the token, and the sensitive key cannot leave it.
        HsmRequests.assertRefused(client, Operation.GET, request, ResultReason.SENSITIVE, "no KWP");
        return;
      }
      ManagedObject wrapped = Get.Response.decode(client.ok(Operation.GET, request), V2_1).object();
      assertThat(Objects.requireNonNull(wrapped.keyBlock()).keyValue())
          .isInstanceOf(KeyValue.Wrapped.class);
      String registered =
          Register.Response.decode(
                  client.ok(
                      Operation.REGISTER,
                      Register.Request.of(wrapped, Attributes.of()).encode(V2_1)),
                  V2_1)
              .uniqueIdentifier();
      byte[] unwrapped =
          HsmRequests.keyBytes(
              client.ok(
                  Operation.GET,
                  new Get.Request(registered, null, KeyWrapType.NOT_WRAPPED.value(), null, null)
                      .encode(V2_1)));
      assertThat(unwrapped)
          .isEqualTo(HsmRequests.keyBytes(client.ok(Operation.GET, get(stored, null))));
    }
  }

  /** Wrapped by {@code wrappingKey} with {@code parameters}, the bare key bytes (No Encoding). */
  private static KeyWrappingSpecification bareWrappedBy(
      String wrappingKey, CryptographicParameters parameters) {
    return new KeyWrappingSpecification(
        WrappingMethod.ENCRYPT.value(),
        new EncryptionKeyInformation(wrappingKey, parameters),
        null,
        List.of(),
        EncodingOption.NO_ENCODING.value());
  }

  @Test
  void anHsmPublicKeyWrapsInItsTokenAndItsPrivateKeyUnwrapsThere() throws Exception {
    String pair = hsmId("rsa-kek");
    String publicKey = pair + HsmSlot.PUBLIC_KEY_SUFFIX;
    HsmSlot slot = hsm.slot(pair);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      // Not sensitive, so that the wrapped bytes can be checked outside the token too.
      HsmRequests.createRsa(client, pair, 2048, false);
      String stored = storedKek(client);
      byte[] clear = HsmRequests.keyBytes(client.ok(Operation.GET, get(stored, null)));
      byte[] pkcs8 =
          HsmRequests.keyBytes(client.ok(Operation.GET, get(pair, KeyFormatType.PKCS_8)));
      PrivateKey jcaPrivate =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      List<HashingAlgorithm> hashes =
          implementation.rsaOaepSha256()
              ? List.of(HashingAlgorithm.SHA_1, HashingAlgorithm.SHA_256)
              : List.of(HashingAlgorithm.SHA_1);
      for (HashingAlgorithm hash : hashes) {
        CryptographicParameters oaep = HsmRequests.oaep(hash);
        long wrapsBefore = slot.calls(HsmCall.WRAP);
        TtlvStructure answer =
            client.ok(Operation.GET, getWrapped(stored, bareWrappedBy(publicKey, oaep), V2_1));
        assertThat(slot.calls(HsmCall.WRAP) - wrapsBefore).as("%s", hash).isEqualTo(1);
        byte[] wrapped = HsmRequests.keyBytes(answer);
        assertThat(wrapped).hasSize(256).isNotEqualTo(clear);

        // Outside the token: JCE's RSA-OAEP with the same hash, MGF1 with it too.
        String name = hash == HashingAlgorithm.SHA_1 ? "SHA-1" : "SHA-256";
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(
            Cipher.DECRYPT_MODE,
            jcaPrivate,
            new OAEPParameterSpec(
                name, "MGF1", new MGF1ParameterSpec(name), PSource.PSpecified.DEFAULT));
        assertThat(cipher.doFinal(wrapped)).as("%s", hash).isEqualTo(clear);

        // Inside the token: registered as wrapped for the private key, then read unwrapped.
        KeyBlock block =
            Objects.requireNonNull(Get.Response.decode(answer, V2_1).object().keyBlock());
        ManagedObject object =
            new SymmetricKey(
                new KeyBlock(
                    block.keyFormatType(),
                    block.keyCompressionType(),
                    block.keyValue(),
                    block.cryptographicAlgorithm(),
                    block.cryptographicLength(),
                    new KeyWrappingData(
                        WrappingMethod.ENCRYPT.value(),
                        new EncryptionKeyInformation(pair, oaep),
                        null,
                        null,
                        null,
                        EncodingOption.NO_ENCODING.value())));
        String registered =
            Register.Response.decode(
                    client.ok(
                        Operation.REGISTER,
                        Register.Request.of(object, Attributes.of()).encode(V2_1)),
                    V2_1)
                .uniqueIdentifier();
        long decryptsBefore = slot.calls(HsmCall.DECRYPT);
        byte[] unwrapped =
            HsmRequests.keyBytes(
                client.ok(
                    Operation.GET,
                    new Get.Request(registered, null, KeyWrapType.NOT_WRAPPED.value(), null, null)
                        .encode(V2_1)));
        assertThat(unwrapped).as("%s", hash).isEqualTo(clear);
        assertThat(slot.calls(HsmCall.DECRYPT) - decryptsBefore).as("%s", hash).isEqualTo(1);
      }
    }
  }

  @Test
  void whatTheTokenCannotWrapWithAnHsmPublicKeyIsRefusedWithTheSpecsReason() throws Exception {
    String pair = hsmId("rsa-refusals");
    String publicKey = pair + HsmSlot.PUBLIC_KEY_SUFFIX;
    HsmSlot slot = hsm.slot(pair);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      HsmRequests.createRsa(client, pair, 2048, true);
      String stored = storedKek(client);
      long wrapsBefore = slot.calls(HsmCall.WRAP);
      if (!implementation.rsaOaepSha256()) {
        HsmRequests.assertRefused(
            client,
            Operation.GET,
            getWrapped(
                stored, bareWrappedBy(publicKey, HsmRequests.oaep(HashingAlgorithm.SHA_256)), V2_1),
            ResultReason.FEATURE_NOT_SUPPORTED,
            "OAEP SHA-256 on a token with SHA-1 only");
      }
      HsmRequests.assertRefused(
          client,
          Operation.GET,
          getWrapped(
              stored, bareWrappedBy(publicKey, HsmRequests.oaep(HashingAlgorithm.SHA_512)), V2_1),
          ResultReason.FEATURE_NOT_SUPPORTED,
          "OAEP SHA-512");
      CryptographicParameters mixedMgf =
          new CryptographicParameters(
              null,
              PaddingMethod.OAEP.value(),
              HashingAlgorithm.SHA_1.value(),
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
              HashingAlgorithm.SHA_256.value(),
              null,
              null);
      HsmRequests.assertRefused(
          client,
          Operation.GET,
          getWrapped(stored, bareWrappedBy(publicKey, mixedMgf), V2_1),
          ResultReason.FEATURE_NOT_SUPPORTED,
          "OAEP SHA-1 with MGF1 SHA-256");
      HsmRequests.assertRefused(
          client,
          Operation.GET,
          getWrapped(stored, bareWrappedBy(publicKey, HsmRequests.pkcs1()), V2_1),
          ResultReason.INVALID_FIELD,
          "PKCS#1 v1.5");
      assertThat(slot.calls(HsmCall.WRAP)).isEqualTo(wrapsBefore);
    }
  }
}

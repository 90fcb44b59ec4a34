package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.keyBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Sign, Signature Verify, MAC, MAC Verify, Create, Locate and Grant Access requests of {@link
 * HsmSignAndMacIT}, built with the codec's payload records, and the JDK's side of its checks.
 */
final class HsmCryptoRequests {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  private HsmCryptoRequests() {}

  static TtlvEnumeration algorithm(CryptographicAlgorithm algorithm) {
    return new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value());
  }

  static TtlvEnumeration objectType(ObjectType type) {
    return new TtlvEnumeration(Tag.OBJECT_TYPE.code(), type.value());
  }

  static TtlvStructure name(String value) {
    return TtlvStructure.of(
        Tag.NAME.code(),
        new TtlvTextString(Tag.NAME_VALUE.code(), value),
        new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()));
  }

  static List<String> locate(KmipTestClient client, Ttlv... criteria) throws Exception {
    List<Attribute> items = new ArrayList<>();
    for (Ttlv criterion : criteria) {
      items.add(Attribute.of(criterion));
    }
    return Locate.Response.decode(
            client.ok(
                Operation.LOCATE, Locate.Request.of(new Attributes(items, List.of())).encode(V2_1)),
            V2_1)
        .uniqueIdentifiers();
  }

  static void grant(KmipTestClient admin, String uid, Operation operation) throws Exception {
    admin.ok(
        Operation.GRANT_ACCESS,
        new GrantAccess.Request(new AccessGrant("user1", uid, Set.of(operation))).encode(V2_1));
  }

  static TtlvStructure createEc(String uid, RecommendedCurve curve, boolean sensitive) {
    Attributes common =
        Attributes.of(
            Attribute.of(algorithm(CryptographicAlgorithm.EC)),
            Attribute.of(
                TtlvStructure.of(
                    Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code(),
                    new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), curve.value()))));
    Attributes priv =
        Attributes.of(
            Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)),
            Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), sensitive)));
    return new CreateKeyPair.Request(
            common, priv, null, new CreateKeyPair.KeyPairMasks(List.of(), List.of(), List.of()))
        .encode(V2_1);
  }

  /** Create of an HMAC key: in the HSM with an {@code hsm::} uid, else stored and Active. */
  static TtlvStructure createHmac(
      @Nullable String uid, CryptographicAlgorithm algorithm, int bits, boolean sensitive) {
    List<Attribute> items = new ArrayList<>();
    items.add(Attribute.of(algorithm(algorithm)));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    if (uid != null) {
      items.add(Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)));
      items.add(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), sensitive)));
    } else {
      items.add(
          Attribute.of(
              TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), Instant.now().minusSeconds(60))));
    }
    return Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
        .encode(V2_1);
  }

  static CryptographicParameters signing(
      @Nullable PaddingMethod padding,
      @Nullable HashingAlgorithm hash,
      @Nullable DigitalSignatureAlgorithm dsa) {
    return new CryptographicParameters(
        null,
        padding == null ? null : padding.value(),
        hash == null ? null : hash.value(),
        null,
        dsa == null ? null : dsa.value(),
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

  static CryptographicParameters withSalt(CryptographicParameters p, int salt) {
    return new CryptographicParameters(
        p.blockCipherMode(),
        p.paddingMethod(),
        p.hashingAlgorithm(),
        null,
        p.digitalSignatureAlgorithm(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        salt,
        null,
        null,
        null,
        null);
  }

  static CryptographicParameters macWith(CryptographicAlgorithm algorithm) {
    return new CryptographicParameters(
        null,
        null,
        null,
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
        null);
  }

  static CryptographicParameters gcmWithTag(int bytes) {
    return new CryptographicParameters(
        BlockCipherMode.GCM.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        bytes,
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

  static TtlvStructure signRequest(
      String uid, @Nullable CryptographicParameters parameters, byte[] data) {
    return new Sign.Request(uid, parameters, ByteString.copyOf(data), null, null, null, null)
        .encode(V2_1);
  }

  static byte[] sign(
      KmipTestClient client, String uid, @Nullable CryptographicParameters parameters, byte[] data)
      throws Exception {
    Sign.Response response =
        Sign.Response.decode(client.ok(Operation.SIGN, signRequest(uid, parameters, data)), V2_1);
    assertThat(response.uniqueIdentifier()).isEqualTo(uid);
    return Objects.requireNonNull(response.signatureData()).toByteArray();
  }

  static byte[] signDigest(KmipTestClient client, String uid, byte[] digest) throws Exception {
    TtlvStructure request =
        new Sign.Request(uid, null, null, ByteString.copyOf(digest), null, null, null).encode(V2_1);
    return Objects.requireNonNull(
            Sign.Response.decode(client.ok(Operation.SIGN, request), V2_1).signatureData())
        .toByteArray();
  }

  static TtlvStructure verifyRequest(
      String uid, @Nullable CryptographicParameters parameters, byte[] data, byte[] signature) {
    return new SignatureVerify.Request(
            uid,
            parameters,
            ByteString.copyOf(data),
            null,
            ByteString.copyOf(signature),
            null,
            null,
            null)
        .encode(V2_1);
  }

  static boolean verify(
      KmipTestClient client,
      String uid,
      @Nullable CryptographicParameters parameters,
      byte[] data,
      byte[] signature)
      throws Exception {
    SignatureVerify.Response response =
        SignatureVerify.Response.decode(
            client.ok(Operation.SIGNATURE_VERIFY, verifyRequest(uid, parameters, data, signature)),
            V2_1);
    Integer validity = Objects.requireNonNull(response.validityIndicator());
    assertThat(validity).isNotEqualTo(ValidityIndicator.UNKNOWN.value());
    return validity == ValidityIndicator.VALID.value();
  }

  static TtlvStructure macRequest(
      String uid, @Nullable CryptographicParameters parameters, byte[] data) {
    return new Mac.Request(uid, parameters, ByteString.copyOf(data), null, null, null).encode(V2_1);
  }

  static byte[] mac(
      KmipTestClient client, String uid, @Nullable CryptographicParameters parameters, byte[] data)
      throws Exception {
    return Objects.requireNonNull(
            Mac.Response.decode(client.ok(Operation.MAC, macRequest(uid, parameters, data)), V2_1)
                .macData())
        .toByteArray();
  }

  static TtlvStructure macVerifyRequest(String uid, byte[] data, byte[] mac) {
    return new MacVerify.Request(
            uid, null, ByteString.copyOf(data), ByteString.copyOf(mac), null, null, null)
        .encode(V2_1);
  }

  static boolean macVerify(KmipTestClient client, String uid, byte[] data, byte[] mac)
      throws Exception {
    Integer validity =
        MacVerify.Response.decode(
                client.ok(Operation.MAC_VERIFY, macVerifyRequest(uid, data, mac)), V2_1)
            .validityIndicator();
    return Objects.requireNonNull(validity) == ValidityIndicator.VALID.value();
  }

  static PublicKey publicKey(KmipTestClient client, String uid, String algorithm) throws Exception {
    byte[] spki = keyBytes(client.ok(Operation.GET, get(uid, null)));
    return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
  }

  static boolean jdkVerifies(String algorithm, PublicKey key, byte[] data, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }

  static int hashBits(RecommendedCurve curve) {
    return switch (curve) {
      case P_256 -> 256;
      case P_384 -> 384;
      default -> 512;
    };
  }

  static int hmacBits(CryptographicAlgorithm algorithm) {
    return switch (algorithm) {
      case HMAC_SHA256 -> 256;
      case HMAC_SHA384 -> 384;
      default -> 512;
    };
  }

  static String jcaHmac(CryptographicAlgorithm algorithm) {
    return "HmacSHA" + hmacBits(algorithm);
  }
}

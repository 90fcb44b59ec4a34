package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import java.util.Objects;

/**
 * The objects and requests {@link AuthorizationMatrixTest} needs for the signing, MAC and
 * derivation rows: made by alice through the real batch processor, like the matrix's own.
 */
final class CryptoMatrixRows {
  /** One batch item sent by {@code user}, answered by the real processor. */
  @FunctionalInterface
  interface Batch {
    ResponseBatchItem of(String user, Operation operation, TtlvStructure payload);
  }

  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private final Batch batch;
  private final ByteString data;

  CryptoMatrixRows(Batch batch, ByteString data) {
    this.batch = batch;
    this.data = data;
  }

  private static void assertSuccess(ResponseBatchItem answer, String what) {
    assertThat(answer.resultStatus())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  /** An active EC P-256 pair of alice's for signing: its private key, or its public key. */
  String signingPair(boolean privateHalf) {
    ResponseBatchItem created =
        batch.of(
            "alice",
            Operation.CREATE_KEY_PAIR,
            new CreateKeyPair.Request(
                    Attributes.of(
                        KeyPairHandlersTest.algorithm(CryptographicAlgorithm.EC),
                        KeyPairHandlersTest.curve(RecommendedCurve.P_256)),
                    Attributes.of(mask(CryptographicUsageMask.SIGN.value())),
                    Attributes.of(mask(CryptographicUsageMask.VERIFY.value())),
                    CreateKeyPair.KeyPairMasks.NONE)
                .encode(V));
    assertSuccess(created, "create key pair");
    CreateKeyPair.Response pair =
        CreateKeyPair.Response.decode(Objects.requireNonNull(created.responsePayload()), V);
    for (String uid :
        List.of(pair.privateKeyUniqueIdentifier(), pair.publicKeyUniqueIdentifier())) {
      assertSuccess(
          batch.of("alice", Operation.ACTIVATE, new Activate.Request(uid).encode(V)), "activate");
    }
    return privateHalf ? pair.privateKeyUniqueIdentifier() : pair.publicKeyUniqueIdentifier();
  }

  /** An active HMAC-SHA256 key of alice's that may derive keys. */
  String hmacKey() {
    ResponseBatchItem created =
        batch.of(
            "alice",
            Operation.CREATE,
            Create.Request.of(
                    ObjectType.SYMMETRIC_KEY.value(),
                    Attributes.of(
                        Attribute.of(
                            new TtlvEnumeration(
                                Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                                CryptographicAlgorithm.HMAC_SHA256.value())),
                        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
                        mask(CryptographicUsageMask.DERIVE_KEY.value())))
                .encode(V));
    assertSuccess(created, "create");
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    assertSuccess(
        batch.of("alice", Operation.ACTIVATE, new Activate.Request(uid).encode(V)), "activate");
    return uid;
  }

  static Attribute mask(int bits) {
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), bits));
  }

  /**
   * A verification of a signature alice made with {@code privateUid}, the pair of {@code
   * publicUid}.
   */
  TtlvStructure verifyRequest(String publicUid, String privateUid) {
    ResponseBatchItem signed =
        batch.of(
            "alice",
            Operation.SIGN,
            new Sign.Request(privateUid, null, data, null, null, null, null).encode(V));
    Sign.Response signature =
        Sign.Response.decode(Objects.requireNonNull(signed.responsePayload()), V);
    return new SignatureVerify.Request(
            publicUid, null, data, null, signature.signatureData(), null, null, null)
        .encode(V);
  }

  /** A verification of a MAC alice computed with {@code uid}. */
  TtlvStructure macVerifyRequest(String uid) {
    ResponseBatchItem computed =
        batch.of(
            "alice", Operation.MAC, new Mac.Request(uid, null, data, null, null, null).encode(V));
    Mac.Response mac = Mac.Response.decode(Objects.requireNonNull(computed.responsePayload()), V);
    return new MacVerify.Request(uid, null, data, mac.macData(), null, null, null).encode(V);
  }
}

package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.LinkType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The rows of {@link AuthorizationMatrixTest} for Certify, Re-certify and Validate, and what they
 * act on: the public key of an EC pair of alice's, or the self-signed certificate she made for one.
 * Certify and Re-certify sign with that pair's private key, so their grantee needs the right on the
 * key as well; Validate needs it on the certificate alone.
 */
final class CertificateMatrixRows {
  private final CryptoMatrixRows.Batch batch;
  private final CryptoMatrixRows crypto;
  private final ObjectStore store;

  CertificateMatrixRows(CryptoMatrixRows.Batch batch, CryptoMatrixRows crypto, ObjectStore store) {
    this.batch = batch;
    this.crypto = crypto;
    this.store = store;
  }

  /** Adds the three rows, in {@code version}. */
  void addRows(Map<Operation, Function<String, TtlvStructure>> requests, ProtocolVersion version) {
    requests.put(Operation.CERTIFY, uid -> selfSigned(uid, version));
    requests.put(Operation.RE_CERTIFY, uid -> reCertify(uid, version));
    requests.put(Operation.VALIDATE, uid -> validate(uid, version));
  }

  static TtlvStructure selfSigned(String publicKey, ProtocolVersion version) {
    return new Certify.Request(publicKey, null, null, null, null, List.of()).encode(version);
  }

  static TtlvStructure reCertify(String certificate, ProtocolVersion version) {
    return new ReCertify.Request(certificate, null, null, null, null, null, List.of())
        .encode(version);
  }

  static TtlvStructure validate(String certificate, ProtocolVersion version) {
    return new Validate.Request(List.of(), List.of(certificate), null).encode(version);
  }

  /** A fresh public key of alice's, Active, whose private key may sign. */
  String publicKey() {
    return crypto.signingPair(false);
  }

  /** A fresh self-signed certificate of alice's, its private key Active and allowed to sign. */
  String certificate() {
    ProtocolVersion v = ProtocolVersion.V2_1;
    ResponseBatchItem certified = batch.of("alice", Operation.CERTIFY, selfSigned(publicKey(), v));
    assertThat(certified.resultStatus())
        .as("certify: %s", certified.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Certify.Response.decode(Objects.requireNonNull(certified.responsePayload()), v)
        .uniqueIdentifier();
  }

  /** The private key that signs for {@code uid}, a public key or its self-signed certificate. */
  String signingKey(String uid) {
    return Objects.requireNonNull(
        store.find(uid).orElseThrow().linked(LinkType.PRIVATE_KEY_LINK), uid);
  }
}

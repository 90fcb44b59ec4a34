package io.arca.server.op;

import io.arca.kmip.CertificateRequestType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.jspecify.annotations.Nullable;

/**
 * The certificate requests Certify and Re-certify accept (KMIP 1.4 §4.7-4.8, 2.1 §6.1.6 and
 * §6.1.45): PKCS#10, in DER or as PEM text, whose signature proves that the requester holds the
 * private key. CRMF and PGP requests are refused as not supported.
 */
final class CertificateRequests {
  private CertificateRequests() {}

  private static final JcaContentVerifierProviderBuilder VERIFIERS =
      new JcaContentVerifierProviderBuilder();

  /**
   * The request, parsed and its signature checked.
   *
   * @throws KmipException Invalid Field without a type or for an unknown one; Feature Not Supported
   *     for CRMF, and for PGP where the version defines it; Invalid CSR (2.0 on) or Invalid Field
   *     (before) for bytes that are not a request of the type, or whose signature does not verify
   */
  static PKCS10CertificationRequest parsed(
      @Nullable Integer type, ByteString value, ProtocolVersion version) {
    if (type == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CertificateRequestType: required when a Certificate Request is given");
    }
    CertificateRequestType known = CertificateRequestType.byValue(type);
    if (known == null || !known.isDefinedIn(version)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CertificateRequestType: 0x"
              + Integer.toHexString(type)
              + " is not defined in "
              + version);
    }
    byte[] der =
        switch (known) {
          case PKCS_10 -> value.toByteArray();
          case PEM -> pem(value, version);
          case CRMF, PGP ->
              throw new KmipException(
                  ResultReason.FEATURE_NOT_SUPPORTED,
                  "CertificateRequestType: "
                      + known.xmlName()
                      + " requests are not supported (send PKCS#10, in DER or PEM)");
        };
    PKCS10CertificationRequest request;
    try {
      request = new PKCS10CertificationRequest(der);
    } catch (IOException | RuntimeException e) {
      throw invalid(version, "the Certificate Request is not a PKCS#10 request");
    }
    try {
      if (!request.isSignatureValid(VERIFIERS.build(request.getSubjectPublicKeyInfo()))) {
        throw invalid(version, "the Certificate Request's signature does not verify");
      }
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw invalid(version, "the Certificate Request's signature cannot be verified");
    }
    return request;
  }

  private static byte[] pem(ByteString value, ProtocolVersion version) {
    String text = new String(value.toByteArray(), StandardCharsets.US_ASCII);
    try (PemReader reader = new PemReader(new StringReader(text))) {
      PemObject object = reader.readPemObject();
      if (object == null
          || !(object.getType().equals("CERTIFICATE REQUEST")
              || object.getType().equals("NEW CERTIFICATE REQUEST"))) {
        throw invalid(version, "the Certificate Request holds no PEM CERTIFICATE REQUEST");
      }
      return object.getContent();
    } catch (IOException e) {
      throw invalid(version, "the Certificate Request is not PEM");
    }
  }

  /** A bad request: Invalid CSR where the version has it (2.0 on), else Invalid Field. */
  static KmipException invalid(ProtocolVersion version, String why) {
    return new KmipException(
        ResultReason.INVALID_CSR.isDefinedIn(version)
            ? ResultReason.INVALID_CSR
            : ResultReason.INVALID_FIELD,
        "CertificateRequest: " + why);
  }
}

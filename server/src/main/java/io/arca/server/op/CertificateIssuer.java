package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.jspecify.annotations.Nullable;

/**
 * Builds and signs X.509 v3 certificates with a CA key Arca holds, through the key's {@link
 * KeyBacking}: Bouncy Castle assembles the certificate and the backing signs its to-be-signed part,
 * so a CA key in the HSM never leaves it. A CA certificate (self-signed) may sign certificates; an
 * end-entity certificate may not, and says it may authenticate TLS clients and servers.
 */
final class CertificateIssuer {
  private final SecureRandom random;

  CertificateIssuer(SecureRandom random) {
    this.random = random;
  }

  /**
   * Who signs: the issuer's name and public key (its certificate's, or the subject's own when the
   * certificate is self-signed) and the private key that signs.
   */
  record Signer(X500Name name, SubjectPublicKeyInfo publicKey, ObjectRecord privateKey) {}

  /** What the certificate says. */
  record Subject(
      X500Name name,
      SubjectPublicKeyInfo publicKey,
      @Nullable Extension alternativeNames,
      Instant notBefore,
      Instant notAfter,
      boolean certificateAuthority) {}

  /** The DER of a new certificate of {@code subject} signed by {@code signer}. */
  byte[] issue(Subject subject, Signer signer, KeyBacking backing, RequestContext context) {
    byte[] serial = new byte[16];
    random.nextBytes(serial);
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            signer.name(),
            new BigInteger(1, serial),
            Date.from(subject.notBefore()),
            Date.from(subject.notAfter()),
            subject.name(),
            subject.publicKey());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          extensions.createSubjectKeyIdentifier(subject.publicKey()));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(signer.publicKey()));
      if (subject.certificateAuthority()) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      } else {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
            Extension.keyUsage,
            true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      }
      if (subject.alternativeNames() != null) {
        builder.addExtension(subject.alternativeNames());
      }
    } catch (CertIOException | NoSuchAlgorithmException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "cannot encode the certificate's extensions");
    }
    try {
      return builder.build(new BackingSigner(signer.privateKey(), backing, context)).getEncoded();
    } catch (IOException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "cannot encode the certificate");
    }
  }

  /** Signs the to-be-signed certificate with the CA key by its backing, as Sign would. */
  private static final class BackingSigner implements ContentSigner {
    private final ObjectRecord key;
    private final KeyBacking backing;
    private final RequestContext context;
    private final AlgorithmIdentifier algorithm;
    private final CryptographicParameters parameters;
    private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

    BackingSigner(ObjectRecord key, KeyBacking backing, RequestContext context) {
      this.key = key;
      this.backing = backing;
      this.context = context;
      Integer value = AttributeView.of(key).cryptographicAlgorithm();
      CryptographicAlgorithm family = value == null ? null : CryptographicAlgorithm.byValue(value);
      Integer length = AttributeView.of(key).cryptographicLength();
      String name;
      Integer hash = null;
      Integer padding = null;
      if (family == CryptographicAlgorithm.RSA) {
        name = "SHA256WITHRSA";
        hash = HashingAlgorithm.SHA_256.value();
        padding = PaddingMethod.PKCS1_V1_5.value();
      } else if (family == CryptographicAlgorithm.EC || family == CryptographicAlgorithm.ECDSA) {
        int bits = length == null ? 256 : length;
        HashingAlgorithm curveHash =
            bits <= 256
                ? HashingAlgorithm.SHA_256
                : bits <= 384 ? HashingAlgorithm.SHA_384 : HashingAlgorithm.SHA_512;
        name = curveHash.xmlName().replace("_", "") + "WITHECDSA";
        hash = curveHash.value();
      } else if (family == CryptographicAlgorithm.ED25519) {
        name = "ED25519";
      } else {
        throw new KmipException(
            ResultReason.FEATURE_NOT_SUPPORTED,
            key.uid() + " cannot sign certificates: RSA, EC and Ed25519 CA keys can");
      }
      this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(name);
      this.parameters =
          new CryptographicParameters(
              null, padding, hash, null, null, null, null, null, null, null, null, null, null, null,
              null, null, null, null);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return algorithm;
    }

    @Override
    public OutputStream getOutputStream() {
      return toBeSigned;
    }

    @Override
    public byte[] getSignature() {
      return backing.sign(key, parameters, toBeSigned.toByteArray(), false, context);
    }
  }
}

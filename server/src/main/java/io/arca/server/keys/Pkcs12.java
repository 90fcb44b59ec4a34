package io.arca.server.keys;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * PKCS#12 containers (RFC 7292) of one private key and its certificate chain, on Bouncy Castle's
 * builder: key and certificates encrypted by PBES2 (PBKDF2 with HMAC-SHA-256, AES-256-CBC), the
 * whole MACed with HMAC-SHA-256, as OpenSSL 3 and the JDK write and read them. The key and the
 * first certificate share a friendly name and a local key id (the certificate's SHA-1), so readers
 * pair them.
 */
public final class Pkcs12 {
  /** PBKDF2 rounds of each bag and of the MAC key; OpenSSL 3 uses 2,048, the JDK 10,000. */
  public static final int ITERATIONS = 100_000;

  private Pkcs12() {}

  /**
   * The DER container of {@code pkcs8} (a PrivateKeyInfo) with {@code chain} (DER certificates,
   * leaf first), named {@code friendlyName}, under {@code password}. The caller wipes its inputs.
   */
  public static byte[] container(
      byte[] pkcs8, List<byte[]> chain, String friendlyName, char[] password) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a PKCS#12 container holds at least one certificate");
    }
    try {
      OutputEncryptor encryptor =
          new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
              .setPRF(
                  new AlgorithmIdentifier(
                      PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
              .setIterationCount(ITERATIONS)
              // The JDK's cipher for the AES-256-CBC identifier pads nothing and it has no MAC for
              // the SHA-256 identifier; Bouncy Castle's provider has both.
              .setProvider(JcaKeys.Bc.PROVIDER)
              .build(password);
      DEROctetString localKeyId =
          new DEROctetString(MessageDigest.getInstance("SHA-1").digest(chain.get(0)));
      DERBMPString name = new DERBMPString(friendlyName);
      PKCS12SafeBag[] certificates = new PKCS12SafeBag[chain.size()];
      for (int i = 0; i < chain.size(); i++) {
        PKCS12SafeBagBuilder bag =
            new PKCS12SafeBagBuilder(new X509CertificateHolder(chain.get(i)));
        if (i == 0) {
          bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
          bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        }
        certificates[i] = bag.build();
      }
      PKCS12SafeBagBuilder key =
          new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(pkcs8), encryptor);
      key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, name);
      key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
      PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
      pfx.addEncryptedData(encryptor, certificates);
      pfx.addData(key.build());
      return pfx.build(
              new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                  .setIterationCount(ITERATIONS)
                  .setProvider(JcaKeys.Bc.PROVIDER),
              password)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException
        | PKCSException
        | OperatorCreationException
        | NoSuchAlgorithmException
        | IllegalArgumentException
        | IllegalStateException e) {
      // No library text: it could name what it failed to parse.
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the PKCS#12 container could not be made");
    }
  }
}

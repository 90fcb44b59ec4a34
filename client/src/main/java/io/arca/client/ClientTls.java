package io.arca.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds the client's TLS context from PEM files or a PKCS#12 file: our certificate, and the CA we
 * trust.
 */
public final class ClientTls {
  private static final char[] IN_MEMORY = new char[0];

  private ClientTls() {}

  /**
   * A context that trusts {@code ca} and presents {@code certificate} with {@code key} (PEM files).
   */
  public static SSLContext context(Path ca, Path certificate, Path key) throws IOException {
    return context(
        new ClientConfig("localhost", ClientConfig.KMIP_PORT, ca, certificate, key, null, null));
  }

  /** A context for these settings (PEM files or a PKCS#12 file). */
  public static SSLContext context(ClientConfig config) throws IOException {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int index = 0;
      for (Certificate ca : certificates(config.ca())) {
        trust.setCertificateEntry("ca-" + index++, ca);
      }
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);

      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      if (config.p12() != null) {
        char[] password =
            config.p12Password() == null ? IN_MEMORY : config.p12Password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(config.p12())) {
          store.load(in, password);
        }
        keyManagers.init(store, password);
      } else {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<Certificate> chain = certificates(Objects.requireNonNull(config.cert()));
        store.setKeyEntry(
            "client",
            privateKey(Objects.requireNonNull(config.key())),
            IN_MEMORY,
            chain.toArray(new Certificate[0]));
        keyManagers.init(store, IN_MEMORY);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      List<Certificate> certificates =
          new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certificates.isEmpty()) {
        throw new IOException(file + " holds no certificate");
      }
      return certificates;
    }
  }

  /**
   * The private key of a PEM file: PKCS#8, or the traditional SEC1 (EC) and PKCS#1 (RSA) forms. A
   * SEC1 key may leave its public key out (Bouncy Castle's and some HSM tools' writers do), so only
   * the private half is read.
   */
  static PrivateKey privateKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem;
      try {
        pem = parser.readObject();
      } catch (PEMException e) {
        throw new IOException(file + ": not a readable PEM key (" + e.getMessage() + ")", e);
      }
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IOException(file + " holds no unencrypted private key (PKCS#8 or SEC1/PKCS#1 PEM)");
    }
  }
}

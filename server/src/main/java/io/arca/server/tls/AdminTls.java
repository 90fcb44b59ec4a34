package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK TLS context of the admin listener: the KMIP server's own key and certificate, client
 * certificates required and checked (PKIX) against a CA bundle of the admin's own, so that a
 * monitoring system's certificate need not be a KMIP client's. The key stays in memory only.
 */
public final class AdminTls {
  private AdminTls() {}

  /**
   * Reads the server key and chain of {@code tls} and the CA bundle {@code clientCa} (PEM).
   *
   * @throws IOException naming what cannot be read
   */
  public static SSLContext context(ServerConfig.Tls tls, Path clientCa) throws IOException {
    ServerKey key = ServerKey.load(tls.certificate(), tls.key(), tls.keyPassword());
    // The in-memory store needs a password; one nobody knows, wiped once the factory has the key.
    char[] password = new char[24];
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", key.privateKey(), password, key.chain());
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      int n = 0;
      for (Certificate ca : caBundle(clientCa)) {
        trusted.setCertificateEntry("ca" + n++, ca);
      }
      if (n == 0) {
        throw new IOException(clientCa + ": no certificate in the admin client CA bundle");
      }
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
      trustManagers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), random);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make the admin listener's TLS context: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static Collection<? extends Certificate> caBundle(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }
}

package io.arca.server.tls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client-certificate check, remembered. A chain that the JDK's PKIX validator accepted is
 * accepted again without validating it anew, for up to {@link #REMEMBERED} and only while every
 * certificate in it is within its validity period.
 *
 * <p>Path validation is about a tenth of the server's CPU in a full handshake, and many KMIP
 * clients open a connection per request with the same certificate. What is skipped is only the
 * repeated validation of identical bytes: the key is the SHA-256 of the authentication type and the
 * DER chain, only acceptances are kept, and the proof that the client holds the certificate's key
 * (its CertificateVerify signature) is still checked by TLS on every handshake. The trusted CAs are
 * fixed for this object's lifetime (a reload makes a new one), so an acceptance cannot go stale by
 * configuration; revocation is checked on every handshake, remembered chain or not.
 */
public final class VerifiedChains extends X509ExtendedTrustManager {
  /** How long an accepted chain is remembered. */
  static final Duration REMEMBERED = Duration.ofMinutes(10);

  private static final int MAX_CHAINS = 10_000;
  private static final HexFormat HEX = HexFormat.of();

  private final X509ExtendedTrustManager pkix;
  private final LongSupplier clockMillis;
  private final ChainCheck revocation;
  private final Cache<String, Validity> accepted;

  /** The period in which every certificate of an accepted chain is valid, in epoch milliseconds. */
  private record Validity(long notBefore, long notAfter) {
    boolean covers(long millis) {
      return notBefore <= millis && millis <= notAfter;
    }
  }

  /** What is checked on every handshake after the chain is known valid: revocation. */
  @FunctionalInterface
  interface ChainCheck {
    ChainCheck NONE = chain -> {};

    void check(X509Certificate[] chain) throws CertificateException;
  }

  VerifiedChains(X509ExtendedTrustManager pkix, LongSupplier clockMillis) {
    this(pkix, clockMillis, ChainCheck.NONE);
  }

  VerifiedChains(X509ExtendedTrustManager pkix, LongSupplier clockMillis, ChainCheck revocation) {
    this.pkix = pkix;
    this.clockMillis = clockMillis;
    this.revocation = revocation;
    this.accepted =
        Caffeine.newBuilder().maximumSize(MAX_CHAINS).expireAfterWrite(REMEMBERED).build();
  }

  /** Trusts the CA certificates in the PEM file {@code caPem}, with the JDK's PKIX validator. */
  public static VerifiedChains trusting(Path caPem) throws IOException, GeneralSecurityException {
    return trusting(readCas(caPem), ChainCheck.NONE);
  }

  /** The CA certificates in the PEM file {@code caPem}; at least one. */
  static List<X509Certificate> readCas(Path caPem) throws IOException, GeneralSecurityException {
    List<X509Certificate> cas = new ArrayList<>();
    try (InputStream in = Files.newInputStream(caPem)) {
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        cas.add((X509Certificate) ca);
      }
    }
    if (cas.isEmpty()) {
      throw new GeneralSecurityException("no CA certificate in " + caPem);
    }
    return List.copyOf(cas);
  }

  /**
   * Trusts these CA certificates with the JDK's PKIX validator, and refuses what {@code revocation}
   * refuses, on every handshake (a remembered chain included).
   */
  static VerifiedChains trusting(List<X509Certificate> cas, ChainCheck revocation)
      throws GeneralSecurityException, IOException {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int n = 0;
    for (X509Certificate ca : cas) {
      anchors.setCertificateEntry("ca-" + n++, ca);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(anchors);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager pkix) {
        return new VerifiedChains(pkix, System::currentTimeMillis, revocation);
      }
    }
    throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    String key = fingerprint(chain, authType);
    Validity known = accepted.getIfPresent(key);
    if (known == null || !known.covers(clockMillis.getAsLong())) {
      pkix.checkClientTrusted(chain, authType, engine);
      accepted.put(key, validity(chain));
    }
    // Not remembered: a certificate revoked a second ago must not ride on an earlier acceptance.
    revocation.check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType, socket);
    revocation.check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkClientTrusted(chain, authType);
    revocation.check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    pkix.checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    pkix.checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    pkix.checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }

  private static String fingerprint(X509Certificate[] chain, String authType)
      throws CertificateException {
    MessageDigest sha256 = sha256();
    sha256.update(authType.getBytes(StandardCharsets.UTF_8));
    for (X509Certificate certificate : chain) {
      byte[] der = certificate.getEncoded();
      // The length first, so that no two different chains hash the same bytes.
      sha256.update(
          new byte[] {
            (byte) (der.length >>> 24),
            (byte) (der.length >>> 16),
            (byte) (der.length >>> 8),
            (byte) der.length
          });
      sha256.update(der);
    }
    return HEX.formatHex(sha256.digest());
  }

  private static Validity validity(X509Certificate[] chain) {
    long notBefore = Long.MIN_VALUE;
    long notAfter = Long.MAX_VALUE;
    for (X509Certificate certificate : chain) {
      notBefore = Math.max(notBefore, certificate.getNotBefore().toInstant().toEpochMilli());
      notAfter = Math.min(notAfter, certificate.getNotAfter().toInstant().toEpochMilli());
    }
    return new Validity(notBefore, notAfter);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

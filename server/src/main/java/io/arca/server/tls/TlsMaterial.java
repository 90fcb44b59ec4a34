package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Everything one set of TLS settings yields, read and checked together: the server key and chain,
 * the client CAs, the revocation data, and the context built from them. It is made whole or not at
 * all, so a reload swaps one complete set for another.
 *
 * @param context the TLS context new handshakes use
 * @param revocation the revocation check of these client CAs
 * @param delegated whether handshakes must run the certificate check off the event loop (OCSP)
 * @param serverCertificate the server certificate, for the log; null when only a context was given
 */
record TlsMaterial(
    SslContext context,
    ClientRevocation revocation,
    boolean delegated,
    @Nullable X509Certificate serverCertificate) {

  /**
   * Reads and checks every file that {@code tls} names.
   *
   * @param softFailLogInterval how often an OCSP soft failure may be logged
   * @param softFailures where OCSP soft failures are counted, across reloads
   * @throws IOException naming the file that cannot be read or trusted
   */
  static TlsMaterial load(
      ServerConfig.Tls tls, Duration softFailLogInterval, LongAdder softFailures)
      throws IOException {
    ServerKey key = ServerKey.load(tls.certificate(), tls.key(), tls.keyPassword());
    List<X509Certificate> clientCas;
    try {
      clientCas = VerifiedChains.readCas(tls.clientCa());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the client CAs in " + tls.clientCa() + ": " + e, e);
    }
    ServerConfig.Revocation settings = tls.revocation();
    OcspChecker ocsp =
        settings.ocsp()
            ? new OcspChecker(
                settings.ocspResponder(),
                settings.ocspFailOpen(),
                softFailLogInterval,
                softFailures,
                Clock.systemUTC())
            : null;
    ClientRevocation revocation = ClientRevocation.load(settings, clientCas, ocsp);
    VerifiedChains clientCheck;
    try {
      clientCheck = VerifiedChains.trusting(clientCas, revocation::check);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot trust the client CAs in " + tls.clientCa() + ": " + e, e);
    }
    return new TlsMaterial(
        TlsContexts.server(key, clientCheck, ocsp != null),
        revocation,
        ocsp != null,
        key.certificate());
  }
}

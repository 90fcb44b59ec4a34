package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the server's TLS context: TLS 1.3 and 1.2 only, a client certificate required and verified
 * against the configured CA (accepted chains remembered: {@link VerifiedChains}), BoringSSL
 * (netty-tcnative) unless its native library cannot load. Only forward-secret AEAD suites are
 * offered (ECDHE with AES-GCM or ChaCha20-Poly1305), as RFC 9325 and Mozilla's "intermediate"
 * profile recommend. The CBC suites with SHA-256/384 MACs that the KMIP profiles name for TLS 1.2
 * are not: BoringSSL does not implement them, so listing them offered nothing, and the JDK engine
 * (the fallback) would have offered them where BoringSSL does not.
 */
public final class TlsContexts {
  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

  /** The protocol versions offered; nothing older than TLS 1.2. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * The suites in order of preference: TLS 1.3's three, then TLS 1.2's ECDHE AEAD suites (BoringSSL
   * fixes the TLS 1.3 ones itself).
   */
  public static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private TlsContexts() {}

  /**
   * BoringSSL when it loads here, else the JDK's engine (logged once, because it is much slower).
   */
  public static SslProvider provider() {
    return Provider.CHOSEN;
  }

  /** Holds the choice, made on first use, so the fallback warning is logged once. */
  private static final class Provider {
    static final SslProvider CHOSEN = choose();

    private Provider() {}
  }

  private static SslProvider choose() {
    if (OpenSsl.isAvailable()) {
      return SslProvider.OPENSSL;
    }
    log.warn(
        "netty-tcnative (BoringSSL) is not available, using the JDK TLS engine: {}",
        String.valueOf(OpenSsl.unavailabilityCause()));
    return SslProvider.JDK;
  }

  /**
   * The server context for these settings, with their revocation lists read once (no refresh, no
   * check of open connections: {@link ServerTls} adds those).
   */
  public static SslContext server(ServerConfig.Tls tls) throws IOException {
    return TlsMaterial.load(tls, ServerConfig.Limits.REFUSAL_LOG_INTERVAL, new LongAdder())
        .context();
  }

  /**
   * The context for this key material and client check. With {@code delegated}, BoringSSL hands the
   * certificate check to the handler's task executor instead of running it on the event loop (OCSP
   * may wait on the network).
   */
  static SslContext server(ServerKey key, VerifiedChains clientCheck, boolean delegated)
      throws IOException {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(key.privateKey(), key.chain())
              .sslProvider(provider())
              .protocols(PROTOCOLS)
              .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
              .clientAuth(ClientAuth.REQUIRE)
              .trustManager(clientCheck);
      if (delegated && provider() == SslProvider.OPENSSL) {
        builder.option(OpenSslContextOption.USE_TASKS, true);
      }
      if (delegated) {
        // A resumed session skips the certificate check, and so OCSP; the deny list and CRLs are
        // checked again at its first request, OCSP is not (it may wait on the network). Sessions
        // live no longer than an OCSP answer without a next update is trusted.
        builder.sessionTimeout(OcspChecker.WITHOUT_NEXT_UPDATE.toSeconds());
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }
}

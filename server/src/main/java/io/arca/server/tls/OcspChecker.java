package io.arca.server.tls;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the issuer's OCSP responder whether a client certificate is revoked (RFC 6960), at the
 * handshake. Answers are cached per certificate, at most {@value #MAX_ANSWERS} of them, each until
 * its nextUpdate (at most {@link #MAX_CACHED}; {@link #WITHOUT_NEXT_UPDATE} when it names none). An
 * answer counts only when the issuer signed it, or a responder certificate that the issuer gave the
 * OCSP-signing purpose.
 *
 * <p>When no answer can be had (responder down, slow, unknown status, bad signature) the client is
 * refused, unless fail-open was chosen: then it is accepted, the soft failure is counted and logged
 * at most once per interval. Handshakes run the check off the event loop (the TLS context's
 * delegated tasks) because the question can take up to {@link #TIMEOUT}.
 */
final class OcspChecker {
  private static final Logger log = LoggerFactory.getLogger(OcspChecker.class);
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final Duration MAX_CACHED = Duration.ofHours(1);
  static final Duration WITHOUT_NEXT_UPDATE = Duration.ofMinutes(5);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final int MAX_ANSWERS = 10_000;
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private final @Nullable URI responder;
  private final boolean failOpen;
  private final long logIntervalNanos;
  private final LongAdder softFailures;
  private final AtomicLong lastLoggedNanos;
  private final Clock clock;
  private final HttpClient http;
  private final Cache<String, Status> answers;

  /** One responder's answer about one certificate, and until when it may be used. */
  private record Status(boolean revoked, Duration usable) {}

  /** No answer could be had; why, fit for the log. */
  private static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String why;

    Unavailable(String why) {
      super(why, null, false, false);
      this.why = why;
    }

    String why() {
      return why;
    }
  }

  OcspChecker(
      @Nullable URI responder,
      boolean failOpen,
      Duration logInterval,
      LongAdder softFailures,
      Clock clock) {
    this.responder = responder;
    this.failOpen = failOpen;
    this.logIntervalNanos = logInterval.toNanos();
    this.softFailures = softFailures;
    this.lastLoggedNanos = new AtomicLong(System.nanoTime() - logIntervalNanos - 1);
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(MAX_ANSWERS)
            .expireAfter(Expiry.creating((String key, Status status) -> status.usable()))
            .build();
  }

  /** Soft failures since start: answers that could not be had and were let through. */
  long softFailures() {
    return softFailures.sum();
  }

  /** Refuses a revoked leaf; refuses or counts one that no responder vouched for. */
  void check(X509Certificate leaf, X509Certificate issuer) throws CertificateException {
    String key = RevocationList.fingerprint(issuer) + ':' + leaf.getSerialNumber().toString(16);
    Status status = answers.getIfPresent(key);
    if (status == null) {
      try {
        status = ask(leaf, issuer);
      } catch (Unavailable e) {
        if (!failOpen) {
          throw new CertificateException("no OCSP answer: " + e.why());
        }
        softFail(e.why());
        return;
      }
      answers.put(key, status);
    }
    if (status.revoked()) {
      throw new CertificateException(
          "certificate serial " + leaf.getSerialNumber().toString(16) + " is revoked (OCSP)");
    }
  }

  private void softFail(String why) {
    softFailures.increment();
    long now = System.nanoTime();
    long last = lastLoggedNanos.get();
    if (now - last > logIntervalNanos && lastLoggedNanos.compareAndSet(last, now)) {
      log.warn(
          "OCSP: no answer, client accepted (tls-ocsp-fail open): {}; {} such client(s) since"
              + " start",
          why,
          softFailures.sum());
    }
  }

  private Status ask(X509Certificate leaf, X509Certificate issuer) throws Unavailable {
    URI uri = responder != null ? responder : responderNamedBy(leaf);
    try {
      CertificateID id =
          new CertificateID(
              new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              leaf.getSerialNumber());
      byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
      OCSPResp response = new OCSPResp(post(uri, request));
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        throw new Unavailable("responder status " + response.getStatus());
      }
      if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
        throw new Unavailable("not a basic OCSP response");
      }
      verifySigner(basic, issuer);
      for (SingleResp single : basic.getResponses()) {
        if (single.getCertID().equals(id)) {
          return status(single);
        }
      }
      throw new Unavailable("the response does not name the certificate");
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
      throw new Unavailable("unreadable response: " + e.getMessage());
    } catch (IOException e) {
      throw new Unavailable(uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  private Status status(SingleResp single) throws Unavailable {
    Instant now = clock.instant();
    if (single.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw new Unavailable("the answer is dated in the future");
    }
    Date nextUpdate = single.getNextUpdate();
    Duration usable = WITHOUT_NEXT_UPDATE;
    if (nextUpdate != null) {
      Duration left = Duration.between(now, nextUpdate.toInstant());
      if (left.isNegative()) {
        throw new Unavailable("the answer is past its next update");
      }
      usable = left.compareTo(MAX_CACHED) < 0 ? left : MAX_CACHED;
    }
    CertificateStatus status = single.getCertStatus();
    if (status == CertificateStatus.GOOD) {
      return new Status(false, usable);
    }
    if (status instanceof RevokedStatus) {
      return new Status(true, usable);
    }
    throw new Unavailable("the responder does not know the certificate");
  }

  /** The issuer signed the answer, or a responder certificate it issued for OCSP signing did. */
  private void verifySigner(BasicOCSPResp basic, X509Certificate issuer)
      throws OCSPException, OperatorCreationException, Unavailable {
    JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
    ContentVerifierProvider byIssuer = verifiers.build(issuer.getPublicKey());
    if (basic.isSignatureValid(byIssuer)) {
      return;
    }
    Date now = Date.from(clock.instant());
    for (X509CertificateHolder delegate : basic.getCerts()) {
      try {
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(delegate.getExtensions());
        if (delegate.isSignatureValid(byIssuer)
            && delegate.isValidOn(now)
            && usage != null
            && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
            && basic.isSignatureValid(verifiers.build(delegate))) {
          return;
        }
      } catch (org.bouncycastle.cert.CertException | CertificateException e) {
        // Not a usable responder certificate: try the next.
      }
    }
    throw new Unavailable("the answer is not signed by the issuer or its responder");
  }

  private byte[] post(URI uri, byte[] request)
      throws IOException, InterruptedException, Unavailable {
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/ocsp-request")
            .header("Accept", "application/ocsp-response")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
            .build();
    HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new Unavailable(uri + " answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new Unavailable(uri + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
      }
      return bytes;
    }
  }

  /** The OCSP responder in the certificate's Authority Information Access. */
  private static URI responderNamedBy(X509Certificate leaf) throws Unavailable {
    byte[] extension = leaf.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (extension != null) {
      try {
        AuthorityInformationAccess access =
            AuthorityInformationAccess.getInstance(
                ASN1Primitive.fromByteArray(DEROctetString.getInstance(extension).getOctets()));
        for (AccessDescription description : access.getAccessDescriptions()) {
          GeneralName location = description.getAccessLocation();
          if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
              && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
            URI uri = URI.create(location.getName().toString());
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
              return uri;
            }
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new Unavailable("unreadable Authority Information Access: " + e.getMessage());
      }
    }
    throw new Unavailable("the certificate names no OCSP responder and none is configured");
  }
}

package io.arca.server.tls;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An OCSP responder for tests, from Bouncy Castle's OCSP classes on the JDK's HTTP server: every
 * serial is good unless revoked here; answers are signed by the given key (the CA's, a delegated
 * responder's, or an impostor's) and valid for an hour.
 */
final class TestOcspResponder implements AutoCloseable {
  private final HttpServer http;
  private final Map<BigInteger, Boolean> revoked = new ConcurrentHashMap<>();
  private final AtomicInteger asked = new AtomicInteger();

  TestOcspResponder(KeyPair signer, X500Name signerName, X509Certificate... chain)
      throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext(
        "/",
        exchange -> {
          asked.incrementAndGet();
          byte[] answer;
          try (InputStream in = exchange.getRequestBody()) {
            answer = answer(new OCSPReq(in.readAllBytes()), signer, signerName, chain);
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    http.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/ocsp");
  }

  void revoke(BigInteger serial) {
    revoked.put(serial, true);
  }

  int asked() {
    return asked.get();
  }

  private byte[] answer(
      OCSPReq request, KeyPair signer, X500Name signerName, X509Certificate[] chain)
      throws Exception {
    Instant now = Instant.now();
    BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signerName));
    for (Req one : request.getRequestList()) {
      CertificateID id = one.getCertID();
      CertificateStatus status =
          revoked.containsKey(id.getSerialNumber())
              ? new RevokedStatus(Date.from(now.minusSeconds(60)), CRLReason.keyCompromise)
              : CertificateStatus.GOOD;
      builder.addResponse(
          id,
          status,
          Date.from(now.minusSeconds(5)),
          Date.from(now.plus(Duration.ofHours(1))),
          null);
    }
    X509CertificateHolder[] holders = new X509CertificateHolder[chain.length];
    for (int i = 0; i < chain.length; i++) {
      holders[i] = new JcaX509CertificateHolder(chain[i]);
    }
    BasicOCSPResp basic =
        builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()),
            holders,
            Date.from(now));
    return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}

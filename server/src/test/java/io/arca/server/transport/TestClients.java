package io.arca.server.transport;

import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/** Plain JDK TLS clients for end-to-end tests, built from PEM files. */
public final class TestClients {
  private TestClients() {}

  public static SSLContext context(Path ca, @Nullable Path cert, @Nullable Path key)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", certificate(ca));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);

    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (cert != null && key != null) {
      keys.setKeyEntry("me", privateKey(key), new char[0], new Certificate[] {certificate(cert)});
    }
    kmf.init(keys, new char[0]);

    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  public static SSLSocket connect(SSLContext context, int port, String... protocols)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.startHandshake();
    return socket;
  }

  /** Writes one request frame and reads back one whole response frame, header included. */
  public static byte[] exchangeFrames(SSLSocket socket, byte[] request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[8];
    in.readFully(header);
    int length = ByteBuffer.wrap(header, 4, 4).getInt();
    byte[] whole = new byte[8 + length];
    System.arraycopy(header, 0, whole, 0, 8);
    in.readFully(whole, 8, length);
    return whole;
  }

  /** Sends {@code request} and decodes the response message it gets back. */
  public static ResponseMessage exchange(SSLSocket socket, RequestMessage request)
      throws IOException {
    return exchange(socket, request, DecodeLimits.DEFAULTS);
  }

  /** Sends {@code request} and decodes the response message within {@code limits}. */
  public static ResponseMessage exchange(
      SSLSocket socket, RequestMessage request, DecodeLimits limits) throws IOException {
    byte[] response = exchangeFrames(socket, TtlvWriter.toBytes(request.encode()));
    return ResponseMessage.decode((TtlvStructure) TtlvReader.read(response, limits));
  }

  public static X509Certificate certificate(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  public static PrivateKey privateKey(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      return converter.getPrivateKey((PrivateKeyInfo) pem);
    }
  }
}

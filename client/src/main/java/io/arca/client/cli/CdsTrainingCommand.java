package io.arca.client.cli;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseHeader;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code arca cds-training} (hidden): what the launcher runs once to make the class-data-sharing
 * archive. An archive holds the classes its run loaded, and most commands spend their start on the
 * mutual-TLS handshake and the KMIP codec, which {@code --version} or {@code completion} never
 * load. So this runs two real commands, over real TLS with throwaway PEM files, against a server of
 * a few lines in this process that answers every item with an empty success, and then exits with
 * the first failing command's code (0 when both worked).
 */
@Command(name = "cds-training", hidden = true, description = "Load what commands load, for CDS.")
final class CdsTrainingCommand implements Callable<Integer> {
  private static final int HEADER_BYTES = 8;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path directory = Files.createTempDirectory("arca-cds-training");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSigned(pair);
      Path certificateFile = pem(directory.resolve("training.crt"), certificate);
      Path keyFile =
          pem(directory.resolve("training.key"), new JcaPKCS8Generator(pair.getPrivate(), null));
      try (SSLServerSocket server = server(pair, certificate)) {
        Thread answering = new Thread(() -> answerAll(server), "arca-cds-training");
        answering.setDaemon(true);
        answering.start();
        String[] connection = {
          "--host", "127.0.0.1",
          "--port", Integer.toString(server.getLocalPort()),
          "--ca", certificateFile.toString(),
          "--cert", certificateFile.toString(),
          "--key", keyFile.toString()
        };
        PrintWriter err = spec.commandLine().getErr();
        int located = run(connection, "locate", err);
        return located != ArcaCli.EXIT_OK ? located : run(connection, "discover-versions", err);
      }
    } finally {
      try (var files = Files.list(directory)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(directory);
    }
  }

  private static int run(String[] connection, String command, PrintWriter err) {
    List<String> args = new ArrayList<>(List.of(connection));
    args.add(command);
    StringWriter errors = new StringWriter();
    int code =
        ArcaCli.commandLine()
            .setOut(new PrintWriter(Writer.nullWriter()))
            .setErr(new PrintWriter(errors))
            .execute(args.toArray(String[]::new));
    if (code != ArcaCli.EXIT_OK) {
      err.println("cds-training: " + command + ": " + errors.toString().strip());
      err.flush();
    }
    return code;
  }

  private static X509Certificate selfSigned(KeyPair pair) throws Exception {
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=arca-cds-training");
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(now.plus(Duration.ofHours(1))),
            name,
            pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }

  private static Path pem(Path file, Object object) throws IOException {
    try (JcaPEMWriter writer =
        new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      writer.writeObject(object);
    }
    return file;
  }

  private static SSLServerSocket server(KeyPair pair, X509Certificate certificate)
      throws Exception {
    char[] password = new char[0];
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("key", pair.getPrivate(), password, new X509Certificate[] {certificate});
    store.setCertificateEntry("trusted", certificate);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 4, InetAddress.getLoopbackAddress());
    server.setNeedClientAuth(true);
    return server;
  }

  /** Answers every request item with an empty success, until the socket closes. */
  private static void answerAll(SSLServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
          byte[] header = new byte[HEADER_BYTES];
          in.readFully(header);
          int length =
              ((header[4] & 0xFF) << 24)
                  | ((header[5] & 0xFF) << 16)
                  | ((header[6] & 0xFF) << 8)
                  | (header[7] & 0xFF);
          if (length < 0 || length > DecodeLimits.DEFAULTS.maxMessageBytes() - HEADER_BYTES) {
            break;
          }
          byte[] message = new byte[HEADER_BYTES + length];
          System.arraycopy(header, 0, message, 0, HEADER_BYTES);
          in.readFully(message, HEADER_BYTES, length);
          RequestMessage request =
              RequestMessage.decode(
                  (TtlvStructure) TtlvReader.read(message, DecodeLimits.DEFAULTS));
          out.write(TtlvWriter.toBytes(answer(request).encode()));
          out.flush();
        }
      } catch (IOException | RuntimeException closed) {
        // The command closed its connection, or the server socket closed: next, or done.
      }
    }
  }

  private static ResponseMessage answer(RequestMessage request) {
    ProtocolVersion version = request.header().protocolVersion();
    List<ResponseBatchItem> items = new ArrayList<>();
    for (RequestBatchItem item : request.batchItems()) {
      items.add(
          ResponseBatchItem.success(
              item.operation(),
              item.uniqueBatchItemId(),
              TtlvStructure.of(Tag.RESPONSE_PAYLOAD.code())));
    }
    return new ResponseMessage(ResponseHeader.of(version, Instant.now()), items);
  }
}

package io.arca.client.cli;

import static io.arca.client.cli.AccessAndSignatureCommandsEndToEndTest.match;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.testing.ClientCertificates;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The device story through the {@code arca} CLI against a real server over mutual TLS: the admin
 * makes a CA key pair in Arca and a self-signed CA certificate for it, the server is set to trust
 * that CA beside its bootstrap CA, and a device holding only a bootstrap certificate makes its own
 * key pair, has Arca certify its PKCS#10 request with the CA key (a grant of Certify lets it),
 * takes its certificate out, and then connects with it as its TLS client identity.
 */
class DeviceEnrolmentEndToEndTest {
  @TempDir Path dir;
  private @Nullable Arca server;

  @AfterEach
  void stop() {
    Arca running = server;
    if (running != null) {
      running.close();
      server = null;
    }
  }

  @Test
  void aDeviceEnrolsWithItsBootstrapCertificateAndThenWorksWithTheOneArcaIssued() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ClientCertificates.issue(
        pki.caCertificate(),
        pki.directory().resolve("ca.key"),
        "device-7",
        pki.directory().resolve("bootstrap.crt"),
        pki.directory().resolve("bootstrap.key"));
    Path clientCas = dir.resolve("client-cas.pem");
    Files.copy(pki.caCertificate(), clientCas);
    int port = start(pki, clientCas);
    Path admin = conf(port, "admin", "pki/admin.crt", "pki/admin.key");
    Path bootstrap = conf(port, "device-7", "pki/bootstrap.crt", "pki/bootstrap.key");

    // The admin's CA: a key pair in Arca and its self-signed certificate.
    String caKeys = ok(admin, "rsa", "keys", "create", "--size-in-bits", "2048").out();
    String caPublic = match("Public key unique identifier: (\\S+)", caKeys);
    String caPrivate = match("Private key unique identifier: (\\S+)", caKeys);
    String caCertificate =
        match(
            "Unique identifier: (\\S+)",
            ok(admin, "certificates", "certify", "--public-key-id", caPublic).out());
    Path caPem = dir.resolve("arca-ca.pem");
    ok(admin, "certificates", "export", "--id", caCertificate, "--format", "pem", caPem.toString());
    X509Certificate ca = read(caPem);
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);

    // The device may not use the CA before it is granted Certify on the CA's certificate and key.
    KeyPair device = rsa();
    Path csr = dir.resolve("device.csr");
    writePem(csr, request("CN=device-7", device));
    Path key = dir.resolve("device.key");
    writePem(key, device.getPrivate());
    CliRun refused =
        as(
            bootstrap,
            "certificates",
            "certify",
            "--csr",
            csr.toString(),
            "--issuer-id",
            caCertificate);
    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).contains("NotFound");
    ok(admin, "access-rights", "grant", "device-7", "--object-uid", caCertificate, "Certify");
    ok(admin, "access-rights", "grant", "device-7", "--object-uid", caPrivate, "Certify");

    String issued =
        match(
            "Unique identifier: (\\S+)",
            ok(
                    bootstrap,
                    "certificates",
                    "certify",
                    "--csr",
                    csr.toString(),
                    "--issuer-id",
                    caCertificate,
                    "--days",
                    "30")
                .out());
    Path devicePem = dir.resolve("device.pem");
    ok(
        bootstrap,
        "certificates",
        "export",
        "--id",
        issued,
        "--format",
        "pem",
        devicePem.toString());
    X509Certificate certificate = read(devicePem);
    certificate.verify(ca.getPublicKey());
    assertThat(certificate.getPublicKey()).isEqualTo(device.getPublic());
    ok(bootstrap, "certificates", "validate", devicePem.toString(), caPem.toString());

    // Before the server trusts Arca's CA, the new certificate does not get in.
    Path enrolled = conf(port, "device-7-enrolled", "device.pem", "device.key");
    assertThat(as(enrolled, "sym", "keys", "create", "--number-of-bits", "256").exitCode())
        .isNotZero();

    // The server is set to trust Arca's CA beside the bootstrap CA, and restarted on its data.
    Files.writeString(
        clientCas,
        Files.readString(pki.caCertificate()) + Files.readString(caPem),
        StandardCharsets.US_ASCII);
    stop();
    port = start(pki, clientCas);
    enrolled = conf(port, "device-7-enrolled", "device.pem", "device.key");
    String made =
        match(
            "Unique identifier: (\\S+)",
            ok(enrolled, "sym", "keys", "create", "--number-of-bits", "256").out());
    // The same user as the bootstrap identity: the device reads the key it made.
    Path bootstrapAgain = conf(port, "device-7", "pki/bootstrap.crt", "pki/bootstrap.key");
    ok(bootstrapAgain, "sym", "keys", "export", "--key-id", made, dir.resolve("k.json").toString());
  }

  /** Starts the server trusting the client CAs of {@code clientCas}; returns its port. */
  private int start(DevelopmentPki pki, Path clientCas) throws Exception {
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), clientCas, null);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(16, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
    Arca started = Arca.start(config, TlsContexts.server(tls));
    server = started;
    return started.port();
  }

  private Path conf(int port, String name, String cert, String key) throws Exception {
    return Files.writeString(
        dir.resolve(name + ".toml"),
        """
        host = "127.0.0.1"
        port = %d
        ca = "pki/ca.crt"
        cert = "%s"
        key = "%s"
        """
            .formatted(port, cert, key));
  }

  record CliRun(int exitCode, String out, String err) {}

  private static CliRun as(Path conf, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--conf";
    all[args.length + 1] = conf.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new CliRun(cli.execute(all), out.toString(), err.toString());
  }

  private static CliRun ok(Path conf, String... args) {
    CliRun run = as(conf, args);
    assertThat(run.exitCode()).as("arca %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static PKCS10CertificationRequest request(String subject, KeyPair keys) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
  }

  private static void writePem(Path file, Object object) throws Exception {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(writer)) {
      pem.writeObject(object);
    }
  }

  private static X509Certificate read(Path pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
  }
}

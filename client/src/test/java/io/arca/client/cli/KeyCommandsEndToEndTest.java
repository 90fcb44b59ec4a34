package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The key commands of the CLI end to end: a real server in this process over mutual TLS with its
 * embedded database, driven exactly as a person would drive {@code bin/arca}.
 */
class KeyCommandsEndToEndTest {
  @TempDir static Path dir;
  static Arca server;
  static Path conf;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
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
    server = Arca.start(config, TlsContexts.server(tls));
    conf =
        Files.writeString(
            dir.resolve("arca.toml"),
            """
            host = "127.0.0.1"
            port = %d
            ca = "pki/ca.crt"
            cert = "pki/admin.crt"
            key = "pki/admin.key"
            """
                .formatted(server.port()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Run(int exitCode, String out, String err) {
    String field(String name) {
      Matcher matcher = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(out);
      assertThat(matcher.find()).as("field %s in %s", name, out).isTrue();
      return matcher.group(1);
    }
  }

  static Run arca(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  /** Runs a command against the test server, with its configuration file. */
  static Run arcaOnServer(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--conf";
    all[args.length + 1] = conf.toString();
    return arca(all);
  }

  static String symmetricKey(String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "sym";
    args[1] = "keys";
    args[2] = "create";
    args[3] = "--number-of-bits";
    args[4] = "256";
    System.arraycopy(more, 0, args, 5, more.length);
    Run created = arcaOnServer(args);
    assertThat(created.exitCode()).as(created.err()).isZero();
    Matcher id = Pattern.compile("Unique identifier: (\\S+)").matcher(created.out());
    assertThat(id.find()).as(created.out()).isTrue();
    return id.group(1);
  }

  @Test
  void aFileEncryptedWithANewAesKeyDecryptsToTheSameBytes() throws Exception {
    String key = symmetricKey();
    Path secret = Files.writeString(dir.resolve("secret.txt"), "attack at dawn\n");

    Run encrypted = arcaOnServer("sym", "encrypt", "--key-id", key, secret.toString());
    Path sealed = dir.resolve("secret.enc");
    assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
    assertThat(encrypted.out())
        .isEqualTo(
            "The encrypted file is available at \"" + sealed + "\"" + System.lineSeparator());
    assertThat(Files.size(sealed)).isEqualTo(SegmentedFile.MAGIC.length + 4 + 12 + 15 + 16);

    Run decrypted = arcaOnServer("sym", "decrypt", "--key-id", key, sealed.toString());
    assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
    assertThat(decrypted.out()).contains("The decrypted file is available at");
    assertThat(Files.readString(dir.resolve("secret.plain"))).isEqualTo("attack at dawn\n");
  }

  @Test
  void aTamperedFileDoesNotDecrypt() throws Exception {
    String key = symmetricKey();
    Path secret = Files.write(dir.resolve("tamper.bin"), new byte[] {1, 2, 3, 4});
    Path sealed = dir.resolve("tamper.sealed");
    assertThat(
            arcaOnServer("sym", "encrypt", "-k", key, secret.toString(), "-o", sealed.toString())
                .exitCode())
        .isZero();
    byte[] bytes = Files.readAllBytes(sealed);
    bytes[13] ^= 1;
    Files.write(sealed, bytes);

    Run decrypted =
        arcaOnServer("sym", "decrypt", "-k", key, sealed.toString(), "-o", "unused.plain");

    assertThat(decrypted.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(decrypted.err()).startsWith("arca: Decrypt failed: ");
  }

  @Test
  void aTaggedKeyIsFoundByItsTagAndShowsItInItsAttributes() {
    String key = symmetricKey("--tag", "payroll", "--tag", "2026");
    String other = symmetricKey("--tag", "payroll");

    Run located = arcaOnServer("locate", "--tag", "payroll", "--tag", "2026");
    assertThat(located.exitCode()).as(located.err()).isZero();
    assertThat(located.out().lines()).containsExactly(key);

    Run both = arcaOnServer("locate", "--tag", "payroll", "--type", "symmetric-key", "--json");
    assertThat(both.out()).contains("\"" + key + "\"").contains("\"" + other + "\"");

    Run attributes = arcaOnServer("attributes", "get", "--id", key);
    assertThat(attributes.exitCode()).as(attributes.err()).isZero();
    assertThat(attributes.out()).contains("arca:tag: payroll").contains("arca:tag: 2026");
  }

  @Test
  void tagsCanBeAddedAndRemovedAfterCreation() {
    String key = symmetricKey();
    assertThat(arcaOnServer("attributes", "set", "--id", key, "--tag", "late").exitCode()).isZero();
    assertThat(arcaOnServer("locate", "--tag", "late").out().lines()).containsExactly(key);

    Run deleted = arcaOnServer("attributes", "delete", "--id", key, "--tag", "late");

    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(arcaOnServer("locate", "--tag", "late").out()).isEmpty();
  }

  @Test
  void anAesKeyExportsAsItsRawBytes() throws Exception {
    String key = symmetricKey();
    Path raw = dir.resolve("aes.key");

    Run exported =
        arcaOnServer("sym", "keys", "export", "-k", key, "--key-format", "raw", raw.toString());

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(exported.out())
        .startsWith("The key " + key + " of type SymmetricKey was exported to \"" + raw + "\"");
    assertThat(Files.size(raw)).isEqualTo(32);
  }

  @Test
  void aDestroyedKeyNoLongerEncrypts() throws Exception {
    String key = symmetricKey();
    assertThat(arcaOnServer("sym", "keys", "revoke", "-k", key, "no longer needed").exitCode())
        .isZero();

    Run destroyed = arcaOnServer("sym", "keys", "destroy", "--key-id", key);

    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out())
        .isEqualTo(
            "Successfully destroyed the key."
                + System.lineSeparator()
                + "Unique identifier: "
                + key
                + System.lineSeparator());
    Path data = Files.writeString(dir.resolve("after.txt"), "x");
    Run refused = arcaOnServer("sym", "encrypt", "-k", key, data.toString());
    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).startsWith("arca: Encrypt failed: ");
  }

  @Test
  void anUnknownKeyIsAKmipErrorNamingTheReason() throws Exception {
    Path data = Files.writeString(dir.resolve("unknown.txt"), "x");

    Run refused = arcaOnServer("sym", "encrypt", "-k", "no-such-key", data.toString());

    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).contains("Encrypt failed: ObjectNotFound");
  }

  @Test
  void anRsaKeyPairIsCreatedAndItsPublicKeyExportsAsPkcs8Pem() throws Exception {
    Run created = arcaOnServer("rsa", "keys", "create", "--size_in_bits", "2048", "--json");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String publicKey = created.field("public_key_unique_identifier");
    String privateKey = created.field("private_key_unique_identifier");
    assertThat(publicKey).isNotEqualTo(privateKey);

    Path pem = dir.resolve("public.pem");
    Run exported =
        arcaOnServer(
            "rsa",
            "keys",
            "export",
            "--key-id",
            publicKey,
            "--key-format",
            "pkcs8-pem",
            pem.toString());

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(exported.out())
        .startsWith("The key " + publicKey + " of type PublicKey was exported to \"" + pem + "\"");
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    assertThat(text).startsWith("-----BEGIN PUBLIC KEY-----");
    byte[] der =
        Base64.getMimeDecoder()
            .decode(
                text.replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", ""));
    RSAPublicKey parsed =
        (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    assertThat(parsed.getModulus().bitLength()).isEqualTo(2048);

    Run active = arcaOnServer("rsa", "keys", "destroy", "--key-id", privateKey);
    assertThat(active.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(active.err()).contains("WrongKeyLifecycleState");
    assertThat(arcaOnServer("rsa", "keys", "revoke", "-k", privateKey).exitCode()).isZero();
    Run destroyed = arcaOnServer("rsa", "keys", "destroy", "--key-id", privateKey);
    assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
    assertThat(destroyed.out()).startsWith("Successfully destroyed the key.");
  }

  @Test
  void rsaEncryptionRoundTripsOrSaysWhyTheServerRefusesIt() throws Exception {
    Run created = arcaOnServer("rsa", "keys", "create", "--size-in-bits", "2048", "--json");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String publicKey = created.field("public_key_unique_identifier");
    String privateKey = created.field("private_key_unique_identifier");
    Path secret = Files.writeString(dir.resolve("rsa-secret.txt"), "the vault code\n");

    Run encrypted =
        arcaOnServer(
            "rsa",
            "encrypt",
            "--key-id",
            publicKey,
            "--encryption-algorithm",
            "ckm-rsa-pkcs-oaep",
            secret.toString());

    if (encrypted.exitCode() == ArcaCli.EXIT_OK) {
      Run decrypted =
          arcaOnServer(
              "rsa",
              "decrypt",
              "--key-id",
              privateKey,
              "--encryption-algorithm",
              "ckm-rsa-pkcs-oaep",
              dir.resolve("rsa-secret.enc").toString());
      assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
      assertThat(Files.readString(dir.resolve("rsa-secret.plain"))).isEqualTo("the vault code\n");
    } else {
      // Until the server encrypts with RSA keys (being added in parallel) it answers Feature Not
      // Supported, which the CLI shows with exit code 1.
      assertThat(encrypted.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
      assertThat(encrypted.err()).startsWith("arca: Encrypt failed: FeatureNotSupported");
    }
  }

  @Test
  void anExportedRsaPrivateKeyImportsBackFromPem() throws Exception {
    Run created = arcaOnServer("rsa", "keys", "create", "--size-in-bits", "2048", "--json");
    String privateKey = created.field("private_key_unique_identifier");
    Path pkcs8 = dir.resolve("private.pem");
    Path pkcs1 = dir.resolve("private-pkcs1.pem");
    assertThat(
            arcaOnServer("rsa", "keys", "export", "-k", privateKey, "-f", "pkcs8-pem", "" + pkcs8)
                .exitCode())
        .isZero();
    assertThat(
            arcaOnServer("rsa", "keys", "export", "-k", privateKey, "-f", "pkcs1-pem", "" + pkcs1)
                .exitCode())
        .isZero();
    assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    Run imported =
        arcaOnServer("rsa", "keys", "import", pkcs1.toString(), "--tag", "imported", "--json");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String copy = imported.field("unique_identifier");
    assertThat(arcaOnServer("locate", "--tag", "imported", "--type", "private-key").out().lines())
        .containsExactly(copy);
  }

  @Test
  void anIdentifierGivenOnCreateIsSentAsTheRequestedUniqueIdentifier() {
    Run created = arcaOnServer("sym", "keys", "create", "--number-of-bits", "128", "my_sym_key");

    // The server decides: it either keeps the requested identifier or refuses it with a precise
    // reason (database keys, until requested identifiers land server-side), never another one.
    if (created.exitCode() == ArcaCli.EXIT_OK) {
      assertThat(created.out()).contains("Unique identifier: my_sym_key");
    } else {
      assertThat(created.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
      assertThat(created.err()).startsWith("arca: Create failed: ").contains("UniqueIdentifier");
    }
  }

  @Test
  void anEcKeyPairIsCreated() {
    Run created = arcaOnServer("ec", "keys", "create", "--curve", "nist-p256");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out())
        .startsWith("The EC key pair has been created.")
        .contains("Public key unique identifier: ")
        .contains("Private key unique identifier: ");
  }

  @Test
  void aRawAesKeyImportsAndEncrypts() throws Exception {
    Path raw = Files.write(dir.resolve("imported.key"), new byte[32]);
    Run imported = arcaOnServer("sym", "keys", "import", raw.toString(), "--json");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String key = imported.field("unique_identifier");
    assertThat(arcaOnServer("locate", "--algorithm", "aes").out()).contains(key);
  }

  @Test
  void aServerThatIsNotThereIsAConnectionError() {
    Run refused = arca("locate", "--conf", conf.toString(), "--port", "1", "--host", "127.0.0.1");

    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_CONNECTION);
    assertThat(refused.err()).contains("cannot talk to the server").contains("--host/--port");
  }
}

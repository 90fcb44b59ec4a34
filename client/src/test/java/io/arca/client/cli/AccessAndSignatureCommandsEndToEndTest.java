package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.testing.ClientCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code arca access-rights}, {@code arca sign} and {@code arca verify} end to end against a real
 * server in this process, driven by two users with their own certificates: admin and user1.
 */
class AccessAndSignatureCommandsEndToEndTest {
  private static final String NL = System.lineSeparator();

  @TempDir static Path dir;
  static Arca server;
  static Path adminConf;
  static Path user1Conf;
  static Path user2Conf;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    for (String user : new String[] {"user1", "user2"}) {
      ClientCertificates.issue(
          pki.caCertificate(),
          pki.directory().resolve("ca.key"),
          user,
          pki.directory().resolve(user + ".crt"),
          pki.directory().resolve(user + ".key"));
    }
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
    adminConf = conf("admin");
    user1Conf = conf("user1");
    user2Conf = conf("user2");
  }

  private static Path conf(String user) throws Exception {
    return Files.writeString(
        dir.resolve(user + ".toml"),
        """
        host = "127.0.0.1"
        port = %d
        ca = "pki/ca.crt"
        cert = "pki/%s.crt"
        key = "pki/%s.key"
        """
            .formatted(server.port(), user, user));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Run(int exitCode, String out, String err) {}

  static Run as(Path conf, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--conf";
    all[args.length + 1] = conf.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(all), out.toString(), err.toString());
  }

  static Run ok(Path conf, String... args) {
    Run run = as(conf, args);
    assertThat(run.exitCode()).as("arca %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }

  static String match(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
    return matcher.group(1);
  }

  static String adminKey() {
    Run created = ok(adminConf, "sym", "keys", "create", "--number-of-bits", "256");
    return match("Unique identifier: (\\S+)", created.out());
  }

  @Test
  void user1UsesTheAdminsKeyOnlyWhileGranted() throws Exception {
    String key = adminKey();
    Path secret = Files.writeString(dir.resolve("granted.txt"), "attack at dawn\n");
    Path sealed = dir.resolve("granted.enc");
    Path opened = dir.resolve("granted.plain");

    Run denied = as(user1Conf, "sym", "encrypt", "--key-id", key, secret.toString());
    assertThat(denied.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(denied.err()).contains("ObjectNotFound");

    Run granted =
        ok(adminConf, "access-rights", "grant", "user1", "--object-uid", key, "Decrypt", "encrypt");
    assertThat(granted.out())
        .isEqualTo(
            "The access rights were successfully granted."
                + NL
                + "User: user1"
                + NL
                + "Unique identifier: "
                + key
                + NL
                + "Operations: encrypt, decrypt"
                + NL);

    ok(user1Conf, "sym", "encrypt", "--key-id", key, secret.toString(), "-o", sealed.toString());
    ok(user1Conf, "sym", "decrypt", "--key-id", key, sealed.toString(), "-o", opened.toString());
    assertThat(Files.readString(opened)).isEqualTo("attack at dawn\n");

    Run listed = ok(adminConf, "access-rights", "list", "--object-uid", key);
    assertThat(listed.out())
        .isEqualTo(
            "The access rights on "
                + key
                + ":"
                + NL
                + "Owner: admin"
                + NL
                + "user1: encrypt, decrypt"
                + NL);
    assertThat(ok(user1Conf, "access-rights", "obtained").out())
        .contains(key + ": encrypt, decrypt" + NL);
    assertThat(ok(adminConf, "access-rights", "owned").out()).contains(NL + key + NL);
    // Only the owner manages grants, and sees them.
    assertThat(
            as(user1Conf, "access-rights", "grant", "user2", "--object-uid", key, "encrypt")
                .exitCode())
        .isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(as(user1Conf, "access-rights", "list", "--object-uid", key).exitCode())
        .isEqualTo(ArcaCli.EXIT_KMIP_ERROR);

    Run revoked =
        ok(adminConf, "access-rights", "revoke", "user1", "--object-uid", key, "decrypt", "--json");
    assertThat(revoked.out())
        .isEqualTo(
            "{\"user\": \"user1\", \"unique_identifier\": \""
                + key
                + "\", \"operations\": [\"decrypt\"]}"
                + NL);
    Run refused = as(user1Conf, "sym", "decrypt", "--key-id", key, sealed.toString());
    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).contains("PermissionDenied");
    ok(user1Conf, "sym", "encrypt", "--key-id", key, secret.toString(), "-o", sealed.toString());
  }

  @Test
  void aUserWithNothingOwnsAndObtainsNothing() {
    assertThat(ok(user2Conf, "access-rights", "owned").out()).isEqualTo("You own no object." + NL);
    assertThat(ok(user2Conf, "access-rights", "obtained").out())
        .isEqualTo("You were granted no access right." + NL);
  }

  @Test
  void anUnknownOperationIsAUsageError() {
    Run run = as(adminConf, "access-rights", "grant", "user1", "-i", "x", "frobnicate");
    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(run.err()).contains("frobnicate: not a KMIP operation");
    assertThat(as(adminConf, "access-rights", "grant", "user1", "-i", "x").exitCode())
        .isEqualTo(ArcaCli.EXIT_USAGE);
  }

  /** Signs a file and checks the signature, then the same signature over other bytes. */
  private static void signsAndVerifies(String privateKey, String publicKey, String... algorithm)
      throws Exception {
    Path file = Files.writeString(dir.resolve("contract-" + privateKey + ".txt"), "I agree.\n");
    Path signature = dir.resolve("contract-" + privateKey + ".sig");
    String[] sign = {"sign", "--key-id", privateKey, file.toString()};
    Run signed = ok(adminConf, concat(sign, algorithm));
    assertThat(signed.out()).isEqualTo("The signature is available at \"" + signature + "\"" + NL);
    assertThat(Files.size(signature)).isPositive();

    String[] verify = {"verify", "--key-id", publicKey, file.toString(), signature.toString()};
    assertThat(ok(adminConf, concat(verify, algorithm)).out())
        .isEqualTo("The signature is valid." + NL);

    Files.writeString(file, "I disagree.\n");
    Run forged = as(adminConf, concat(verify, algorithm));
    assertThat(forged.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(forged.out()).isEqualTo("The signature is NOT valid (Invalid)." + NL);
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static String[] pair(String... create) {
    Run created = ok(adminConf, create);
    return new String[] {
      match("Private key unique identifier: (\\S+)", created.out()),
      match("Public key unique identifier: (\\S+)", created.out())
    };
  }

  @Test
  void macOfAFileWithAStoredHmacKeyIsTheJdksAndVerifies() throws Exception {
    Run created =
        ok(adminConf, "sym", "keys", "create", "-a", "hmac-sha384", "--number-of-bits", "384");
    String key = match("Unique identifier: (\\S+)", created.out());
    Path file = Files.writeString(dir.resolve("ledger.txt"), "pay 10 to bob\n");
    Path mac = dir.resolve("ledger.mac");
    assertThat(ok(adminConf, "mac", "--key-id", key, file.toString()).out())
        .isEqualTo("The MAC is available at \"" + mac + "\"" + NL);

    Path exported = dir.resolve("ledger-hmac.key");
    ok(adminConf, "sym", "keys", "export", "-k", key, "-f", "raw", exported.toString());
    Mac jdk = Mac.getInstance("HmacSHA384");
    jdk.init(new SecretKeySpec(Files.readAllBytes(exported), "HmacSHA384"));
    assertThat(Files.readAllBytes(mac)).isEqualTo(jdk.doFinal(Files.readAllBytes(file)));

    assertThat(ok(adminConf, "mac-verify", "-k", key, file.toString(), mac.toString()).out())
        .isEqualTo("The MAC is valid." + NL);
    assertThat(
            ok(adminConf, "mac-verify", "-k", key, file.toString(), mac.toString(), "--json").out())
        .isEqualTo("{\"validity\": \"Valid\"}" + NL);
    Files.writeString(file, "pay 1000 to bob\n");
    Run forged = as(adminConf, "mac-verify", "-k", key, file.toString(), mac.toString());
    assertThat(forged.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(forged.out()).isEqualTo("The MAC is NOT valid (Invalid)." + NL);
    // user1 holds no right on the key: it does not exist for it.
    Run stranger = as(user1Conf, "mac", "-k", key, file.toString());
    assertThat(stranger.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(stranger.err()).contains("ObjectNotFound");
  }

  @Test
  void rsaSignaturesPkcs1AndPss() throws Exception {
    String[] keys = pair("rsa", "keys", "create", "--size-in-bits", "2048");
    signsAndVerifies(keys[0], keys[1]);
    signsAndVerifies(keys[0], keys[1], "--signature-algorithm", "rsassa-pss");
    signsAndVerifies(keys[0], keys[1], "--signature-algorithm", "rsassa-pkcs1-v1_5");
    // A PSS signature is not a PKCS#1 v1.5 one.
    Path file = Files.writeString(dir.resolve("pss.txt"), "pss\n");
    Path signature = dir.resolve("pss.sig");
    ok(adminConf, "sign", "-k", keys[0], "-a", "rsassa-pss", file.toString());
    Run mixed = as(adminConf, "verify", "-k", keys[1], file.toString(), signature.toString());
    assertThat(mixed.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
  }

  @Test
  void ecdsaAndEd25519Signatures() throws Exception {
    String[] p256 = pair("ec", "keys", "create");
    signsAndVerifies(p256[0], p256[1]);
    signsAndVerifies(p256[0], p256[1], "--signature-algorithm", "ecdsa-sha384");
    String[] ed = pair("ec", "keys", "create", "--curve", "ed25519");
    signsAndVerifies(ed[0], ed[1]);
    Path edSignature = dir.resolve("contract-" + ed[0] + ".sig");
    assertThat(Files.size(edSignature)).isEqualTo(64);
  }

  @Test
  void signingWithAPublicKeyOrAnUnknownSchemeFails() throws Exception {
    String[] keys = pair("ec", "keys", "create");
    Path file = Files.writeString(dir.resolve("wrong.txt"), "x");
    assertThat(as(adminConf, "sign", "-k", keys[1], file.toString()).exitCode())
        .isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    Run unknown = as(adminConf, "sign", "-k", keys[0], "-a", "dsa", file.toString());
    assertThat(unknown.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(unknown.err()).contains("--signature-algorithm dsa: expected");
  }
}

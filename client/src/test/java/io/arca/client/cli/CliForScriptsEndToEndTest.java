package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI as scripts and people use it, against a real server in this process over mutual TLS:
 * global options on either side of the subcommand, errors as JSON, files far larger than one
 * request, a request the server refuses as too large, and shell completion.
 */
class CliForScriptsEndToEndTest {
  private static final int MAX_MESSAGE_BYTES = 1 << 20;

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
            new ServerConfig.Limits(
                16, MAX_MESSAGE_BYTES, Duration.ofMinutes(1), Duration.ofSeconds(5)),
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

  record Run(int exitCode, String out, String err) {}

  static Run arca(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  static String aesKey() {
    Run created = arca("--conf", conf.toString(), "sym", "keys", "create");
    assertThat(created.exitCode()).as(created.err() + created.out()).isZero();
    Matcher id = Pattern.compile("Unique identifier: (\\S+)").matcher(created.out());
    assertThat(id.find()).as(created.out()).isTrue();
    return id.group(1);
  }

  @Test
  void globalOptionsWorkBeforeTheSubcommand() {
    Run created = arca("--conf", conf.toString(), "--json", "sym", "keys", "create");

    assertThat(created.exitCode()).as(created.err() + created.out()).isZero();
    assertThat(created.out()).startsWith("{\"unique_identifier\": \"");
  }

  @Test
  void globalOptionsWorkAfterTheSubcommandAndMixed() {
    String key = aesKey();
    Run after = arca("locate", "--algorithm", "aes", "--conf", conf.toString(), "--json");
    Run mixed =
        arca("--host", "127.0.0.1", "locate", "--conf", conf.toString(), "--algorithm", "aes");

    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).startsWith("{").contains(key);
    assertThat(mixed.exitCode()).as(mixed.err()).isZero();
    assertThat(mixed.out()).contains(key);
  }

  @Test
  void aKmipErrorWithJsonIsOneObjectOnStandardOutput() {
    Run missing =
        arca(
            "--json",
            "sym",
            "keys",
            "revoke",
            "--key-id",
            "no-such-key",
            "done",
            "--conf",
            conf.toString());

    assertThat(missing.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(missing.err()).isEmpty();
    assertThat(missing.out().strip())
        .startsWith("{\"error\": {\"kind\": \"kmip\", \"exit_code\": 1, \"message\": \"")
        .contains("\"operation\": \"Revoke\"")
        .contains("\"result_reason\": \"ObjectNotFound\"")
        .endsWith("}}");
  }

  @Test
  void usageAndConnectionErrorsWithJsonAreObjectsToo() {
    Run usage = arca("sym", "encrypt", "--json", "--conf", conf.toString());
    Run unreachable =
        arca("--json", "locate", "--conf", conf.toString(), "--host", "127.0.0.1", "--port", "1");

    assertThat(usage.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(usage.err()).isEmpty();
    assertThat(usage.out())
        .startsWith("{\"error\": {\"kind\": \"usage\", \"exit_code\": 2, \"message\": \"Missing");
    assertThat(unreachable.exitCode()).isEqualTo(ArcaCli.EXIT_CONNECTION);
    assertThat(unreachable.err()).isEmpty();
    assertThat(unreachable.out())
        .startsWith("{\"error\": {\"kind\": \"connection\", \"exit_code\": 3, \"message\": ")
        .contains("--host/--port");
  }

  @Test
  void aFiftyMegabyteFileIsEncryptedAndDecryptedInParts() throws Exception {
    String key = aesKey();
    Path big = dir.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    Random random = new Random(22);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 50; i++) {
        random.nextBytes(block);
        out.write(block);
      }
      out.write(block, 0, 12_345);
    }
    long size = Files.size(big);
    long segments = size / SegmentedFile.SEGMENT_BYTES + 1;

    Run encrypted =
        arca("sym", "encrypt", "--key-id", key, big.toString(), "--conf", conf.toString());
    assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
    Path sealed = dir.resolve("big.enc");
    assertThat(Files.size(sealed)).isEqualTo(12 + size + segments * (12 + 16));

    Run decrypted =
        arca("sym", "decrypt", "--key-id", key, sealed.toString(), "--conf", conf.toString());
    assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
    assertThat(Files.mismatch(big, dir.resolve("big.plain"))).isEqualTo(-1L);
  }

  @Test
  void aTamperedOrTruncatedFileDecryptsToNothing() throws Exception {
    String key = aesKey();
    Path file =
        Files.write(dir.resolve("three.bin"), new byte[SegmentedFile.SEGMENT_BYTES * 2 + 7]);
    assertThat(
            arca("sym", "encrypt", "-k", key, file.toString(), "--conf", conf.toString())
                .exitCode())
        .isZero();
    Path sealed = dir.resolve("three.enc");
    byte[] good = Files.readAllBytes(sealed);

    byte[] flipped = good.clone();
    flipped[12 + SegmentedFile.SEGMENT_BYTES + 100] ^= 1;
    Path tampered = Files.write(dir.resolve("tampered.enc"), flipped);
    Run refused = arca("sym", "decrypt", "-k", key, tampered.toString(), "--conf", conf.toString());
    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(dir.resolve("tampered.plain")).doesNotExist();
    assertThat(dir.resolve("tampered.plain.part")).doesNotExist();

    // Without its last segment the file is still a whole number of segments: the AAD's last flag
    // is what tells that the end is missing.
    Path truncated = dir.resolve("truncated.enc");
    Files.write(truncated, good);
    try (FileChannel channel = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
      channel.truncate(12 + 2L * (12 + SegmentedFile.SEGMENT_BYTES + 16));
    }
    Run cut = arca("sym", "decrypt", "-k", key, truncated.toString(), "--conf", conf.toString());
    assertThat(cut.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(dir.resolve("truncated.plain")).doesNotExist();
  }

  @Test
  void aRequestLargerThanTheServerAcceptsSaysSo() {
    String tag = "t".repeat(MAX_MESSAGE_BYTES + 100_000);

    Run refused = arca("locate", "--tag", tag, "--conf", conf.toString());

    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).doesNotContain("Broken pipe");
    assertThat(refused.err()).containsAnyOf("larger than the server accepts", "request length");
  }

  @Test
  void completionCoversTheCommandsAndTheGlobalOptions() {
    Run completion = arca("completion");

    assertThat(completion.exitCode()).as(completion.err()).isZero();
    assertThat(completion.out())
        .contains("complete -F _complete_arca")
        .contains("sym")
        .contains("encrypt")
        .contains("--conf")
        .contains("--json")
        .contains("--key-id");
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.transport.TestClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code arca-server} in a JVM of its own, sent real signals: SIGHUP reloads (the log
 * level from the TOML file, the TLS files) and the server keeps serving; SIGTERM still stops it.
 * The JVM's own SIGHUP handler would have stopped it.
 */
class HangupSignalTest {
  private static final Pattern LISTENING = Pattern.compile("Arca listens on [^ ]+:(\\d+) ");
  private static final long WAIT_SECONDS = 60;

  @TempDir Path dir;
  private @Nullable Process server;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void hangupReloadsAndTheServerKeepsServingUntilTerminated() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "log-level = \"info\"\n");
    Process process = startServer(toml);
    int port = Integer.parseInt(await(LISTENING).group(1));
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("data").resolve("pki"));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    assertThat(discover(admin, port)).isEqualTo(ResultStatus.SUCCESS);

    Files.writeString(toml, "log-level = \"debug\"\n");
    signal(process, "HUP");
    await(Pattern.compile("TLS reloaded"));
    assertThat(process.isAlive()).as("alive after SIGHUP").isTrue();

    // The debug level from the file is in force: the next connection is logged at debug.
    assertThat(discover(admin, port)).isEqualTo(ResultStatus.SUCCESS);
    await(Pattern.compile("DEBUG .* connected as admin"));

    signal(process, "TERM");
    assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
    await(Pattern.compile("stopped"));
  }

  private Process startServer(Path toml) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    // The production logging set-up, whose root level is the log-level setting.
                    "-Dlogback.configurationFile=logback.xml",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ArcaServerMain.class.getName(),
                    "--config",
                    toml.toString(),
                    "--port",
                    "0",
                    // Not the default 127.0.0.1:9696, which another process on the machine may
                    // hold.
                    "--admin-bind",
                    "off",
                    "--data-dir",
                    dir.resolve("data").toString()))
            .redirectErrorStream(true)
            .start();
    server = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                // The process ended.
              }
            },
            "server-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  /** The first line from now on that the pattern finds, within the wait. */
  private Matcher await(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      seen.append(line).append('\n');
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher;
      }
    }
    throw new AssertionError("no line matching " + pattern + " in:\n" + seen);
  }

  private static void signal(Process process, String name) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private static ResultStatus discover(SSLContext client, int port) throws Exception {
    try (SSLSocket socket = TestClients.connect(client, port)) {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(ProtocolVersion.V2_1),
              List.of(
                  new RequestBatchItem(
                      Operation.DISCOVER_VERSIONS.value(),
                      null,
                      null,
                      TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()),
                      List.of())));
      return TestClients.exchange(socket, request).batchItems().get(0).resultStatus();
    }
  }
}

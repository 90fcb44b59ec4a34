package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The server's own logback.xml with {@code log-format json}: every line on the console is one JSON
 * object; a failed operation carrying secret bytes is logged once at INFO with peer, user,
 * operation, object and reason, and none of the bytes in any form; a java.util.logging record (the
 * PKCS#11 wrapper logs that way) comes out as a JSON line too.
 */
class LogFormatTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream realOut;

  @TempDir Path dir;

  @BeforeEach
  void logJsonToACapturedConsole() throws Exception {
    realOut = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    LogSetup.apply("info", Observability.LogFormat.JSON);
    configure("/logback.xml");
  }

  @AfterEach
  void backToTheTestLog() throws Exception {
    System.setOut(realOut);
    System.clearProperty("arca.log.appender");
    System.clearProperty("arca.log.level");
    configure("/logback-test.xml");
  }

  private static void configure(String resource) throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL url = Objects.requireNonNull(LogFormatTest.class.getResource(resource), resource);
    configurator.doConfigure(url);
  }

  /**
   * A warning in Logback's own status makes it print its whole configuration status at every start
   * (an appender left unreferenced did): in either form, the configuration must leave none.
   */
  @Test
  void eitherFormConfiguresWithoutAWarning() throws Exception {
    for (Observability.LogFormat format : Observability.LogFormat.values()) {
      LogSetup.apply("info", format);
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      context.getStatusManager().clear();
      configure("/logback.xml");
      StatusUtil status = new StatusUtil(context);
      assertThat(status.getHighestLevel(0))
          .as(
              "Logback's status with %s: %s",
              format, context.getStatusManager().getCopyOfStatusList())
          .isLessThan(Status.WARN);
    }
  }

  /**
   * The PKCS#11 wrapper's session openings (INFO, two a second under load) stay out of the log; its
   * warnings do not. The server's own INFO lines still come through at the same level.
   */
  @Test
  void theWrapperWritesWarningsButNotItsSessionOpenings() throws Exception {
    System.Logger wrapper = System.getLogger("org.xipki.pkcs11");
    wrapper.log(
        System.Logger.Level.INFO, "C_OpenSession: slotID=1, flags=0x00000006, sessionHandle=7");
    wrapper.log(System.Logger.Level.WARNING, "a wrapper warning");
    LoggerFactory.getLogger(LogFormatTest.class).info("a server line");

    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .doesNotContain("C_OpenSession")
        .contains("a wrapper warning")
        .contains("a server line");
  }

  @Test
  void jsonLinesParseAndHoldNoSecretBytes() throws Exception {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 0x5c);
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    try (Arca server =
        Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls))) {
      ResponseBatchItem refused =
          AuditOutageTest.call(
              admin,
              server.port(),
              Operation.ENCRYPT,
              new Encrypt.Request(
                      "no-such-key", null, ByteString.copyOf(secret), null, null, null, null, null)
                  .encode(V));
      assertThat(refused.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    }
    java.util.logging.Logger.getLogger("org.xipki.pkcs11.wrapper").warning("a JUL record");

    String out = console.toString(StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.lines().toList()) {
      lines.add(json.readTree(line)); // throws on a line that is not one JSON object
    }
    assertThat(lines).isNotEmpty().allMatch(JsonNode::isObject);
    List<JsonNode> failures =
        lines.stream().filter(l -> l.path("loggerName").asText().endsWith("OperationLog")).toList();
    assertThat(failures).hasSize(1);
    JsonNode failure = failures.get(0);
    assertThat(failure.path("level").asText()).isEqualTo("INFO");
    assertThat(failure.path("formattedMessage").asText())
        .contains("/127.0.0.1:", " admin: Encrypt of no-such-key failed: ObjectNotFound");
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.path("loggerName").asText()).isEqualTo("org.xipki.pkcs11.wrapper");
              assertThat(l.path("formattedMessage").asText()).isEqualTo("a JUL record");
              assertThat(l.path("level").asText()).isEqualTo("WARN");
            });
    assertThat(out)
        .doesNotContain(HexFormat.of().formatHex(secret))
        .doesNotContainIgnoringCase(HexFormat.of().withUpperCase().formatHex(secret))
        .doesNotContain(Base64.getEncoder().encodeToString(secret))
        .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
  }
}

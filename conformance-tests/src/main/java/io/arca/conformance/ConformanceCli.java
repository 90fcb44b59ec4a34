package io.arca.conformance;

import io.arca.client.ClientTls;
import io.arca.client.KmipConnection;
import io.arca.kmip.ttlv.DecodeLimits;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code arca-conformance} command: runs OASIS KMIP test-case files against any KMIP server
 * over mutual TLS and prints one line per case and a summary. Exit code 0 when every case run
 * passed, 1 when one failed, 2 for a usage error.
 */
@Command(
    name = "arca-conformance",
    description = "Runs OASIS KMIP test-case files (KMIP XML) against a KMIP server.")
public final class ConformanceCli implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  // No mixinStandardHelpOptions: its -V/--version would clash with --version (the KMIP version).
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  boolean help;

  @Option(names = "--host", required = true, description = "The server's host name or address.")
  String host = "";

  @Option(
      names = "--port",
      defaultValue = "5696",
      description = "The server's port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--https-port",
      paramLabel = "PORT",
      description =
          "The server's KMIP-over-HTTPS port, for the message-encoding cases (MSGENC-HTTPS, -XML,"
              + " -JSON); without it they are skipped.")
  @Nullable Integer httpsPort;

  @Option(
      names = "--ca",
      required = true,
      description = "PEM file of the CA that signed the server's certificate.")
  Path ca = Path.of("");

  @Option(
      names = "--cert",
      required = true,
      description = "PEM file of the client certificate (chain).")
  Path cert = Path.of("");

  @Option(
      names = "--key",
      required = true,
      description = "PEM file of the client's unencrypted private key.")
  Path key = Path.of("");

  @Option(names = "--version", description = "Only cases for this KMIP version, e.g. 2.1.")
  @Nullable String version;

  @Option(names = "--profile", description = "Only cases of this profile, e.g. SKLC or CS-BC.")
  @Nullable String profile;

  @Option(
      names = "--timeout",
      defaultValue = "PT20S",
      description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout = Duration.ofSeconds(20);

  @Option(names = "--report", description = "Also write a Markdown report to this file.")
  @Nullable Path report;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Test-case files or directories (searched recursively).")
  List<Path> paths = new ArrayList<>();

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ConformanceCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    CommandSpec commandSpec = spec;
    if (commandSpec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    PrintWriter out = commandSpec.commandLine().getOut();
    List<CaseFile> cases = new ArrayList<>();
    for (CaseFile file : CaseFile.find(paths)) {
      if ((version == null || version.equals(file.version()))
          && (profile == null || profile.equals(file.profile()))) {
        cases.add(file);
      }
    }
    SSLContext tls = ClientTls.context(ca, cert, key);
    Integer https = httpsPort;
    CaseRunner runner =
        new CaseRunner(
            () -> KmipConnection.open(tls, host, port, timeout, DecodeLimits.DEFAULTS),
            https == null
                ? null
                : encoding ->
                    new HttpsExchange(tls, host, https, encoding, timeout, DecodeLimits.DEFAULTS),
            Clock.systemUTC());
    List<CaseResult> results = new ArrayList<>();
    for (CaseFile file : cases) {
      CaseResult result = runner.run(file);
      results.add(result);
      out.println(result.line());
      out.flush();
    }
    if (report != null) {
      Files.writeString(
          report,
          ConformanceReport.markdown("KMIP test cases against " + host + ":" + port, results),
          StandardCharsets.UTF_8);
    }
    out.println(ConformanceReport.summary(results));
    boolean failed = results.stream().anyMatch(r -> r.outcome() == CaseResult.Outcome.FAIL);
    return failed ? 1 : 0;
  }
}

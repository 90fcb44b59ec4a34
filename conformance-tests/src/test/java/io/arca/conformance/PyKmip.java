package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the PyKMIP scripts in {@code src/test/python} (Debian's python3-pykmip) against an
 * in-process server, as the development admin or another user, at one KMIP version.
 */
final class PyKmip {
  private PyKmip() {}

  /** What a script printed (stdout and stderr together) and its exit status. */
  record Result(int exitValue, String output) {}

  /** Runs the script to its end as the development admin; fails the test if it overruns. */
  static Result run(String script, InProcessServer server, String version, Duration timeout)
      throws IOException, InterruptedException {
    return run(
        script,
        server,
        server.pki().adminCertificate(),
        server.pki().adminKey(),
        version,
        timeout,
        List.of());
  }

  /**
   * Runs the script to its end as the user of the certificate {@code cert} (PEM, with its key
   * {@code key}), with {@code more} arguments after the version; fails the test if it overruns.
   */
  static Result run(
      String script,
      InProcessServer server,
      Path cert,
      Path key,
      String version,
      Duration timeout,
      List<String> more)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/python3");
    command.add(Path.of("src/test/python", script).toString());
    command.add("127.0.0.1");
    command.add(String.valueOf(server.port()));
    command.add(server.pki().caCertificate().toString());
    command.add(cert.toString());
    command.add(key.toString());
    command.add(version);
    command.addAll(more);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as(script + " at KMIP " + version + " finished in time").isTrue();
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}

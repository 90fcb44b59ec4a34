package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the PyKMIP scripts in {@code src/test/python} (Debian's python3-pykmip) against an
 * in-process server as the development admin, at one KMIP version.
 */
final class PyKmip {
  private PyKmip() {}

  /** What a script printed (stdout and stderr together) and its exit status. */
  record Result(int exitValue, String output) {}

  /** Runs the script to its end; fails the test if it overruns. */
  static Result run(String script, InProcessServer server, String version, Duration timeout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "/usr/bin/python3",
                Path.of("src/test/python", script).toString(),
                "127.0.0.1",
                String.valueOf(server.port()),
                server.pki().caCertificate().toString(),
                server.pki().adminCertificate().toString(),
                server.pki().adminKey().toString(),
                version)
            .redirectErrorStream(true)
            .start();
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

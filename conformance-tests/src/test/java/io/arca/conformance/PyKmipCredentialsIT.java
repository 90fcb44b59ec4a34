package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.auth.CredentialEntry;
import io.arca.server.auth.CredentialFile;
import io.arca.server.auth.PasswordHashes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A standard client's credential: PyKMIP's {@code username}/{@code password} arguments put a
 * Username and Password credential in every request header. Under {@code
 * credential-behind-certificate} its Create succeeds with the right password and is refused
 * Authentication Not Successful with a wrong one, in each version PyKMIP speaks. The PyKMIP side is
 * {@code pykmip_credentials.py}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PyKmipCredentialsIT {
  private static final String PASSWORD = "pykmip-Pass-2024";

  @TempDir static Path dir;
  private InProcessServer server;

  @BeforeAll
  void start() throws Exception {
    Path credentials = dir.resolve("credentials");
    CredentialFile.write(
        credentials,
        List.of(
            new CredentialEntry(
                CredentialEntry.Kind.USER,
                "pykmip-user",
                Map.of(),
                PasswordHashes.hash(PASSWORD.toCharArray(), new SecureRandom()))));
    server = InProcessServer.startWithCredentials(dir.resolve("data"), credentials);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
  void rightPasswordIsAcceptedAndWrongOneRefused(String version) throws Exception {
    assertThat(run(version, PASSWORD)).startsWith("RESULT OK ");
    assertThat(run(version, "pykmip-Pass-2025"))
        .isEqualTo("RESULT REFUSED AUTHENTICATION_NOT_SUCCESSFUL");
  }

  private String run(String version, String password) throws Exception {
    PyKmip.Result result =
        PyKmip.run(
            "pykmip_credentials.py",
            server,
            server.pki().adminCertificate(),
            server.pki().adminKey(),
            version,
            Duration.ofMinutes(2),
            List.of("pykmip-user", password));
    assertThat(result.exitValue()).as(result.output()).isZero();
    return result
        .output()
        .lines()
        .filter(line -> line.startsWith("RESULT "))
        .findFirst()
        .orElse(result.output());
  }
}

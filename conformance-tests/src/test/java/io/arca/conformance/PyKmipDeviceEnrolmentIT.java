package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.testing.ClientCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device story through PyKMIP's client (Debian's python3-pykmip): the admin makes a CA in Arca
 * and grants the device Certify on it; the device, holding only a bootstrap certificate, makes a
 * key pair in Arca, has it certified and takes out its certificate and key; once the server trusts
 * Arca's CA beside the bootstrap CA (restarted on the same data), the device connects with the new
 * certificate and works. PyKMIP has no Certify: the script writes that request in TTLV over
 * PyKMIP's own connection ({@code src/test/python/pykmip_device_enrolment.py}).
 */
class PyKmipDeviceEnrolmentIT {
  @TempDir Path dataDir;
  private @Nullable InProcessServer running;

  @AfterEach
  void stop() {
    InProcessServer server = running;
    if (server != null) {
      server.close();
      running = null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0"})
  void aDeviceEnrolsThroughPyKmipAndWorksWithItsNewCertificate(String version) throws Exception {
    InProcessServer server = InProcessServer.start(dataDir);
    running = server;
    String device = "pydevice-" + version.replace('.', '-');
    Path pki = dataDir.resolve("pki");
    Path bootstrapCert = pki.resolve("bootstrap.crt");
    Path bootstrapKey = pki.resolve("bootstrap.key");
    ClientCertificates.issue(
        server.pki().caCertificate(), pki.resolve("ca.key"), device, bootstrapCert, bootstrapKey);

    PyKmip.Result ca =
        PyKmip.run(
            "pykmip_device_enrolment.py",
            server,
            server.pki().adminCertificate(),
            server.pki().adminKey(),
            version,
            Duration.ofMinutes(3),
            List.of("ca", dataDir.toString(), device));
    assertThat(ca.output()).contains("SCENARIO ca PASS");
    Matcher uids = Pattern.compile("CA (\\S+) (\\S+)").matcher(ca.output());
    assertThat(uids.find()).as(ca.output()).isTrue();

    PyKmip.Result enrol =
        PyKmip.run(
            "pykmip_device_enrolment.py",
            server,
            bootstrapCert,
            bootstrapKey,
            version,
            Duration.ofMinutes(3),
            List.of("enrol", dataDir.toString(), uids.group(1), device));
    assertThat(enrol.output()).contains("SCENARIO enrol PASS");

    // The server trusts Arca's CA beside the bootstrap CA, and restarts on the same data.
    Path trusted = server.pki().caCertificate();
    Files.writeString(
        trusted,
        Files.readString(trusted) + Files.readString(dataDir.resolve("arca-ca.pem")),
        StandardCharsets.US_ASCII);
    stop();
    server = InProcessServer.start(dataDir);
    running = server;

    PyKmip.Result use =
        PyKmip.run(
            "pykmip_device_enrolment.py",
            server,
            dataDir.resolve("device.pem"),
            dataDir.resolve("device.key"),
            version,
            Duration.ofMinutes(3),
            List.of("use", dataDir.toString()));
    assertThat(use.output()).contains("SCENARIO use PASS");
  }
}

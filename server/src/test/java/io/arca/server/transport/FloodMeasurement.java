package io.arca.server.transport;

import io.arca.server.Arca;
import io.arca.server.config.ServerConfig;
import io.arca.server.config.ServerOptions;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of docs/SECURITY.md, run by hand (not a test): a server with the default limits, an
 * idle-socket flood of 1,100 connections from 127.0.0.2 for 30 s, and 59 new mutual-TLS clients
 * from 127.0.0.1 spread over those 30 s, each asking Discover Versions on a connection of its own.
 * Logs how many clients failed and how many warning lines and bytes the transport logged.
 */
public final class FloodMeasurement {
  private FloodMeasurement() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("arca-flood");
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    String[] flags = {
      "--port", "0",
      "--data-dir", dir.toString(),
      "--tls-cert", pki.serverCertificate().toString(),
      "--tls-key", pki.serverKey().toString(),
      "--tls-client-ca", pki.caCertificate().toString()
    };
    ServerOptions options = new ServerOptions();
    ServerOptions.commandLine(options, flags, Map.of()).parseArgs(flags);
    ServerConfig config = options.toConfig();
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    byte[] request = FrontDoorTest.discoverVersions();
    int clients = 59;
    long floodMillis = TimeUnit.SECONDS.toMillis(30);
    try (Arca server =
            Arca.start(config, TlsContexts.server(java.util.Objects.requireNonNull(config.tls())));
        LogLines log = LogLines.ofTransport();
        IdleSocketFlood flood =
            IdleSocketFlood.start(
                InetAddress.getByAddress(new byte[] {127, 0, 0, 2}),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                1_100)) {
      long start = System.nanoTime();
      int failed = 0;
      for (int i = 0; i < clients; i++) {
        long due = start + TimeUnit.MILLISECONDS.toNanos(floodMillis * i / clients);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        try (SSLSocket socket = TestClients.connect(admin, server.port())) {
          FrontDoorTest.exchange(socket, request);
        } catch (Exception e) {
          failed++;
        }
      }
      TimeUnit.NANOSECONDS.sleep(
          Math.max(0, start + TimeUnit.MILLISECONDS.toNanos(floodMillis) - System.nanoTime()));
      List<String> lines = log.warnings();
      long bytes = lines.stream().mapToLong(line -> line.length() + 1L).sum();
      Logger report = LoggerFactory.getLogger(FloodMeasurement.class);
      report.info("limits {}", config.limits());
      report.info(
          "flood: {} connections opened in {} s from 127.0.0.2; valid clients failed: {} of {};"
              + " transport warnings: {} lines, {} bytes",
          flood.opened(),
          floodMillis / 1000,
          failed,
          clients,
          lines.size(),
          bytes);
      lines.forEach(line -> report.info("  {}", line));
    }
  }
}

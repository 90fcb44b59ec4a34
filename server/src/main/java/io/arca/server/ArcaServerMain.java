package io.arca.server;

import io.arca.server.audit.AuditShow;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.config.AuditCommand;
import io.arca.server.config.BackupCommand;
import io.arca.server.config.CredentialsCommand;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.Password;
import io.arca.server.config.PrivateFiles;
import io.arca.server.config.ServerConfig;
import io.arca.server.config.ServerOptions;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.ServerTls;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.NetworkTransport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code arca-server}: reads the settings, prepares TLS (making the development PKI on a first
 * start without TLS settings), opens the stores, starts the listener and runs until SIGTERM or
 * SIGINT, then shuts down cleanly. SIGHUP reloads the log level and the TLS material.
 */
public final class ArcaServerMain {
  private ArcaServerMain() {}

  /** Runs the server; exits 2 on a usage error and 1 when the server cannot start. */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    ServerOptions options = new ServerOptions();
    CommandLine commandLine;
    ServerConfig config;
    CommandLine.ParseResult parsed;
    try {
      commandLine = ServerOptions.commandLine(options, args, System.getenv());
      parsed = commandLine.parseArgs(args);
      if (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("kek")) {
        System.exit(kek(parsed, options, err));
        return;
      }
      if (parsed.hasSubcommand()
          && (parsed.subcommand().commandSpec().userObject() instanceof BackupCommand.Backup
              || parsed.subcommand().commandSpec().userObject() instanceof BackupCommand.Restore)) {
        System.exit(backup(parsed, options, err));
        return;
      }
      if (parsed.hasSubcommand()
          && parsed.subcommand().commandSpec().userObject() instanceof CredentialsCommand) {
        System.exit(credentials(parsed, options, err));
        return;
      }
      if (parsed.hasSubcommand()) {
        System.exit(audit(parsed, options, err));
        return;
      }
      if (commandLine.isUsageHelpRequested()) {
        commandLine.usage(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        return;
      }
      if (commandLine.isVersionHelpRequested()) {
        commandLine.printVersionHelp(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        return;
      }
      config = options.toConfig();
      if (options.checkOnly()) {
        System.exit(checkConfig(config, err));
        return;
      }
    } catch (ParameterException | IllegalArgumentException | IOException e) {
      err.println("arca-server: " + e.getMessage());
      err.println("Try 'arca-server --help'.");
      System.exit(2);
      return;
    }
    // Before the first logger exists, so that logback.xml picks the level and the form up.
    LogSetup.apply(config.logLevel(), config.observability().logFormat());
    Logger log = LoggerFactory.getLogger(ArcaServerMain.class);
    try {
      run(config, args, log);
    } catch (Exception e) {
      log.error("arca-server cannot start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /**
   * {@code --check-config}: what starting would read before it opens anything, read now. The
   * settings have parsed; the TLS files must load into a context, and the HSM library exist.
   */
  private static int checkConfig(ServerConfig config, PrintWriter err) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    System.setProperty("arca.log.level", "WARN");
    HsmSettings hsm = config.hsm();
    try {
      ServerConfig.Tls tls = config.tls();
      if (tls != null) {
        TlsContexts.server(tls);
      }
      if (hsm != null && !Files.isReadable(hsm.library())) {
        throw new IOException("the HSM library " + hsm.library() + " cannot be read");
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("arca-server: the configuration cannot start a server: " + e.getMessage());
      return 1;
    }
    out.println(
        "arca-server: the configuration is valid: "
            + config.bind()
            + ":"
            + config.port()
            + (config.tls() == null
                ? ", development TLS in " + config.dataDir().resolve("pki")
                : "")
            + ", "
            + (config.storage().databaseUrl() == null
                ? "embedded database in " + config.dataDir()
                : "MariaDB " + config.storage().databaseUrl())
            + (hsm == null
                ? ""
                : ", HSM slots " + hsm.slotPasswords().keySet() + " of " + hsm.library()));
    return 0;
  }

  /** {@code credentials add|remove|list}: 0 when done, 1 when refused, 2 on usage. */
  private static int credentials(
      CommandLine.ParseResult parsed, ServerOptions options, PrintWriter err) {
    CommandLine.ParseResult credentials = parsed.subcommand();
    if (!credentials.hasSubcommand()) {
      err.println("arca-server credentials: which? (add, remove, list)");
      return 2;
    }
    Path file = options.credentialsFile();
    if (file == null) {
      err.println("arca-server credentials: --credentials-file FILE is needed");
      return 2;
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try {
      return CredentialsTool.run(
          credentials.subcommand().commandSpec().userObject(), file, System.in, out, err);
    } catch (IOException | IllegalArgumentException e) {
      err.println("arca-server credentials: " + e.getMessage());
      return 1;
    }
  }

  /** {@code audit verify}: 0 when the chain is intact, 1 when broken, 2 on a usage error. */
  private static int audit(CommandLine.ParseResult parsed, ServerOptions options, PrintWriter err)
      throws IOException {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    CommandLine.ParseResult audit = parsed.subcommand();
    if (audit == null || !audit.hasSubcommand()) {
      err.println("arca-server audit: which? (verify, show, checkpoints)");
      return 2;
    }
    ServerConfig config = options.toConfig();
    System.setProperty("arca.log.level", "WARN");
    if (audit.subcommand().commandSpec().userObject() instanceof AuditCommand.Show show) {
      AuditShow.print(
          ServerStores.databaseConfig(config),
          show.selection(Instant.now()),
          show.object(),
          show.json(),
          new PrintWriter(
              new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))));
      return 0;
    }
    if (audit.subcommand().commandSpec().name().equals("checkpoints")) {
      AuditVerifier.printCheckpoints(ServerStores.databaseConfig(config), out);
      return 0;
    }
    boolean intact =
        ServerStores.withKek(
            config,
            kek ->
                AuditVerifier.verify(
                    ServerStores.databaseConfig(config), kek, config.access().auditFile(), out));
    return intact ? 0 : 1;
  }

  /** {@code kek status|rotate|retire}: 0 when done, 1 when refused or unfinished, 2 on usage. */
  private static int kek(CommandLine.ParseResult parsed, ServerOptions options, PrintWriter err)
      throws IOException {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    CommandLine.ParseResult kek = parsed.subcommand();
    if (kek == null || !kek.hasSubcommand()) {
      err.println("arca-server kek: which? (status, rotate, retire)");
      return 2;
    }
    ServerConfig config = options.toConfig();
    System.setProperty("arca.log.level", "WARN");
    try {
      return KekTool.run(kek.subcommand().commandSpec().userObject(), config, out, err);
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("arca-server kek: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("arca-server kek: interrupted; run it again to resume");
      return 1;
    }
  }

  /** {@code backup} and {@code restore}: 0 when done, 1 when refused or failed, 2 on usage. */
  private static int backup(CommandLine.ParseResult parsed, ServerOptions options, PrintWriter err)
      throws IOException {
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    ServerConfig config = options.toConfig();
    System.setProperty("arca.log.level", "WARN");
    Object command = parsed.subcommand().commandSpec().userObject();
    String name = parsed.subcommand().commandSpec().name();
    try {
      return command instanceof BackupCommand.Backup backup
          ? BackupTool.backup(config, backup.to(), out)
          : BackupTool.restore(config, ((BackupCommand.Restore) command).from(), out);
    } catch (BackupTool.Refused e) {
      err.println("arca-server " + name + ": " + e.getMessage());
      return 1;
    } catch (IllegalStateException | SQLException e) {
      err.println("arca-server " + name + ": failed: " + e.getMessage());
      return 1;
    }
  }

  private static void run(ServerConfig config, String[] args, Logger log) throws Exception {
    ServerConfig effective = config;
    if (config.developmentMode()) {
      effective = withDevelopmentTls(config, log);
    }
    ServerConfig.Tls tls = Objects.requireNonNull(effective.tls());
    ServerTls serverTls = ServerTls.start(tls, effective.limits().refusalLogInterval());
    ServerConfig running = effective;
    Arca server =
        Arca.start(effective, serverTls, () -> reloadOrExplain(args, running, serverTls, log));
    HangupSignal.handle(() -> reload(args, running, server.tls(), log));
    log.info(
        "Arca listens on {}:{} (KMIP over mutual TLS, TLS provider {}, {} transport), {} ms after"
            + " the JVM started",
        effective.bind(),
        server.port(),
        TlsContexts.provider(),
        NetworkTransport.best(),
        ManagementFactory.getRuntimeMXBean().getUptime());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: no new connections, finishing requests in flight");
                  // Requests in flight finish, then pending creates commit and the pool closes.
                  server.close();
                  log.info("stopped");
                  stopped.countDown();
                },
                "arca-shutdown"));
    stopped.await();
  }

  /**
   * SIGHUP: reads the configuration again (flags, environment, TOML) and applies its log level and
   * its TLS files (server certificate and key, client CAs, CRLs, deny list); every other setting
   * needs a restart. A configuration that cannot be read changes nothing; TLS files that cannot be
   * read or do not belong together leave the current ones in use ({@link ServerTls#reload}).
   */
  static void reload(String[] args, ServerConfig running, ServerTls tls, Logger log) {
    log.info("SIGHUP: reloading the log level, the TLS key and certificates and revocation data");
    try {
      reloadOrExplain(args, running, tls, log);
    } catch (IOException e) {
      // Logged where it failed; the previous settings stay.
    }
  }

  /**
   * The reload of SIGHUP and of the Reload admin operation.
   *
   * @return what new handshakes present now
   * @throws IOException why nothing changed
   */
  static String reloadOrExplain(String[] args, ServerConfig running, ServerTls tls, Logger log)
      throws IOException {
    ServerConfig fresh;
    try {
      String[] again = withoutPasswordPrompt(args);
      ServerOptions options = new ServerOptions();
      ServerOptions.commandLine(options, again, System.getenv()).parseArgs(again);
      fresh = options.toConfig();
      if (fresh.developmentMode()) {
        fresh = withDevelopmentTls(fresh, log);
      }
    } catch (ParameterException | IllegalArgumentException | IOException e) {
      log.warn("reload: cannot read the configuration, nothing changed: {}", e.getMessage());
      throw new IOException("cannot read the configuration: " + e.getMessage(), e);
    }
    setLogLevel(fresh.logLevel());
    ServerConfig.Tls next = Objects.requireNonNull(fresh.tls());
    Password typedAtStart = Objects.requireNonNull(running.tls()).keyPassword();
    if (next.keyPassword() == null && typedAtStart != null) {
      // A password typed at the prompt cannot be asked for again: the one from the start serves.
      next =
          new ServerConfig.Tls(
              next.certificate(), next.key(), next.clientCa(), typedAtStart, next.revocation());
    }
    return tls.reloadOrExplain(next);
  }

  /** The arguments without a bare --tls-key-password, which would prompt on the terminal. */
  static String[] withoutPasswordPrompt(String[] args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      boolean prompt =
          args[i].equals("--tls-key-password")
              && (i + 1 == args.length || args[i + 1].startsWith("-"));
      if (!prompt) {
        kept.add(args[i]);
      }
    }
    return kept.toArray(String[]::new);
  }

  /** Sets the root log level, as {@code log-level} names it, when Logback is the logger. */
  static void setLogLevel(String level) {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.toLevel(level, root.getLevel()));
    }
  }

  static ServerConfig withDevelopmentTls(ServerConfig config, Logger log) throws IOException {
    Path pkiDir = PrivateFiles.directory(config.dataDir()).resolve("pki");
    boolean fresh = !DevelopmentPki.existsIn(pkiDir);
    DevelopmentPki pki = DevelopmentPki.openOrCreate(pkiDir);
    Path clientConfig = config.dataDir().resolve("arca.toml");
    if (Files.exists(clientConfig)) {
      PrivateFiles.file(clientConfig);
    } else {
      PrivateFiles.writeNew(clientConfig, clientToml(config, pki));
    }
    log.warn(
        "DEVELOPMENT MODE: no TLS settings given, so TLS uses the {} development PKI in {}. "
            + "Do not use it in production.",
        fresh ? "new" : "existing",
        pkiDir.toAbsolutePath());
    log.info(
        "Connect as user '{}' with {} and {} (or {}, password '{}'), trusting {}; "
            + "the arca CLI can use {} as it is: bin/arca --conf {} ...",
        DevelopmentPki.ADMIN_USER,
        pki.adminCertificate().toAbsolutePath(),
        pki.adminKey().toAbsolutePath(),
        pki.adminPkcs12().toAbsolutePath(),
        DevelopmentPki.ADMIN_P12_PASSWORD,
        pki.caCertificate().toAbsolutePath(),
        clientConfig.toAbsolutePath(),
        clientConfig.toAbsolutePath());
    return new ServerConfig(
        config.bind(),
        config.port(),
        config.dataDir(),
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null),
        config.identityFrom(),
        config.limits(),
        config.workerThreads(),
        config.logLevel(),
        config.interop(),
        config.storage(),
        config.access(),
        config.hsm(),
        config.requestBounds(),
        config.observability());
  }

  private static String clientToml(ServerConfig config, DevelopmentPki pki) {
    String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
    return """
        # The arca CLI's settings for the development server; made by arca-server on its first start.
        host = "%s"
        port = %d
        ca = "%s"
        cert = "%s"
        key = "%s"
        """
        .formatted(
            host,
            config.port(),
            pki.caCertificate().toAbsolutePath(),
            pki.adminCertificate().toAbsolutePath(),
            pki.adminKey().toAbsolutePath());
  }
}

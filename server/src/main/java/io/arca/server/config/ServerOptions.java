package io.arca.server.config;

import io.arca.kmip.message.RequestBounds;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The server's flags, as picocli sees them. Each flag can also be set as {@code ARCA_<NAME>} in the
 * environment or as a key in the {@code --config} TOML file ({@link LayeredDefaults}); the flag
 * wins.
 */
@Command(
    name = "arca-server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ServerOptions.Version.class,
    subcommands = {
      AuditCommand.class,
      KekCommand.class,
      BackupCommand.Backup.class,
      BackupCommand.Restore.class,
      CredentialsCommand.class
    },
    description = {
      "Arca, a KMIP server over mutual TLS.",
      "",
      "Every flag can also be set as ARCA_<FLAG> in the environment",
      "(--tls-cert is ARCA_TLS_CERT) or in the --config TOML file",
      "(tls-cert = \"...\", or cert = \"...\" under [tls]). Flags win over the",
      "environment, which wins over the file.",
      "",
      "With no TLS flags the server runs in development mode and makes its own",
      "PKI in <data-dir>/pki.",
      ""
    })
public final class ServerOptions {
  /** Options that only make sense typed: a file or variable setting them would be a mistake. */
  private static final Set<String> COMMAND_LINE_ONLY = Set.of("--config", "--check-config");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A TOML file with settings (default: none).")
  @Nullable Path config;

  @Option(
      names = "--check-config",
      description =
          "Check the settings (flags, environment, --config file, TLS files, HSM library) and"
              + " exit: 0 when the server could start on them, 1 when not, 2 on a usage error.")
  boolean checkConfig;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(
      names = "--port",
      defaultValue = "5696",
      description = "The KMIP port (default: ${DEFAULT-VALUE}).")
  int port = 5696;

  @Option(
      names = "--https-bind",
      defaultValue = "off",
      paramLabel = "HOST:PORT|off",
      description =
          "KMIP over HTTPS on its own port, with the KMIP port's mutual TLS and limits: POST to"
              + " /kmip of TTLV, KMIP XML or KMIP JSON (default: ${DEFAULT-VALUE}).")
  String httpsBind = "off";

  @Option(
      names = "--data-dir",
      defaultValue = "./arca-data",
      paramLabel = "DIR",
      description =
          "The embedded database, development PKI and local KEK (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("arca-data");

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "The server certificate chain (PEM), or a PKCS#12 file with key and chain.")
  @Nullable Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The server private key (PEM, PKCS#8); not needed with a PKCS#12 --tls-cert.")
  @Nullable Path tlsKey;

  @Option(
      names = "--tls-key-password",
      paramLabel = "PASSWORD",
      description = "The password of an encrypted key or of the PKCS#12 file.",
      arity = "0..1",
      interactive = true)
  char @Nullable [] tlsKeyPassword;

  @Option(
      names = "--tls-client-ca",
      paramLabel = "FILE",
      description = "The CA bundle (PEM) that client certificates must chain to.")
  @Nullable Path tlsClientCa;

  @Option(
      names = "--tls-crl",
      paramLabel = "FILE|DIR",
      description =
          "Refuse client certificates that these CRLs list (PEM or DER; a directory's every"
              + " file), re-read when they change.")
  @Nullable Path tlsCrl;

  @Option(
      names = "--tls-deny-list",
      paramLabel = "FILE",
      description =
          "Refuse the client certificates this file names, one a line: a SHA-256 fingerprint,"
              + " or a hex serial and its issuer's DN or sha256:<CA fingerprint>.")
  @Nullable Path tlsDenyList;

  @Option(
      names = "--tls-revocation-refresh",
      defaultValue = "PT10S",
      paramLabel = "DURATION",
      description =
          "How often the CRL and deny-list files are checked for changes"
              + " (default: ${DEFAULT-VALUE}).")
  Duration tlsRevocationRefresh = ServerConfig.Revocation.REFRESH_INTERVAL;

  @Option(
      names = "--tls-ocsp",
      description = "Ask the client certificate's OCSP responder at each handshake (default: off).")
  boolean tlsOcsp;

  @Option(
      names = "--tls-ocsp-url",
      paramLabel = "URL",
      description = "The OCSP responder to ask instead of the one the certificate names.")
  @Nullable URI tlsOcspUrl;

  @Option(
      names = "--tls-ocsp-fail",
      defaultValue = "closed",
      paramLabel = "open|closed",
      description =
          "Without an OCSP answer, refuse the client (closed) or accept it and count it (open)"
              + " (default: ${DEFAULT-VALUE}).")
  String tlsOcspFail = "closed";

  @Option(
      names = "--identity-from",
      defaultValue = "cn",
      paramLabel = "PART",
      converter = IdentitySourceConverter.class,
      description =
          "What names the user: cn, dn, san-email, san-dns or san-uri (default: ${DEFAULT-VALUE}).")
  IdentitySource identityFrom = IdentitySource.CN;

  @Option(
      names = "--max-connections",
      defaultValue = "1024",
      description = "Open connections at once (default: ${DEFAULT-VALUE}).")
  int maxConnections = 1024;

  @Option(
      names = "--max-message-bytes",
      defaultValue = "1048576",
      description = "The largest request accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxMessageBytes = 1 << 20;

  @Option(
      names = "--idle-timeout",
      defaultValue = "PT5M",
      paramLabel = "DURATION",
      description = "Close connections idle this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout = Duration.ofMinutes(5);

  @Option(
      names = "--handshake-timeout",
      defaultValue = "PT10S",
      paramLabel = "DURATION",
      description = "Abandon TLS handshakes not done in this time (default: ${DEFAULT-VALUE}).")
  Duration handshakeTimeout = Duration.ofSeconds(10);

  @Option(
      names = "--max-connections-per-address",
      defaultValue = "256",
      description =
          "Open connections from one client address at once, counted before any TLS work"
              + " (default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerAddress = 256;

  @Option(
      names = "--reserved-connections",
      defaultValue = "128",
      description =
          "Connection slots kept for clients past the TLS handshake: connections still in the"
              + " handshake hold at most max-connections minus this (default: ${DEFAULT-VALUE}).")
  int reservedConnections = 128;

  @Option(
      names = "--busy-handshake-timeout",
      defaultValue = "PT2S",
      paramLabel = "DURATION",
      description =
          "The handshake deadline of new connections while more than half of the handshake"
              + " share is taken (default: ${DEFAULT-VALUE}).")
  Duration busyHandshakeTimeout = Duration.ofSeconds(2);

  @Option(
      names = "--request-timeout",
      defaultValue = "PT30S",
      paramLabel = "DURATION",
      description =
          "Close a connection whose request is not whole this long after its first byte"
              + " (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout = ServerConfig.Limits.REQUEST_TIMEOUT;

  @Option(
      names = "--refusal-log-interval",
      defaultValue = "PT10S",
      paramLabel = "DURATION",
      description =
          "Log refused connections and requests once per client address per interval, with"
              + " counts (default: ${DEFAULT-VALUE}).")
  Duration refusalLogInterval = ServerConfig.Limits.REFUSAL_LOG_INTERVAL;

  @Option(
      names = "--worker-threads",
      defaultValue = "32",
      description =
          "Threads that run operations: database and HSM calls block (default: ${DEFAULT-VALUE}).")
  int workerThreads = 32;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      description = "error, warn, info, debug or trace (default: ${DEFAULT-VALUE}).")
  String logLevel = "info";

  @Option(
      names = "--interop",
      description =
          "Serve the Interop operation that the OASIS test cases use; never on a production server"
              + " (default: on in development mode only).")
  boolean interop;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "A MariaDB database, jdbc:mariadb://host:port/name (default: the embedded database in"
              + " <data-dir>/arca.db).")
  @Nullable String databaseUrl;

  @Option(names = "--database-user", paramLabel = "USER", description = "The MariaDB user.")
  @Nullable String databaseUser;

  @Option(
      names = "--database-password",
      paramLabel = "PASSWORD",
      description = "The MariaDB password (prefer --database-password-file).",
      arity = "0..1",
      interactive = true)
  char @Nullable [] databasePassword;

  @Option(
      names = "--database-password-file",
      paramLabel = "FILE",
      description = "A file whose first line is the MariaDB password.")
  @Nullable Path databasePasswordFile;

  @Option(
      names = "--database-pool-size",
      defaultValue = "16",
      description = "Connections to MariaDB at most (default: ${DEFAULT-VALUE}).")
  int databasePoolSize = 16;

  @Option(
      names = "--kek-id",
      paramLabel = "ID",
      description =
          "The key that wraps objects at rest (an hsm::<slot>::<label> key); default: a local KEK"
              + " in <data-dir>/kek, for development.")
  @Nullable String kekId;

  @Option(
      names = "--key-cache-entries",
      defaultValue = "10000",
      description = "Unwrapped keys kept in memory at most (default: ${DEFAULT-VALUE}).")
  long keyCacheEntries = 10_000;

  @Option(
      names = "--key-cache-idle",
      defaultValue = "PT10M",
      paramLabel = "DURATION",
      description = "Drop (and wipe) a cached key unused this long (default: ${DEFAULT-VALUE}).")
  Duration keyCacheIdle = Duration.ofMinutes(10);

  @Option(
      names = "--key-cache-recheck",
      defaultValue = "PT1S",
      paramLabel = "DURATION",
      description =
          "Compare a cached key with the database after this long, the bound on serving a key"
              + " another server changed (default: ${DEFAULT-VALUE}).")
  Duration keyCacheRecheck = Duration.ofSeconds(1);

  @Option(
      names = "--privileged-users",
      split = ",",
      paramLabel = "USER",
      description =
          "Users who may create objects and grant that right to others (default: every user may"
              + " create).")
  List<String> privilegedUsers = new ArrayList<>();

  @Option(
      names = "--server-admins",
      split = ",",
      paramLabel = "USER",
      description =
          "Users who may rotate the KEK, edit the deny list and reload the server over KMIP"
              + " (default: nobody; the admin operations are then not served).")
  List<String> serverAdmins = new ArrayList<>();

  @Option(
      names = "--audit-file",
      paramLabel = "FILE",
      description = "Also append every audit record to this file (the database keeps the chain).")
  @Nullable Path auditFile;

  @Option(
      names = "--audit-journal-max-mb",
      defaultValue = "256",
      paramLabel = "MIB",
      description =
          "The most the local audit journal (DATA-DIR/audit-journal) holds while the database does"
              + " not take records; when full, operations are refused (default: ${DEFAULT-VALUE}).")
  long auditJournalMaxMb = 256;

  @Option(
      names = "--audit-fsync",
      description =
          "Force each audit record to the disk before its answer, so that a power loss loses"
              + " none (slower; answers that wait leave the event loop).")
  boolean auditFsync;

  @Option(
      names = "--audit-require-database",
      description =
          "Refuse operations while the audit log's database cannot be written, instead of"
              + " keeping their records in the journal until it can.")
  boolean auditRequireDatabase;

  @Option(
      names = "--node-id",
      paramLabel = "ID",
      description =
          "This node's name among the Arca nodes that share a database: it names the audit chain"
              + " it writes (letters, digits, '.', '-', '_'; at most 64). Default: the one kept in"
              + " the data directory's node-id file, made at the first start.")
  @Nullable String nodeId;

  @Option(
      names = "--allow-duplicate-names",
      description =
          "Let one user's live objects share a Name, for clients that reuse names (KMIP makes a"
              + " Name unique per owner, the default).")
  boolean allowDuplicateNames;

  // ---- Request bounds: what one field, batch item and message may hold -----------------------

  @Option(
      names = "--max-text-bytes",
      defaultValue = "4096",
      description =
          "The longest text field of a request (a Name, a text attribute), in UTF-8 bytes;"
              + " identifiers are held to 1024 (default: ${DEFAULT-VALUE}).")
  int maxTextBytes = RequestBounds.DEFAULTS.maxTextBytes();

  @Option(
      names = "--max-attribute-bytes",
      defaultValue = "16384",
      description =
          "The largest attribute of a request, encoded whole (default: ${DEFAULT-VALUE}).")
  int maxAttributeBytes = RequestBounds.DEFAULTS.maxAttributeBytes();

  @Option(
      names = "--max-batch-items",
      defaultValue = "64",
      description = "Batch items in one request at most (default: ${DEFAULT-VALUE}).")
  int maxBatchItems = RequestBounds.DEFAULTS.maxBatchItems();

  @Option(
      names = "--max-batch-item-bytes",
      defaultValue = "1048576",
      description =
          "The largest batch item payload, in bytes; Register and Encrypt data count here"
              + " (default: ${DEFAULT-VALUE}).")
  int maxBatchItemBytes = RequestBounds.DEFAULTS.maxBatchItemBytes();

  private RequestBounds requestBounds() {
    return new RequestBounds(maxTextBytes, maxAttributeBytes, maxBatchItems, maxBatchItemBytes);
  }

  // ---- HSM (PKCS#11) ---------------------------------------------------------------------------

  @Mixin HsmOptions hsm = new HsmOptions();

  @Mixin CredentialOptions credentialOptions = new CredentialOptions();

  // ---- Watching it: admin listener, logs -------------------------------------------------------

  @Mixin ObservabilityOptions observability = new ObservabilityOptions();

  /** Reads a password argument into a wipeable {@link Password}. */
  static final class PasswordConverter implements CommandLine.ITypeConverter<Password> {
    @Override
    public Password convert(String value) {
      return new Password(value.toCharArray());
    }
  }

  /** Whether {@code --check-config} asks for a check instead of a server. */
  public boolean checkOnly() {
    return checkConfig;
  }

  /** The settings these flags describe. */
  public ServerConfig toConfig() {
    ServerConfig.Tls tls = null;
    if (tlsKeyPassword != null && tlsCert == null) {
      throw new IllegalArgumentException("--tls-key-password needs --tls-cert");
    }
    if (databaseUrl == null
        && (databaseUser != null || databasePassword != null || databasePasswordFile != null)) {
      throw new IllegalArgumentException(
          "--database-user and --database-password(-file) need --database-url (the embedded"
              + " database has no users)");
    }
    if (tlsCert != null || tlsKey != null || tlsClientCa != null) {
      if (tlsCert == null || tlsClientCa == null) {
        throw new IllegalArgumentException(
            "TLS needs --tls-cert and --tls-client-ca (and --tls-key unless --tls-cert is PKCS#12)");
      }
      tls =
          new ServerConfig.Tls(
              tlsCert,
              tlsKey,
              tlsClientCa,
              tlsKeyPassword == null ? null : new Password(tlsKeyPassword),
              revocation());
    } else if (tlsCrl != null || tlsDenyList != null || tlsOcsp) {
      // Development mode's PKI has no revocation: refuse rather than silently check nothing.
      throw new IllegalArgumentException(
          "--tls-crl, --tls-deny-list and --tls-ocsp need --tls-cert and --tls-client-ca");
    }
    return new ServerConfig(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        new ServerConfig.Limits(
            maxConnections,
            maxMessageBytes,
            idleTimeout,
            handshakeTimeout,
            maxConnectionsPerAddress,
            reservedConnections,
            busyHandshakeTimeout,
            requestTimeout,
            refusalLogInterval),
        workerThreads,
        logLevel,
        interop || tls == null,
        new ServerConfig.Storage(
            databaseUrl,
            databaseUser,
            databasePassword(),
            databasePoolSize,
            kekId,
            keyCacheEntries,
            keyCacheIdle,
            keyCacheRecheck),
        new ServerConfig.Access(
            Set.copyOf(privilegedUsers),
            auditFile,
            auditJournalMaxMb << 20,
            auditFsync,
            auditRequireDatabase,
            allowDuplicateNames,
            Set.copyOf(serverAdmins),
            credentials(),
            nodeId),
        hsm.settings(),
        requestBounds(),
        observability.settings(),
        Observability.parseBind("https-bind", httpsBind, "0.0.0.0:5697"));
  }

  /** The credential settings, also for the {@code credentials} subcommand. */
  public CredentialSettings credentials() {
    return credentialOptions.settings();
  }

  /** The credentials file, or null when none is set. */
  public @Nullable Path credentialsFile() {
    return credentialOptions.credentialsFile;
  }

  private ServerConfig.Revocation revocation() {
    boolean failOpen =
        switch (tlsOcspFail) {
          case "open" -> true;
          case "closed" -> false;
          default ->
              throw new IllegalArgumentException(
                  "tls-ocsp-fail: " + tlsOcspFail + " (expected: open or closed)");
        };
    return new ServerConfig.Revocation(
        tlsCrl, tlsDenyList, tlsOcsp, tlsOcspUrl, failOpen, tlsRevocationRefresh);
  }

  private @Nullable Password databasePassword() {
    if (databasePassword != null && databasePasswordFile != null) {
      throw new IllegalArgumentException(
          "give --database-password or --database-password-file, not both");
    }
    if (databasePasswordFile != null) {
      return Password.fromFile(databasePasswordFile);
    }
    return databasePassword == null ? null : new Password(databasePassword);
  }

  /**
   * A command line for these options whose defaults come from the environment and from the TOML
   * file named by {@code --config} (or {@code ARCA_CONFIG}). The file must be read before parsing,
   * so it is found by a first look at the arguments.
   */
  public static CommandLine commandLine(
      ServerOptions options, String[] args, Map<String, String> environment) throws IOException {
    Path file = configFileIn(args);
    if (file == null && environment.containsKey("ARCA_CONFIG")) {
      file = Path.of(environment.get("ARCA_CONFIG"));
    }
    LayeredDefaults defaults = LayeredDefaults.load(environment, file);
    CommandLine commandLine = new CommandLine(options);
    defaults.refuseUnknown(settable(commandLine));
    commandLine.setDefaultValueProvider(defaults);
    return commandLine;
  }

  /** The bare names of the options the environment and the TOML file may set. */
  private static Set<String> settable(CommandLine commandLine) {
    return commandLine.getCommandSpec().options().stream()
        .filter(option -> !option.usageHelp() && !option.versionHelp())
        .map(CommandLine.Model.OptionSpec::longestName)
        .filter(name -> !COMMAND_LINE_ONLY.contains(name))
        .map(name -> name.substring(2))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static @Nullable Path configFileIn(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    return null;
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ServerOptions.class.getPackage().getImplementationVersion();
      return new String[] {"arca-server " + (version == null ? "development" : version)};
    }
  }
}

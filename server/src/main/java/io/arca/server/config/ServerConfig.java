package io.arca.server.config;

import io.arca.kmip.message.RequestBounds;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every server setting, merged once at start from flags, environment and TOML, and immutable
 * afterwards.
 *
 * @param bind the address to listen on
 * @param port the KMIP port
 * @param dataDir where the embedded database, the development PKI and the local KEK live
 * @param tls the certificate, key and client CA; null means development mode
 * @param identityFrom which part of the client certificate names the user
 * @param limits connection and message bounds
 * @param workerThreads the bounded pool that runs operation handlers (never the event loop)
 * @param logLevel the root log level
 * @param interop whether the Interop operation (for the OASIS test cases, never for production) is
 *     served
 * @param storage where managed objects live and how much of them is cached
 * @param access who may create and grant creation, and where the audit log is copied
 * @param hsm the PKCS#11 HSM whose keys are {@code hsm::<slot>::<label>} objects, or null for none
 * @param requestBounds what one request field, batch item and message may hold
 * @param observability the admin listener (metrics, health), the log format and the access log
 * @param httpsBind where the HTTPS port (KMIP over HTTPS: TTLV, XML and JSON) listens, or null for
 *     none (the default)
 */
public record ServerConfig(
    String bind,
    int port,
    Path dataDir,
    @Nullable Tls tls,
    IdentitySource identityFrom,
    Limits limits,
    int workerThreads,
    String logLevel,
    boolean interop,
    Storage storage,
    Access access,
    @Nullable HsmSettings hsm,
    RequestBounds requestBounds,
    Observability observability,
    @Nullable InetSocketAddress httpsBind) {

  /** Settings without the HTTPS port. */
  public ServerConfig(
      String bind,
      int port,
      Path dataDir,
      @Nullable Tls tls,
      IdentitySource identityFrom,
      Limits limits,
      int workerThreads,
      String logLevel,
      boolean interop,
      Storage storage,
      Access access,
      @Nullable HsmSettings hsm,
      RequestBounds requestBounds,
      Observability observability) {
    this(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        limits,
        workerThreads,
        logLevel,
        interop,
        storage,
        access,
        hsm,
        requestBounds,
        observability,
        null);
  }

  /**
   * Settings without an admin listener, logging text (servers built in code: tests, benchmarks).
   */
  public ServerConfig(
      String bind,
      int port,
      Path dataDir,
      @Nullable Tls tls,
      IdentitySource identityFrom,
      Limits limits,
      int workerThreads,
      String logLevel,
      boolean interop,
      Storage storage,
      Access access,
      @Nullable HsmSettings hsm,
      RequestBounds requestBounds) {
    this(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        limits,
        workerThreads,
        logLevel,
        interop,
        storage,
        access,
        hsm,
        requestBounds,
        Observability.OFF);
  }

  /** Settings with the default request bounds. */
  public ServerConfig(
      String bind,
      int port,
      Path dataDir,
      @Nullable Tls tls,
      IdentitySource identityFrom,
      Limits limits,
      int workerThreads,
      String logLevel,
      boolean interop,
      Storage storage,
      Access access,
      @Nullable HsmSettings hsm) {
    this(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        limits,
        workerThreads,
        logLevel,
        interop,
        storage,
        access,
        hsm,
        RequestBounds.DEFAULTS);
  }

  /** Settings without privileged users, an audit file or an HSM. */
  public ServerConfig(
      String bind,
      int port,
      Path dataDir,
      @Nullable Tls tls,
      IdentitySource identityFrom,
      Limits limits,
      int workerThreads,
      String logLevel,
      boolean interop,
      Storage storage) {
    this(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        limits,
        workerThreads,
        logLevel,
        interop,
        storage,
        Access.DEFAULTS,
        null);
  }

  public ServerConfig {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(identityFrom, "identityFrom");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(requestBounds, "requestBounds");
    Objects.requireNonNull(observability, "observability");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    if (workerThreads <= 0) {
      throw new IllegalArgumentException("worker-threads: " + workerThreads + " (expected: > 0)");
    }
  }

  /** These settings with the HTTPS port on {@code httpsBind}. */
  public ServerConfig withHttpsBind(InetSocketAddress httpsBind) {
    return new ServerConfig(
        bind,
        port,
        dataDir,
        tls,
        identityFrom,
        limits,
        workerThreads,
        logLevel,
        interop,
        storage,
        access,
        hsm,
        requestBounds,
        observability,
        Objects.requireNonNull(httpsBind, "httpsBind"));
  }

  /** Whether the HTTPS port is on, and with it the profiles only it serves. */
  public boolean servesHttps() {
    return httpsBind != null;
  }

  /** True when no TLS material was configured and the server makes its own development PKI. */
  public boolean developmentMode() {
    return tls == null;
  }

  /**
   * The server's TLS material, PEM files or a PKCS#12 store.
   *
   * @param certificate the server certificate chain (PEM), or a PKCS#12 file holding key and chain
   * @param key the private key (PEM, PKCS#8), or null with a PKCS#12 certificate file
   * @param clientCa the CA bundle that client certificates must chain to
   * @param keyPassword the password of an encrypted key or of the PKCS#12 file, or null
   * @param revocation how client certificates are checked for revocation
   */
  public record Tls(
      Path certificate,
      @Nullable Path key,
      Path clientCa,
      @Nullable Password keyPassword,
      Revocation revocation) {
    /** TLS material without any revocation check. */
    public Tls(
        Path certificate, @Nullable Path key, Path clientCa, @Nullable Password keyPassword) {
      this(certificate, key, clientCa, keyPassword, Revocation.NONE);
    }

    public Tls {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(clientCa, "clientCa");
      Objects.requireNonNull(revocation, "revocation");
    }
  }

  /**
   * How client certificates are checked for revocation beyond their chain: every check is off
   * unless configured.
   *
   * @param crl a CRL (PEM or DER) or a directory of them, issued by a client CA, or null
   * @param denyList a file of refused certificates (SHA-256 fingerprints, or serials with their
   *     issuer), or null
   * @param ocsp whether the issuer's OCSP responder is asked at each handshake
   * @param ocspResponder the responder to ask instead of the one the certificate names, or null
   * @param ocspFailOpen whether a client is accepted when no OCSP answer can be had
   * @param refreshInterval how often the CRL and deny-list files are checked for changes
   */
  public record Revocation(
      @Nullable Path crl,
      @Nullable Path denyList,
      boolean ocsp,
      @Nullable URI ocspResponder,
      boolean ocspFailOpen,
      Duration refreshInterval) {
    /** The default interval between two looks at the CRL and deny-list files. */
    public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);

    /** No revocation check. */
    public static final Revocation NONE =
        new Revocation(null, null, false, null, false, REFRESH_INTERVAL);

    public Revocation {
      Limits.positive("tls-revocation-refresh", refreshInterval);
      if (ocspResponder != null && !ocsp) {
        throw new IllegalArgumentException("tls-ocsp-url needs --tls-ocsp");
      }
    }
  }

  /**
   * Bounds that keep one client from taking the server's memory, threads or connection slots.
   *
   * @param maxConnections open connections at once; more are closed on accept
   * @param maxMessageBytes the largest request, header included, checked before buffering
   * @param idleTimeout a connection with no traffic this long is closed
   * @param handshakeTimeout a TLS handshake not finished this long is abandoned
   * @param maxConnectionsPerAddress open connections from one client address at once; more are
   *     closed on accept, so one host cannot take every slot
   * @param reservedConnections slots that only connections past their TLS handshake may use:
   *     connections still in the handshake hold at most {@code maxConnections -
   *     reservedConnections}
   * @param busyHandshakeTimeout the handshake deadline of a new connection while more than half of
   *     the handshake share is in use, so slots held by clients that never finish come back sooner
   * @param requestTimeout a request must arrive whole this long after its first byte
   * @param refusalLogInterval refusals are logged at most once per client address per interval,
   *     with counts
   */
  public record Limits(
      int maxConnections,
      int maxMessageBytes,
      Duration idleTimeout,
      Duration handshakeTimeout,
      int maxConnectionsPerAddress,
      int reservedConnections,
      Duration busyHandshakeTimeout,
      Duration requestTimeout,
      Duration refusalLogInterval) {
    /** The default request deadline. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The default interval between two log lines about the refusals of one address. */
    public static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(10);

    /**
     * These bounds with no limit per address, an eighth of the slots reserved, a busy handshake
     * deadline of at most two seconds and the default request deadline and refusal log interval.
     */
    public Limits(
        int maxConnections, int maxMessageBytes, Duration idleTimeout, Duration handshakeTimeout) {
      this(
          maxConnections,
          maxMessageBytes,
          idleTimeout,
          handshakeTimeout,
          maxConnections,
          maxConnections / 8,
          handshakeTimeout.compareTo(Duration.ofSeconds(2)) < 0
              ? handshakeTimeout
              : Duration.ofSeconds(2),
          REQUEST_TIMEOUT,
          REFUSAL_LOG_INTERVAL);
    }

    public Limits {
      if (maxConnections <= 0) {
        throw new IllegalArgumentException(
            "max-connections: " + maxConnections + " (expected: > 0)");
      }
      if (maxMessageBytes < 8) {
        throw new IllegalArgumentException(
            "max-message-bytes: " + maxMessageBytes + " (expected: >= 8)");
      }
      if (maxConnectionsPerAddress <= 0) {
        throw new IllegalArgumentException(
            "max-connections-per-address: " + maxConnectionsPerAddress + " (expected: > 0)");
      }
      if (reservedConnections < 0 || reservedConnections >= maxConnections) {
        throw new IllegalArgumentException(
            "reserved-connections: "
                + reservedConnections
                + " (expected: 0.."
                + (maxConnections - 1)
                + ", below max-connections)");
      }
      positive("idle-timeout", idleTimeout);
      positive("handshake-timeout", handshakeTimeout);
      positive("busy-handshake-timeout", busyHandshakeTimeout);
      positive("request-timeout", requestTimeout);
      positive("refusal-log-interval", refusalLogInterval);
      if (busyHandshakeTimeout.compareTo(handshakeTimeout) > 0) {
        throw new IllegalArgumentException(
            "busy-handshake-timeout: "
                + busyHandshakeTimeout
                + " (expected: <= handshake-timeout "
                + handshakeTimeout
                + ")");
      }
    }

    /** Connections that may be in their TLS handshake at once. */
    public int handshakeShare() {
      return maxConnections - reservedConnections;
    }

    static void positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
      }
    }
  }

  /**
   * The database and the key cache.
   *
   * @param databaseUrl a {@code jdbc:mariadb://} URL, or null for the embedded database in the data
   *     directory
   * @param databaseUser the MariaDB user
   * @param databasePassword the MariaDB password, or null
   * @param databasePoolSize connections to MariaDB at most
   * @param kekId the key that wraps every object at rest unless a client chose another one; null
   *     for the local KEK in {@code <data-dir>/kek}
   * @param keyCacheEntries unwrapped objects held in memory at most
   * @param keyCacheIdle an unused cached object is dropped (and wiped) after this long
   * @param keyCacheRecheck a cached object is compared with the database after this long, the bound
   *     on serving a key that another server sharing the database changed
   */
  public record Storage(
      @Nullable String databaseUrl,
      @Nullable String databaseUser,
      @Nullable Password databasePassword,
      int databasePoolSize,
      @Nullable String kekId,
      long keyCacheEntries,
      Duration keyCacheIdle,
      Duration keyCacheRecheck) {
    /** The embedded database, the local KEK and the default cache. */
    public static final Storage EMBEDDED =
        new Storage(
            null, null, null, 16, null, 10_000, Duration.ofMinutes(10), Duration.ofSeconds(1));

    public Storage {
      if (databaseUrl != null && !databaseUrl.startsWith("jdbc:mariadb:")) {
        throw new IllegalArgumentException(
            "database-url: " + databaseUrl + " (expected: jdbc:mariadb://host:port/database)");
      }
      if (databaseUrl != null && databaseUser == null) {
        throw new IllegalArgumentException("database-url needs database-user");
      }
      if (databasePoolSize < 1) {
        throw new IllegalArgumentException(
            "database-pool-size: " + databasePoolSize + " (expected: > 0)");
      }
      if (keyCacheEntries < 0 || keyCacheIdle.isNegative() || keyCacheRecheck.isNegative()) {
        throw new IllegalArgumentException("key-cache settings: none may be negative");
      }
    }
  }

  /**
   * Access control and audit (docs/ACCESS.md).
   *
   * @param privilegedUsers the users who may create objects and grant that right; empty: every
   *     authenticated user may create
   * @param auditFile a file that receives a copy of every audit record, or null
   * @param auditJournalMaxBytes the most the local audit journal may hold while the database does
   *     not take it; beyond it operations are refused
   * @param auditSync whether each audit record is forced to the disk before its answer (power loss)
   * @param auditRequireDatabase whether operations are refused while the audit log's database
   *     cannot be written, rather than journaled until it can
   * @param namesMayRepeat whether one user's live objects may share a Name (KMIP makes Names unique
   *     per owner; some clients' suites reuse one)
   * @param serverAdmins the users who may call the admin extension operations (KEK rotation, the
   *     deny list, reload: docs/OPERATIONS.md); empty, the default: nobody, and they are not served
   * @param credentials how the Credentials of requests are checked (certificate only by default)
   * @param nodeId this node's name among the nodes that share a database: it names the audit chain
   *     it writes; null: the one kept in the data directory, made there at the first start
   */
  public record Access(
      Set<String> privilegedUsers,
      @Nullable Path auditFile,
      long auditJournalMaxBytes,
      boolean auditSync,
      boolean auditRequireDatabase,
      boolean namesMayRepeat,
      Set<String> serverAdmins,
      CredentialSettings credentials,
      @Nullable String nodeId) {
    /** The audit journal's default maximum: 256 MiB, about a million records. */
    public static final long AUDIT_JOURNAL_MAX_BYTES = 256L << 20;

    /** No privileged users, no audit file. */
    public static final Access DEFAULTS = new Access(Set.of(), null);

    /** These users and file, with the audit journal's defaults and Names unique per owner. */
    public Access(Set<String> privilegedUsers, @Nullable Path auditFile) {
      this(privilegedUsers, auditFile, AUDIT_JOURNAL_MAX_BYTES, false, false, false);
    }

    /** These settings, without server administrators. */
    public Access(
        Set<String> privilegedUsers,
        @Nullable Path auditFile,
        long auditJournalMaxBytes,
        boolean auditSync,
        boolean auditRequireDatabase,
        boolean namesMayRepeat) {
      this(
          privilegedUsers,
          auditFile,
          auditJournalMaxBytes,
          auditSync,
          auditRequireDatabase,
          namesMayRepeat,
          Set.of());
    }

    /**
     * These settings, with the certificate alone naming the user and the node id kept in the data
     * directory.
     */
    public Access(
        Set<String> privilegedUsers,
        @Nullable Path auditFile,
        long auditJournalMaxBytes,
        boolean auditSync,
        boolean auditRequireDatabase,
        boolean namesMayRepeat,
        Set<String> serverAdmins) {
      this(
          privilegedUsers,
          auditFile,
          auditJournalMaxBytes,
          auditSync,
          auditRequireDatabase,
          namesMayRepeat,
          serverAdmins,
          CredentialSettings.DEFAULTS,
          null);
    }

    /** These settings with {@code admins} as the server administrators. */
    public Access withServerAdmins(Set<String> admins) {
      return new Access(
          privilegedUsers,
          auditFile,
          auditJournalMaxBytes,
          auditSync,
          auditRequireDatabase,
          namesMayRepeat,
          admins,
          credentials,
          nodeId);
    }

    /** These settings with requests' Credentials checked as {@code checked} says. */
    public Access withCredentials(CredentialSettings checked) {
      return new Access(
          privilegedUsers,
          auditFile,
          auditJournalMaxBytes,
          auditSync,
          auditRequireDatabase,
          namesMayRepeat,
          serverAdmins,
          checked,
          nodeId);
    }

    public Access {
      if (auditJournalMaxBytes < 2L * (8 << 20)) {
        throw new IllegalArgumentException(
            "audit-journal-max-mb: " + (auditJournalMaxBytes >> 20) + " (expected: at least 16)");
      }
      privilegedUsers = Set.copyOf(privilegedUsers);
      if (privilegedUsers.contains("") || privilegedUsers.contains("*")) {
        throw new IllegalArgumentException(
            "privileged-users: " + privilegedUsers + " (expected: user names, not empty or *)");
      }
      serverAdmins = Set.copyOf(serverAdmins);
      if (nodeId != null) {
        NodeId.require(nodeId);
      }
      if (serverAdmins.contains("") || serverAdmins.contains("*")) {
        throw new IllegalArgumentException(
            "server-admins: " + serverAdmins + " (expected: user names, not empty or *)");
      }
      Objects.requireNonNull(credentials, "credentials");
    }
  }
}

package io.arca.server;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtectionStorageMask;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditLog;
import io.arca.server.auth.CredentialCheck;
import io.arca.server.auth.CredentialFailures;
import io.arca.server.auth.CredentialFile;
import io.arca.server.auth.Tickets;
import io.arca.server.batch.AnsweredItems;
import io.arca.server.batch.AsyncOperations;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.config.CredentialSettings;
import io.arca.server.config.ServerConfig;
import io.arca.server.crypto.ClientRandom;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.hsm.HsmKeyBacking;
import io.arca.server.hsm.HsmObjects;
import io.arca.server.keys.KeyMaker;
import io.arca.server.op.ActivateHandler;
import io.arca.server.op.AddAttributeHandler;
import io.arca.server.op.AdjustAttributeHandler;
import io.arca.server.op.AllowCertificateHandler;
import io.arca.server.op.ArchiveHandler;
import io.arca.server.op.AsymmetricKeys;
import io.arca.server.op.CancelHandler;
import io.arca.server.op.CertifyHandler;
import io.arca.server.op.CheckHandler;
import io.arca.server.op.ClaimedProfiles;
import io.arca.server.op.CreateHandler;
import io.arca.server.op.CreateKeyPairHandler;
import io.arca.server.op.CreateSplitKeyHandler;
import io.arca.server.op.CryptoStreams;
import io.arca.server.op.DecryptHandler;
import io.arca.server.op.DelegatedLoginHandler;
import io.arca.server.op.DeleteAttributeHandler;
import io.arca.server.op.DenyCertificateHandler;
import io.arca.server.op.DeriveKeyHandler;
import io.arca.server.op.DestroyHandler;
import io.arca.server.op.DiscoverVersionsHandler;
import io.arca.server.op.EncryptHandler;
import io.arca.server.op.ExportHandler;
import io.arca.server.op.GetAttributeListHandler;
import io.arca.server.op.GetAttributesHandler;
import io.arca.server.op.GetConstraintsHandler;
import io.arca.server.op.GetHandler;
import io.arca.server.op.GetUsageAllocationHandler;
import io.arca.server.op.GrantAccessHandler;
import io.arca.server.op.HashHandler;
import io.arca.server.op.ImportHandler;
import io.arca.server.op.InteropHandler;
import io.arca.server.op.JoinSplitKeyHandler;
import io.arca.server.op.KekStatusHandler;
import io.arca.server.op.KeyBackings;
import io.arca.server.op.ListAccessHandler;
import io.arca.server.op.LocateHandler;
import io.arca.server.op.LogHandler;
import io.arca.server.op.LoginHandler;
import io.arca.server.op.LogoutHandler;
import io.arca.server.op.MacHandler;
import io.arca.server.op.MacVerifyHandler;
import io.arca.server.op.ModifyAttributeHandler;
import io.arca.server.op.ObjectAccess;
import io.arca.server.op.ObjectFormats;
import io.arca.server.op.ObtainLeaseHandler;
import io.arca.server.op.PayloadCodecs;
import io.arca.server.op.PingHandler;
import io.arca.server.op.Pkcs11Handler;
import io.arca.server.op.PollHandler;
import io.arca.server.op.QueryHandler;
import io.arca.server.op.ReCertifyHandler;
import io.arca.server.op.ReKeyHandler;
import io.arca.server.op.ReKeyKeyPairHandler;
import io.arca.server.op.RecoverHandler;
import io.arca.server.op.RegisterHandler;
import io.arca.server.op.ReloadHandler;
import io.arca.server.op.RevokeAccessHandler;
import io.arca.server.op.RevokeHandler;
import io.arca.server.op.RngRetrieveHandler;
import io.arca.server.op.RngSeedHandler;
import io.arca.server.op.RotateKekHandler;
import io.arca.server.op.ServerAdministration;
import io.arca.server.op.ServerAdmins;
import io.arca.server.op.SetAttributeHandler;
import io.arca.server.op.SetConstraintsHandler;
import io.arca.server.op.SetDefaultsHandler;
import io.arca.server.op.SetEndpointRoleHandler;
import io.arca.server.op.SignHandler;
import io.arca.server.op.SignatureVerifyHandler;
import io.arca.server.op.StoredKeyBacking;
import io.arca.server.op.ValidateHandler;
import io.arca.server.store.ObjectStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The wiring of the request path, beside {@link ServerStores}: every handler this server has, over
 * the stores and the key port, in an {@link OperationRegistry}, and the {@link
 * KmipRequestProcessor} that dispatches to it. Built once at start; nothing here runs per request.
 */
public final class ServerHandlers {
  private ServerHandlers() {}

  /**
   * The processor with every handler this server has. Interop is registered only when the settings
   * ask for it: the specification forbids it on a production server, and the OASIS test cases need
   * it.
   */
  public static KmipRequestProcessor processor(ServerConfig config, ObjectStore store) {
    return processor(config, store, null, AccessPolicy.ownersOnly(), AuditLog.NONE);
  }

  /**
   * The processor with every handler this server has, with the HSM's keys behind the key port when
   * {@code hsm} is given ({@code store} must then route {@code hsm::} identifiers to it), deciding
   * access with {@code access} and recording every answered batch item in {@code audit}.
   */
  public static KmipRequestProcessor processor(
      ServerConfig config,
      ObjectStore store,
      @Nullable HsmObjects hsm,
      AccessPolicy access,
      AuditLog audit) {
    return processor(config, store, hsm, access, audit, AnsweredItems.NONE);
  }

  /** As above, telling {@code observer} of every answered batch item (metrics, operators' logs). */
  public static KmipRequestProcessor processor(
      ServerConfig config,
      ObjectStore store,
      @Nullable HsmObjects hsm,
      AccessPolicy access,
      AuditLog audit,
      AnsweredItems observer) {
    return processor(config, store, hsm, access, audit, observer, null);
  }

  /**
   * As above, with the admin extension operations over {@code administration} when the settings
   * name server administrators.
   */
  static KmipRequestProcessor processor(
      ServerConfig config,
      ObjectStore store,
      @Nullable HsmObjects hsm,
      AccessPolicy access,
      AuditLog audit,
      AnsweredItems observer,
      @Nullable ServerAdministration administration) {
    Clock clock = Clock.systemUTC();
    DecodeLimits limits =
        new DecodeLimits(
            config.limits().maxMessageBytes(),
            DecodeLimits.DEFAULTS.maxDepth(),
            DecodeLimits.DEFAULTS.maxItemsPerStructure());
    // One stream table for the server: bounded as a whole, each stream bound to its connection.
    CryptoStreams streams = new CryptoStreams(CryptoStreams.DEFAULTS, ServerRandom.create());
    CredentialCheck credentials = credentialCheck(config.access().credentials(), clock);
    return new KmipRequestProcessor(
        new BatchProcessor(
            registry(config, store, hsm, administration, streams, credentials),
            clock,
            access,
            audit,
            config.requestBounds(),
            observer),
        limits,
        clock,
        streams::closeConnection,
        credentials);
  }

  /** The check of requests' Credentials these settings ask for. */
  private static CredentialCheck credentialCheck(CredentialSettings settings, Clock clock) {
    if (!settings.policy().checksCredentials()) {
      return CredentialCheck.CERTIFICATE_ONLY;
    }
    Path file = Objects.requireNonNull(settings.file(), "the settings checked it");
    CredentialFile credentials = new CredentialFile(file);
    credentials.entries(); // a file that cannot be read stops the start, not the first request
    return new CredentialCheck(
        settings.policy(),
        credentials,
        new Tickets(ServerRandom.create(), settings.ticketMaxLifetime()),
        new CredentialFailures(settings.failuresPerMinute(), clock),
        clock);
  }

  /** Every handler this server has, over {@code store} (Interop when the settings ask for it). */
  public static OperationRegistry registry(ServerConfig config, ObjectStore store) {
    return registry(config, store, null);
  }

  /**
   * Every handler this server has, over {@code store}, with the HSM's keys behind the key port when
   * {@code hsm} is given.
   */
  public static OperationRegistry registry(
      ServerConfig config, ObjectStore store, @Nullable HsmObjects hsm) {
    return registry(
        config,
        store,
        hsm,
        null,
        new CryptoStreams(CryptoStreams.DEFAULTS, ServerRandom.create()),
        CredentialCheck.CERTIFICATE_ONLY);
  }

  /**
   * Every handler this server has, with the admin extension operations over {@code administration}
   * when it is given and the settings name server administrators (closed by default: without
   * administrators they are not served at all).
   */
  static OperationRegistry registry(
      ServerConfig config,
      ObjectStore store,
      @Nullable HsmObjects hsm,
      @Nullable ServerAdministration administration,
      CryptoStreams streams,
      CredentialCheck credentials) {
    ServerAdmins admins =
        administration == null
            ? ServerAdmins.NONE
            : new ServerAdmins(config.access().serverAdmins());
    AtomicReference<OperationRegistry> registry = new AtomicReference<>();
    ObjectAccess objects = new ObjectAccess(store);
    SecureRandom random = ServerRandom.create();
    OperationRegistry.Builder handlers = OperationRegistry.builder();
    handlers.add(PayloadCodecs.DISCOVER_VERSIONS, new DiscoverVersionsHandler());
    KeyMaker maker = new KeyMaker(random);
    SymmetricCipher ciphers = new SymmetricCipher(random);
    AsymmetricKeys asymmetricKeys =
        new AsymmetricKeys(
            store,
            new JcaKeyCache(config.storage().keyCacheEntries(), config.storage().keyCacheIdle()));
    RsaCipher rsa = new RsaCipher(random);
    KeyBackings keys =
        new KeyBackings(
            new StoredKeyBacking(
                store, maker, ciphers, asymmetricKeys, rsa, new Signatures(random)),
            hsm == null ? null : new HsmKeyBacking(hsm));
    handlers.add(PayloadCodecs.CREATE, new CreateHandler(store, keys, random));
    handlers.add(PayloadCodecs.CREATE_KEY_PAIR, new CreateKeyPairHandler(store, keys));
    handlers.add(PayloadCodecs.REGISTER, new RegisterHandler(store));
    GetHandler get = new GetHandler(objects, new ObjectFormats(), keys);
    handlers.add(PayloadCodecs.GET, get);
    handlers.add(PayloadCodecs.EXPORT, new ExportHandler(get));
    handlers.add(PayloadCodecs.IMPORT, new ImportHandler(objects, keys));
    handlers.add(PayloadCodecs.RE_KEY, new ReKeyHandler(objects, maker, keys));
    handlers.add(PayloadCodecs.RE_KEY_KEY_PAIR, new ReKeyKeyPairHandler(objects, maker, keys));
    handlers.add(PayloadCodecs.CERTIFY, CertifyHandler.of(objects, keys, asymmetricKeys, random));
    handlers.add(
        PayloadCodecs.RE_CERTIFY, ReCertifyHandler.of(objects, keys, asymmetricKeys, random));
    handlers.add(PayloadCodecs.VALIDATE, new ValidateHandler(objects));
    handlers.add(PayloadCodecs.GET_ATTRIBUTES, new GetAttributesHandler(objects));
    handlers.add(PayloadCodecs.GET_ATTRIBUTE_LIST, new GetAttributeListHandler(objects));
    handlers.add(PayloadCodecs.ADD_ATTRIBUTE, new AddAttributeHandler(objects));
    handlers.add(PayloadCodecs.MODIFY_ATTRIBUTE, new ModifyAttributeHandler(objects));
    handlers.add(PayloadCodecs.DELETE_ATTRIBUTE, new DeleteAttributeHandler(objects));
    handlers.add(PayloadCodecs.SET_ATTRIBUTE, new SetAttributeHandler(objects));
    handlers.add(PayloadCodecs.ADJUST_ATTRIBUTE, new AdjustAttributeHandler(objects));
    handlers.add(PayloadCodecs.CREATE_SPLIT_KEY, new CreateSplitKeyHandler(objects, random));
    handlers.add(PayloadCodecs.JOIN_SPLIT_KEY, new JoinSplitKeyHandler(objects));
    handlers.add(PayloadCodecs.LOCATE, new LocateHandler(store));
    handlers.add(PayloadCodecs.ACTIVATE, new ActivateHandler(objects));
    handlers.add(PayloadCodecs.REVOKE, new RevokeHandler(objects));
    handlers.add(PayloadCodecs.ARCHIVE, new ArchiveHandler(objects));
    handlers.add(PayloadCodecs.RECOVER, new RecoverHandler(objects));
    // One table per registry: a Poll finds what an item of the same server left running.
    AsyncOperations asynchronous =
        new AsyncOperations(AsyncOperations.Limits.DEFAULTS, Clock.systemUTC());
    handlers.asynchronous(asynchronous);
    handlers.add(PayloadCodecs.POLL, new PollHandler());
    handlers.add(PayloadCodecs.CANCEL, new CancelHandler(asynchronous));
    handlers.add(PayloadCodecs.DESTROY, new DestroyHandler(objects, keys));
    handlers.add(PayloadCodecs.CHECK, new CheckHandler(objects));
    handlers.add(PayloadCodecs.OBTAIN_LEASE, new ObtainLeaseHandler(objects));
    handlers.add(PayloadCodecs.GET_USAGE_ALLOCATION, new GetUsageAllocationHandler(objects));
    handlers.add(PayloadCodecs.LOG, new LogHandler());
    handlers.add(PayloadCodecs.PING, new PingHandler());
    handlers.add(PayloadCodecs.SET_ENDPOINT_ROLE, new SetEndpointRoleHandler());
    handlers.add(PayloadCodecs.ENCRYPT, new EncryptHandler(objects, keys, streams));
    handlers.add(PayloadCodecs.DECRYPT, new DecryptHandler(objects, keys, streams));
    handlers.add(PayloadCodecs.SIGN, new SignHandler(objects, keys, streams));
    handlers.add(
        PayloadCodecs.SIGNATURE_VERIFY, new SignatureVerifyHandler(objects, keys, streams));
    handlers.add(PayloadCodecs.MAC, new MacHandler(objects, keys, streams));
    handlers.add(PayloadCodecs.MAC_VERIFY, new MacVerifyHandler(objects, keys, streams));
    handlers.add(PayloadCodecs.HASH, new HashHandler(streams));
    handlers.add(PayloadCodecs.DERIVE_KEY, new DeriveKeyHandler(objects, ciphers, keys));
    ClientRandom clientRandom = new ClientRandom();
    handlers.add(
        PayloadCodecs.QUERY,
        new QueryHandler(
            registry::get,
            List.of(
                ObjectType.SYMMETRIC_KEY,
                ObjectType.PUBLIC_KEY,
                ObjectType.PRIVATE_KEY,
                ObjectType.SECRET_DATA,
                ObjectType.OPAQUE_OBJECT,
                ObjectType.CERTIFICATE,
                ObjectType.SPLIT_KEY,
                ObjectType.PGP_KEY,
                ObjectType.TEMPLATE),
            serverVersion(),
            List.of(
                ServerRandom.describe(random, Tag.RNG_PARAMETERS.code()),
                clientRandom.describe(Tag.RNG_PARAMETERS.code())),
            // The database keeps objects wrapped in software; an HSM's token, in hardware.
            hsm == null
                ? List.of(ProtectionStorageMask.SOFTWARE.value())
                : List.of(
                    ProtectionStorageMask.SOFTWARE.value(), ProtectionStorageMask.HARDWARE.value()),
            ClaimedProfiles.standard().served(config.servesHttps()),
            admins,
            credentials::attestationTypes,
            () -> store.settings().current()));
    // The server's settings are its administrators' (by certificate identity, whether or not the
    // admin extension operations are served); what constrains creation, everyone's to read.
    ServerAdmins settingsAdmins = new ServerAdmins(config.access().serverAdmins());
    handlers.add(PayloadCodecs.SET_DEFAULTS, new SetDefaultsHandler(settingsAdmins, store));
    handlers.add(PayloadCodecs.SET_CONSTRAINTS, new SetConstraintsHandler(settingsAdmins, store));
    handlers.add(PayloadCodecs.GET_CONSTRAINTS, new GetConstraintsHandler(store));
    handlers.add(PayloadCodecs.RNG_RETRIEVE, new RngRetrieveHandler(clientRandom));
    handlers.add(PayloadCodecs.RNG_SEED, new RngSeedHandler(clientRandom));
    handlers.add(PayloadCodecs.GRANT_ACCESS, new GrantAccessHandler(objects));
    handlers.add(PayloadCodecs.REVOKE_ACCESS, new RevokeAccessHandler(objects));
    handlers.add(PayloadCodecs.LIST_ACCESS, new ListAccessHandler(objects));
    if (credentials.checksRequests()) {
      // Tickets are credentials: served only where requests' credentials are checked.
      handlers.add(PayloadCodecs.LOGIN, new LoginHandler(credentials.tickets()));
      handlers.add(PayloadCodecs.LOGOUT, new LogoutHandler(credentials.tickets()));
      handlers.add(PayloadCodecs.DELEGATED_LOGIN, new DelegatedLoginHandler(credentials.tickets()));
    }
    if (hsm != null) {
      // The HSM administrator's window on the token; no HSM, no operation.
      handlers.add(PayloadCodecs.PKCS_11, new Pkcs11Handler(hsm.pkcs11Functions()));
    }
    if (config.interop()) {
      handlers.add(PayloadCodecs.INTEROP, new InteropHandler());
    }
    if (administration != null && !admins.users().isEmpty()) {
      addAdministration(handlers, admins, administration);
    }
    OperationRegistry operations = handlers.build();
    registry.set(operations);
    return operations;
  }

  /**
   * The admin operations this server can carry out: a deny list and a reload only if it has them.
   */
  private static void addAdministration(
      OperationRegistry.Builder handlers, ServerAdmins admins, ServerAdministration server) {
    handlers.add(PayloadCodecs.ROTATE_KEK, new RotateKekHandler(admins, server));
    handlers.add(PayloadCodecs.KEK_STATUS, new KekStatusHandler(admins, server));
    if (server.hasDenyList()) {
      handlers.add(PayloadCodecs.DENY_LIST_CHANGE, new DenyCertificateHandler(admins, server));
      handlers.add(PayloadCodecs.DENY_LIST_CHANGE, new AllowCertificateHandler(admins, server));
    }
    if (server.reloads()) {
      handlers.add(PayloadCodecs.RELOAD, new ReloadHandler(admins, server));
    }
  }

  private static String serverVersion() {
    String version = ServerHandlers.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}

package io.arca.client;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.DenyCertificate;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.KekRotationProgress;
import io.arca.kmip.payload.KekStatus;
import io.arca.kmip.payload.ListAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Reload;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.kmip.payload.RotateKek;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A small, thread-safe KMIP client over mutual TLS. It keeps up to {@code maxConnections}
 * connections and lends one to each request; a connection that fails is dropped, never reused.
 * Requests and responses are binary TTLV. The typed helpers speak KMIP 2.1 and send one operation
 * per message; a KMIP error comes back as a {@link KmipOperationException}.
 *
 * <p>The host may list several servers ({@code a,b:5697,[::1]}): connections go to one until it
 * cannot be reached, then to the next ({@link ServerList}). A request whose connection fails is
 * sent again, once, on a new connection (to the next server if need be) only when it cannot have
 * changed anything: every operation in it only reads or computes ({@link #RETRIED}). Any other is
 * reported, since the server may have carried it out before the connection broke.
 */
public final class KmipClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long a server may take to accept a connection and finish the handshake before the next one
   * is tried: short, so that a node that is gone costs a client a few seconds at most.
   */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Operations that change nothing on the server, so that sending one twice is harmless. */
  static final Set<Integer> RETRIED =
      Stream.of(
              Operation.DISCOVER_VERSIONS,
              Operation.QUERY,
              Operation.GET,
              Operation.GET_ATTRIBUTES,
              Operation.GET_ATTRIBUTE_LIST,
              Operation.LOCATE,
              Operation.EXPORT,
              Operation.ENCRYPT,
              Operation.DECRYPT,
              Operation.SIGN,
              Operation.SIGNATURE_VERIFY,
              Operation.MAC,
              Operation.MAC_VERIFY,
              Operation.HASH,
              Operation.RNG_RETRIEVE,
              Operation.LIST_ACCESS)
          .map(Operation::value)
          .collect(Collectors.toUnmodifiableSet());

  private static final ProtocolVersion VERSION = ProtocolVersion.V2_1;

  private final ServerList servers;
  private final SSLContext tls;
  private final DecodeLimits limits;
  private final Semaphore permits;
  private final BlockingQueue<KmipConnection> idle;

  private KmipClient(ClientConfig config, SSLContext tls, int maxConnections) {
    this.servers = new ServerList(ServerList.parse(config.host(), config.port()));
    this.tls = tls;
    this.limits = DecodeLimits.DEFAULTS;
    this.permits = new Semaphore(maxConnections);
    this.idle = new ArrayBlockingQueue<>(maxConnections);
  }

  /**
   * A client for this server with at most {@code maxConnections} connections; none is opened yet.
   */
  public static KmipClient create(ClientConfig config, int maxConnections) throws IOException {
    return new KmipClient(config, ClientTls.context(config), maxConnections);
  }

  /** Sends one request message and returns the server's response message. */
  public ResponseMessage send(RequestMessage request) throws IOException {
    boolean retried =
        request.batchItems().stream().allMatch(item -> RETRIED.contains(item.operation()));
    Ttlv response = exchange(request.encode(), retried);
    if (!(response instanceof TtlvStructure structure)) {
      throw new KmipException(ResultReason.INVALID_MESSAGE, "the response is not a structure");
    }
    return ResponseMessage.decode(structure);
  }

  /**
   * Sends any TTLV message as it is and returns the response, for tools that must send what they
   * are given.
   */
  public Ttlv exchange(Ttlv request) throws IOException {
    return exchange(request, false);
  }

  private Ttlv exchange(Ttlv request, boolean retried) throws IOException {
    permits.acquireUninterruptibly();
    try {
      KmipConnection connection = idle.poll();
      if (connection == null) {
        connection = servers.open(tls, CONNECT_TIMEOUT, TIMEOUT, limits);
      }
      try {
        return exchangeOn(connection, request);
      } catch (KmipConnection.RequestRefusedException e) {
        throw e; // the server answered: too large for it, and for any other node too
      } catch (IOException e) {
        if (!retried) {
          throw e;
        }
        try {
          return exchangeOn(servers.open(tls, CONNECT_TIMEOUT, TIMEOUT, limits), request);
        } catch (IOException again) {
          again.addSuppressed(e);
          throw again;
        }
      }
    } finally {
      permits.release();
    }
  }

  /**
   * One exchange; the connection goes back to the pool after it, or is closed when it failed, with
   * the idle ones, which most likely lead to the same server.
   */
  private Ttlv exchangeOn(KmipConnection connection, Ttlv request) throws IOException {
    try {
      Ttlv response = connection.exchange(request);
      if (!idle.offer(connection)) {
        connection.close();
      }
      return response;
    } catch (IOException e) {
      closeQuietly(connection);
      servers.failed(connection.server());
      dropIdle();
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The server new connections go to ({@code host:port}): the first that answered. */
  public String serverInUse() {
    return servers.inUse().toString();
  }

  /**
   * Sends one operation in a message of {@code version} and returns its response payload.
   *
   * @throws KmipOperationException when the server answers with an error
   */
  public TtlvStructure call(ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(version), List.of(RequestBatchItem.of(operation.value(), payload)));
    List<ResponseBatchItem> items = send(request).batchItems();
    if (items.size() != 1) {
      throw new KmipException(
          ResultReason.INVALID_MESSAGE,
          operation.xmlName() + ": expected one batch item, got " + items.size());
    }
    ResponseBatchItem item = items.get(0);
    if (item.resultStatus() != ResultStatus.SUCCESS) {
      throw new KmipOperationException(
          operation.xmlName(), item.resultReason(), item.resultMessage());
    }
    TtlvStructure response = item.responsePayload();
    if (response == null) {
      throw new KmipOperationException(operation.xmlName(), null, "the response has no payload");
    }
    return response;
  }

  private TtlvStructure call(Operation operation, TtlvStructure payload) throws IOException {
    return call(VERSION, operation, payload);
  }

  /** Create: a new symmetric key (or secret data) with these attributes; returns its identifier. */
  public String create(ObjectType objectType, Attributes attributes) throws IOException {
    return Create.Response.decode(
            call(
                Operation.CREATE,
                Create.Request.of(objectType.value(), attributes).encode(VERSION)),
            VERSION)
        .uniqueIdentifier();
  }

  /** Create Key Pair: a new private and public key. */
  public CreateKeyPair.Response createKeyPair(CreateKeyPair.Request request) throws IOException {
    return CreateKeyPair.Response.decode(
        call(Operation.CREATE_KEY_PAIR, request.encode(VERSION)), VERSION);
  }

  /** Register: stores an object the client made; returns its identifier. */
  public String register(ManagedObject object, Attributes attributes) throws IOException {
    return Register.Response.decode(
            call(Operation.REGISTER, Register.Request.of(object, attributes).encode(VERSION)),
            VERSION)
        .uniqueIdentifier();
  }

  /** Get: the object, its key in {@code keyFormatType} (null: as stored). */
  public Get.Response get(String uniqueIdentifier, @Nullable KeyFormatType keyFormatType)
      throws IOException {
    Get.Request request =
        new Get.Request(
            uniqueIdentifier,
            keyFormatType == null ? null : keyFormatType.value(),
            null,
            null,
            null);
    return Get.Response.decode(call(Operation.GET, request.encode(VERSION)), VERSION);
  }

  /** Export: the object with its attributes, its key in {@code keyFormatType} (null: as stored). */
  public Export.Response export(String uniqueIdentifier, @Nullable KeyFormatType keyFormatType)
      throws IOException {
    Export.Request request =
        new Export.Request(
            uniqueIdentifier,
            keyFormatType == null ? null : keyFormatType.value(),
            null,
            null,
            null);
    return Export.Response.decode(call(Operation.EXPORT, request.encode(VERSION)), VERSION);
  }

  /** Import: stores an object under the identifier the client chose; returns it. */
  public String importObject(Import.Request request) throws IOException {
    return Import.Response.decode(call(Operation.IMPORT, request.encode(VERSION)), VERSION)
        .uniqueIdentifier();
  }

  /** Activate: the object becomes usable now. */
  public void activate(String uniqueIdentifier) throws IOException {
    call(Operation.ACTIVATE, new Activate.Request(uniqueIdentifier).encode(VERSION));
  }

  /** Revoke: the object may no longer be used to protect data. */
  public void revoke(String uniqueIdentifier, RevocationReasonCode code, @Nullable String message)
      throws IOException {
    Revoke.Request request =
        new Revoke.Request(
            uniqueIdentifier, new Revoke.RevocationReason(code.value(), message), null);
    call(Operation.REVOKE, request.encode(VERSION));
  }

  /** Destroy: the object's key material is gone for good. */
  public void destroy(String uniqueIdentifier) throws IOException {
    call(Operation.DESTROY, new Destroy.Request(uniqueIdentifier).encode(VERSION));
  }

  /** Re-key: a new symmetric key replacing this one; returns the new key's identifier. */
  public String reKey(String uniqueIdentifier) throws IOException {
    ReKey.Request request = new ReKey.Request(uniqueIdentifier, null, null, List.of());
    return ReKey.Response.decode(call(Operation.RE_KEY, request.encode(VERSION)), VERSION)
        .uniqueIdentifier();
  }

  /** Locate: the identifiers of the objects that have every one of these attributes. */
  public List<String> locate(Attributes attributes) throws IOException {
    return Locate.Response.decode(
            call(Operation.LOCATE, Locate.Request.of(attributes).encode(VERSION)), VERSION)
        .uniqueIdentifiers();
  }

  /** Get Attributes: these attributes of the object, or all of them when none is named. */
  public Attributes getAttributes(String uniqueIdentifier, List<AttributeReference> references)
      throws IOException {
    return GetAttributes.Response.decode(
            call(
                Operation.GET_ATTRIBUTES,
                new GetAttributes.Request(uniqueIdentifier, references).encode(VERSION)),
            VERSION)
        .attributes();
  }

  /** Set Attribute: sets a single-valued attribute, replacing its value. */
  public void setAttribute(String uniqueIdentifier, Attribute attribute) throws IOException {
    call(
        Operation.SET_ATTRIBUTE,
        new SetAttribute.Request(uniqueIdentifier, attribute).encode(VERSION));
  }

  /** Add Attribute: adds an instance of a (possibly multi-valued) attribute. */
  public void addAttribute(String uniqueIdentifier, Attribute attribute) throws IOException {
    call(
        Operation.ADD_ATTRIBUTE,
        new AddAttribute.Request(uniqueIdentifier, attribute).encode(VERSION));
  }

  /**
   * Delete Attribute: removes {@code current} (that exact instance) or, when it is null, the first
   * instance of {@code reference}.
   */
  public void deleteAttribute(
      String uniqueIdentifier, AttributeReference reference, @Nullable Attribute current)
      throws IOException {
    DeleteAttribute.Request request =
        current == null
            ? new DeleteAttribute.Request(uniqueIdentifier, reference, null, null)
            : new DeleteAttribute.Request(uniqueIdentifier, null, null, current);
    call(Operation.DELETE_ATTRIBUTE, request.encode(VERSION));
  }

  /** Encrypt: data encrypted with a managed key. */
  public Encrypt.Response encrypt(Encrypt.Request request) throws IOException {
    return Encrypt.Response.decode(call(Operation.ENCRYPT, request.encode(VERSION)), VERSION);
  }

  /** Decrypt: data decrypted with a managed key. */
  public Decrypt.Response decrypt(Decrypt.Request request) throws IOException {
    return Decrypt.Response.decode(call(Operation.DECRYPT, request.encode(VERSION)), VERSION);
  }

  /** Certify: a certificate for a public key or a certificate request; returns its identifier. */
  public String certify(Certify.Request request) throws IOException {
    return Certify.Response.decode(call(Operation.CERTIFY, request.encode(VERSION)), VERSION)
        .uniqueIdentifier();
  }

  /** Re-certify: a certificate that replaces an existing one; returns its identifier. */
  public String reCertify(ReCertify.Request request) throws IOException {
    return Certify.Response.decode(call(Operation.RE_CERTIFY, request.encode(VERSION)), VERSION)
        .uniqueIdentifier();
  }

  /** Validate: whether a certificate chain is valid (a ValidityIndicator value). */
  public int validate(Validate.Request request) throws IOException {
    return Validate.Response.decode(call(Operation.VALIDATE, request.encode(VERSION)), VERSION)
        .validityIndicator();
  }

  /** Sign: a signature made with a managed private key. */
  public Sign.Response sign(Sign.Request request) throws IOException {
    return Sign.Response.decode(call(Operation.SIGN, request.encode(VERSION)), VERSION);
  }

  /** Signature Verify: whether a signature fits the data, checked with a managed public key. */
  public SignatureVerify.Response signatureVerify(SignatureVerify.Request request)
      throws IOException {
    return SignatureVerify.Response.decode(
        call(Operation.SIGNATURE_VERIFY, request.encode(VERSION)), VERSION);
  }

  /** MAC: the MAC of the data, computed by the server with a managed HMAC key. */
  public Mac.Response mac(Mac.Request request) throws IOException {
    return Mac.Response.decode(call(Operation.MAC, request.encode(VERSION)), VERSION);
  }

  /** MAC Verify: whether a MAC fits the data, checked by the server with a managed HMAC key. */
  public MacVerify.Response macVerify(MacVerify.Request request) throws IOException {
    return MacVerify.Response.decode(call(Operation.MAC_VERIFY, request.encode(VERSION)), VERSION);
  }

  /** Grant Access (Arca extension, docs/ACCESS.md): lets a user carry out these operations. */
  public void grantAccess(AccessGrant grant) throws IOException {
    call(Operation.GRANT_ACCESS, new GrantAccess.Request(grant).encode(VERSION));
  }

  /** Revoke Access (Arca extension): takes these operations back from a user. */
  public void revokeAccess(AccessGrant grant) throws IOException {
    call(Operation.REVOKE_ACCESS, new RevokeAccess.Request(grant).encode(VERSION));
  }

  /**
   * List Access (Arca extension): the owner of and grants on one object, or with a null identifier
   * the grants the caller holds and the objects it owns.
   */
  public ListAccess.Response listAccess(@Nullable String uniqueIdentifier) throws IOException {
    return ListAccess.Response.decode(
        call(Operation.LIST_ACCESS, new ListAccess.Request(uniqueIdentifier).encode(VERSION)),
        VERSION);
  }

  /** Rotate KEK (Arca admin extension, docs/OPERATIONS.md): starts a rotation to {@code to}. */
  public KekRotationProgress rotateKek(String to) throws IOException {
    return RotateKek.Response.decode(
            call(Operation.ROTATE_KEK, new RotateKek.Request(to).encode(VERSION)), VERSION)
        .progress();
  }

  /** KEK Status (Arca admin extension): the database's KEKs and the server's last rotation. */
  public KekStatus.Response kekStatus() throws IOException {
    return KekStatus.Response.decode(
        call(Operation.KEK_STATUS, new KekStatus.Request().encode(VERSION)), VERSION);
  }

  /**
   * Deny Certificate or, with {@code deny} false, Allow Certificate (Arca admin extensions): edits
   * the server's deny list; returns the entry as the server wrote it.
   */
  public String changeDenyList(String entry, boolean deny) throws IOException {
    Operation operation = deny ? Operation.DENY_CERTIFICATE : Operation.ALLOW_CERTIFICATE;
    return DenyCertificate.Response.decode(
            call(operation, new DenyCertificate.Request(entry).encode(VERSION)), VERSION)
        .entry();
  }

  /** Reload (Arca admin extension): what SIGHUP does; returns what the server now presents. */
  public String reload() throws IOException {
    return Reload.Response.decode(
            call(Operation.RELOAD, new Reload.Request().encode(VERSION)), VERSION)
        .message();
  }

  /** The protocol version this client speaks unless told otherwise. */
  public static ProtocolVersion defaultVersion() {
    return ProtocolVersion.V2_1;
  }

  private static void closeQuietly(KmipConnection connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // The connection is being thrown away; there is nothing to do about a failed close.
    }
  }

  @Override
  public void close() {
    dropIdle();
  }

  private void dropIdle() {
    KmipConnection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }
}

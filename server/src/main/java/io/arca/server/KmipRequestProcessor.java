package io.arca.server;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseHeader;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.auth.CredentialCheck;
import io.arca.server.auth.RefusedCredential;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.InlineOutcome;
import io.arca.server.op.DiscoverVersionsHandler;
import io.arca.server.transport.Answer;
import io.arca.server.transport.Connection;
import io.arca.server.transport.InlineAttempt;
import io.arca.server.transport.MalformedFrame;
import io.arca.server.transport.RequestProcessor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KMIP side of the transport port: bytes to a request message, the batch through the {@link
 * BatchProcessor}, the response back to bytes in the client's protocol version. Requests that
 * cannot be decoded get one failed batch item in the version the client used (when its header is
 * readable) and the connection is closed. Decode, dispatch and encode only: {@link ServerHandlers}
 * builds it.
 */
public final class KmipRequestProcessor implements RequestProcessor {
  private static final Logger log = LoggerFactory.getLogger(KmipRequestProcessor.class);

  /**
   * The capacity an answer's buffer starts with: Discover Versions at 2.1 takes about 450 bytes.
   */
  private static final int FIRST_BUFFER_BYTES = 1024;

  private final BatchProcessor batches;
  private final DecodeLimits limits;
  private final Clock clock;
  private final LongConsumer connectionClosed;
  private final CredentialCheck credentials;

  /**
   * A processor that runs batches through {@code batches} and reads requests within {@code limits}.
   */
  public KmipRequestProcessor(BatchProcessor batches, DecodeLimits limits, Clock clock) {
    this(batches, limits, clock, connection -> {});
  }

  /** As above, telling {@code connectionClosed} the number of each connection that closed. */
  public KmipRequestProcessor(
      BatchProcessor batches, DecodeLimits limits, Clock clock, LongConsumer connectionClosed) {
    this(batches, limits, clock, connectionClosed, CredentialCheck.CERTIFICATE_ONLY);
  }

  /** As above, deciding with {@code credentials} which user each request acts as. */
  public KmipRequestProcessor(
      BatchProcessor batches,
      DecodeLimits limits,
      Clock clock,
      LongConsumer connectionClosed,
      CredentialCheck credentials) {
    this.batches = batches;
    this.limits = limits;
    this.clock = clock;
    this.connectionClosed = connectionClosed;
    this.credentials = credentials;
  }

  @Override
  public void closed(Connection connection) {
    connectionClosed.accept(connection.id());
  }

  /**
   * The largest request tried on the event loop. A large one (a Register, a big Encrypt) would hold
   * the event loop's other connections while it is decoded, and is not what the caches speed up.
   */
  private static final int INLINE_MAX_BYTES = 16 * 1024;

  @Override
  public InlineAttempt tryInline(ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
    // Judged from the frame's first bytes: a request the event loop will not answer (several
    // items, an operation without an inline handler) is decoded on a worker alone.
    // A request whose Credential is checked goes to a worker: an Argon2id check would hold the
    // event loop for tens of milliseconds.
    if (frame.readableBytes() > INLINE_MAX_BYTES
        || credentials.checksRequests()
        || !batches.servesInline(InlinePeek.operation(frame))) {
      return InlineAttempt.toWorkers(() -> process(frame, connection, allocator));
    }
    long started = System.nanoTime();
    RequestMessage request;
    try {
      request = decode(frame);
    } catch (KmipException e) {
      // The worker pool answers it, as every undecodable request, without reading it again.
      return InlineAttempt.toWorkers(() -> undecodable(frame, e, allocator));
    }
    // From here on a worker continues from the decoded message: the frame is read once.
    if (!DiscoverVersionsHandler.SUPPORTED.contains(request.protocolVersion())) {
      return InlineAttempt.toWorkers(() -> answer(request, connection, allocator, started));
    }
    InlineOutcome outcome;
    try {
      outcome =
          batches.tryInline(request, connection.user(), connection.address(), connection.id());
    } catch (KmipException e) {
      return InlineAttempt.answered(
          encoded(request, refused(request, e), connection, allocator, started));
    }
    if (outcome instanceof InlineOutcome.Answered answered) {
      return InlineAttempt.answered(
          encoded(request, answered.response(), connection, allocator, started));
    }
    InlineOutcome.Rest rest = ((InlineOutcome.Deferred) outcome).rest();
    return InlineAttempt.toWorkers(
        () -> encoded(request, finished(request, rest), connection, allocator, started));
  }

  /** The response the worker makes of a deferred request; a whole-message refusal included. */
  private ResponseMessage finished(RequestMessage request, InlineOutcome.Rest rest) {
    try {
      return rest.run();
    } catch (KmipException e) {
      return refused(request, e);
    }
  }

  @Override
  public Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
    long started = System.nanoTime();
    RequestMessage request;
    try {
      request = decode(frame);
    } catch (KmipException e) {
      return undecodable(frame, e, allocator);
    }
    return answer(request, connection, allocator, started);
  }

  /**
   * The one answer to a request that could not be decoded, in its version when that is readable.
   */
  private Answer undecodable(ByteBuf frame, KmipException e, ByteBufAllocator allocator) {
    ProtocolVersion version = RequestMessage.peekProtocolVersion(frame).orElse(null);
    return Answer.refused(
        encode(failure(version, e.reason(), e.getMessage()), allocator),
        "undecodable request: " + e.getMessage());
  }

  private RequestMessage decode(ByteBuf frame) {
    Ttlv tree = TtlvReader.read(frame, limits);
    if (!(tree instanceof TtlvStructure structure)) {
      throw new KmipException(ResultReason.INVALID_MESSAGE, "the request is not a structure");
    }
    return RequestMessage.decode(structure);
  }

  private Answer answer(
      RequestMessage request, Connection connection, ByteBufAllocator allocator, long started) {
    ResponseMessage response;
    if (!DiscoverVersionsHandler.SUPPORTED.contains(request.protocolVersion())) {
      response =
          failure(
              closestSupported(request.protocolVersion()),
              ResultReason.INVALID_MESSAGE,
              "protocol version "
                  + request.protocolVersion()
                  + " is not supported (supported: "
                  + DiscoverVersionsHandler.SUPPORTED
                  + ")");
    } else {
      String user;
      try {
        user = credentials.userOf(request, connection.user(), () -> client(connection));
      } catch (RefusedCredential e) {
        return credentialRefused(request, e, connection, allocator);
      }
      try {
        response = batches.process(request, user, connection.address(), connection.id());
      } catch (KmipException e) {
        response = refused(request, e);
      }
    }
    return encoded(request, response, connection, allocator, started);
  }

  /**
   * Every item of a request whose Credential was refused answered with the refusal, recorded in the
   * audit log under the certificate's user, and the refusal logged; the connection stays open.
   */
  private Answer credentialRefused(
      RequestMessage request,
      RefusedCredential e,
      Connection connection,
      ByteBufAllocator allocator) {
    ResponseMessage response =
        batches.refuseAll(request, connection.user(), connection.address(), e.reason(), e.why());
    ByteBuf bytes = encode(response, allocator);
    return Answer.credentialRefused(bytes, e.why());
  }

  /** The client as the failure limit counts it: its host and its certificate's user. */
  private static String client(Connection connection) {
    SocketAddress peer = connection.remoteAddress();
    String host =
        peer instanceof InetSocketAddress inet && inet.getAddress() != null
            ? inet.getAddress().getHostAddress()
            : String.valueOf(peer);
    return host + " " + connection.user();
  }

  /**
   * A header option that cannot be honoured: the whole message is refused, the connection stays.
   */
  private ResponseMessage refused(RequestMessage request, KmipException e) {
    return failure(request.protocolVersion(), e.reason(), e.getMessage());
  }

  /** The response in bytes, within the request's Maximum Response Size. */
  private Answer encoded(
      RequestMessage request,
      ResponseMessage response,
      Connection connection,
      ByteBufAllocator allocator,
      long started) {
    ByteBuf encoded = encode(response, allocator);
    Integer maximum = request.header().maximumResponseSize();
    if (maximum != null && encoded.readableBytes() > maximum) {
      encoded.release();
      encoded = encode(tooLarge(response, encoded.readableBytes(), maximum), allocator);
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {}: {} item(s) in {} us",
          connection.remoteAddress(),
          connection.user(),
          response.batchItems().size(),
          (System.nanoTime() - started) / 1000);
    }
    return Answer.keepOpen(encoded);
  }

  @Override
  public @Nullable ByteBuf malformed(
      MalformedFrame frame, Connection connection, ByteBufAllocator allocator) {
    return encode(failure(ProtocolVersion.V1_0, frame.reason(), frame.message()), allocator);
  }

  @Override
  public ByteBuf unauthenticated(@Nullable ByteBuf frame, String why, ByteBufAllocator allocator) {
    ProtocolVersion version =
        frame == null ? null : RequestMessage.peekProtocolVersion(frame).orElse(null);
    return encode(
        failure(
            version,
            ResultReason.AUTHENTICATION_NOT_SUCCESSFUL,
            "the client certificate names no acceptable user: " + why),
        allocator);
  }

  private ResponseMessage failure(
      @Nullable ProtocolVersion version, ResultReason reason, String message) {
    ProtocolVersion answerIn = version == null ? ProtocolVersion.V1_0 : closestSupported(version);
    return new ResponseMessage(
        ResponseHeader.of(answerIn, clock.instant()),
        List.of(ResponseBatchItem.failure(null, null, reason, message)));
  }

  /** The newest supported version not newer than {@code asked}, or the oldest one. */
  private static ProtocolVersion closestSupported(ProtocolVersion asked) {
    for (ProtocolVersion version : DiscoverVersionsHandler.SUPPORTED) {
      if (asked.isAtLeast(version)) {
        return version;
      }
    }
    return ProtocolVersion.V1_0;
  }

  private static ResponseMessage tooLarge(ResponseMessage response, int size, int maximum) {
    List<ResponseBatchItem> items = new ArrayList<>();
    for (ResponseBatchItem item : response.batchItems()) {
      items.add(
          ResponseBatchItem.failure(
              item.operation(),
              item.uniqueBatchItemId(),
              ResultReason.RESPONSE_TOO_LARGE,
              "the response is " + size + " bytes (MaximumResponseSize: " + maximum + ")"));
    }
    return new ResponseMessage(response.header(), items);
  }

  private static ByteBuf encode(ResponseMessage response, ByteBufAllocator allocator) {
    // Most answers fit in the first buffer: one that grows while the answer is written is allocated
    // and copied again, which cost more than the writing (and counting the bytes first about as
    // much).
    ByteBuf out = allocator.buffer(FIRST_BUFFER_BYTES);
    try {
      TtlvWriter.write(response.encode(), out);
      return out;
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
  }
}

package io.arca.server.batch;

import io.arca.kmip.AsynchronousIndicator;
import io.arca.kmip.BatchErrorContinuationOption;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.ValueVersions;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestBounds;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseHeader;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.message.ResultReasons;
import io.arca.kmip.payload.Poll;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditEntries;
import io.arca.server.audit.AuditLog;
import io.arca.server.audit.AuditUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the batch items of one request message in order and applies the rules that cross them (KMIP
 * 1.4 §6.13, 2.1 §9.13): with Stop (the default) the first failure ends the batch and later items
 * are not answered; with Continue every item is answered; with Undo the changes of earlier items
 * are reversed and their answers say Operation Undone. Handlers see none of this.
 */
public final class BatchProcessor {
  private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

  /**
   * The operations a client that allows it (Asynchronous Indicator Optional, or 1.x True) gets
   * answered Pending: those whose time grows with what the request asks (RSA key-pair generation, a
   * key derivation's iteration count). Every other operation finishes at once and is answered
   * synchronously, as the specification lets the server decide.
   */
  static final Set<Operation> LONG_OPERATIONS =
      EnumSet.of(Operation.CREATE_KEY_PAIR, Operation.RE_KEY_KEY_PAIR, Operation.DERIVE_KEY);

  private static final TtlvStructure EMPTY_PAYLOAD =
      new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), List.of());

  private final OperationRegistry registry;
  private final Clock clock;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final RequestBounds bounds;
  private final AnsweredItems observer;

  /** A processor where owners alone act on their objects, and nothing is audited. */
  public BatchProcessor(OperationRegistry registry, Clock clock) {
    this(registry, clock, AccessPolicy.ownersOnly(), AuditLog.NONE);
  }

  /** A processor with the default {@link RequestBounds}. */
  public BatchProcessor(
      OperationRegistry registry, Clock clock, AccessPolicy access, AuditLog audit) {
    this(registry, clock, access, audit, RequestBounds.DEFAULTS);
  }

  /**
   * A processor that dispatches to these handlers, takes time from this clock, lets {@code access}
   * decide who may do what, records every answered item in {@code audit} and refuses items whose
   * fields exceed {@code bounds} before anything is stored, answered or recorded of them.
   */
  public BatchProcessor(
      OperationRegistry registry,
      Clock clock,
      AccessPolicy access,
      AuditLog audit,
      RequestBounds bounds) {
    this(registry, clock, access, audit, bounds, AnsweredItems.NONE);
  }

  /** As above, telling {@code observer} of every answered item (metrics, operators' logs). */
  public BatchProcessor(
      OperationRegistry registry,
      Clock clock,
      AccessPolicy access,
      AuditLog audit,
      RequestBounds bounds,
      AnsweredItems observer) {
    this.registry = registry;
    this.clock = clock;
    this.access = access;
    this.audit = audit;
    this.bounds = bounds;
    this.observer = observer;
  }

  /** Answers one request message for this user, from an unknown address. */
  public ResponseMessage process(RequestMessage request, String user) {
    return process(request, user, "unknown");
  }

  /**
   * Answers one request message for this user, connected from {@code clientAddress}.
   *
   * @throws KmipException for the whole message: too many items, an over-long Unique Batch Item ID
   *     (which every answer echoes), a continuation option that cannot be honoured
   */
  public ResponseMessage process(RequestMessage request, String user, String clientAddress) {
    return process(request, user, clientAddress, 0);
  }

  /** As above, for a request that came on client connection number {@code connection}. */
  public ResponseMessage process(
      RequestMessage request, String user, String clientAddress, long connection) {
    return Objects.requireNonNull(
        answer(request, user, clientAddress, connection, ExecutionMode.WORKER, null),
        "a worker answers");
  }

  /**
   * Whether a request of this raw Operation value may be tried on the event loop: its handler has
   * an inline path. Asked of the peeked operation, before anything is decoded.
   */
  public boolean servesInline(int operation) {
    return registry.servesInline(operation);
  }

  /**
   * Answers a request message of one batch item on the event loop if its handler can from memory
   * ({@link InlineHandler}), else hands it on, decoded, to be finished by {@link
   * InlineOutcome.Deferred#rest} on a worker. A message of several items, or while the audit
   * journal forces every record to the disk, is not tried: an item half done when a later one needs
   * a worker would be undone by nothing.
   *
   * @throws KmipException as {@link #process}, for the whole message
   */
  public InlineOutcome tryInline(
      RequestMessage request, String user, String clientAddress, long connection) {
    if (request.batchItems().size() != 1
        || !audit.recordsWithoutBlocking()
        || asynchronousAsked(request) != null) {
      return untried(request, user, clientAddress, connection);
    }
    RequestBatchItem item = request.batchItems().get(0);
    ProtocolVersion version = request.protocolVersion();
    Operation operation = Operation.byValue(item.operation());
    OperationRegistry.Entry<?, ?> entry =
        operation == null || !operation.isDefinedIn(version) ? null : registry.entry(operation);
    if (entry == null || entry.inline() == null || checked(item, version) != null) {
      // The refusals of the batch rules (version, bounds) are rare: the worker answers them.
      return untried(request, user, clientAddress, connection);
    }
    Decoded<?, ?> decoded;
    try {
      decoded = Decoded.of(entry, item.requestPayload(), version);
    } catch (RuntimeException e) {
      return untried(request, user, clientAddress, connection);
    }
    ResponseMessage response =
        answer(request, user, clientAddress, connection, ExecutionMode.INLINE, decoded);
    if (response != null) {
      return new InlineOutcome.Answered(response);
    }
    return new InlineOutcome.Deferred(
        () ->
            Objects.requireNonNull(
                answer(request, user, clientAddress, connection, ExecutionMode.WORKER, decoded),
                "a worker answers"));
  }

  private InlineOutcome untried(
      RequestMessage request, String user, String clientAddress, long connection) {
    return new InlineOutcome.Deferred(() -> process(request, user, clientAddress, connection));
  }

  /**
   * The batch run in {@code mode}; null when, {@link ExecutionMode#INLINE}, the item's handler
   * needs a worker (before anything was recorded). {@code first} is the first item's payload
   * already decoded and checked against the bounds, or null.
   */
  private @Nullable ResponseMessage answer(
      RequestMessage request,
      String user,
      String clientAddress,
      long connection,
      ExecutionMode mode,
      @Nullable Decoded<?, ?> first) {
    bounds.checkMessage(request);
    ProtocolVersion version = request.protocolVersion();
    Instant now = clock.instant();
    String auditRefusal = audit.refusal();
    if (auditRefusal != null) {
      // Fail closed: what could not be recorded is not done.
      List<ResponseBatchItem> refused = new ArrayList<>(request.batchItems().size());
      for (RequestBatchItem item : request.batchItems()) {
        refused.add(
            ResponseBatchItem.failure(
                item.operation(),
                item.uniqueBatchItemId(),
                ResultReason.GENERAL_FAILURE,
                auditRefusal + ": the operation was not carried out"));
        observer.answered(user, clientAddress, item, refused.get(refused.size() - 1), 0);
      }
      return new ResponseMessage(ResponseHeader.of(version, now), refused);
    }
    BatchErrorContinuationOption onError = continuation(request);
    AsynchronousIndicator asynchronous = asynchronousAsked(request);
    if (asynchronous == AsynchronousIndicator.MANDATORY && request.batchItems().size() > 1) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "AsynchronousIndicator: Mandatory for "
              + request.batchItems().size()
              + " batch items (expected: one item, or Optional)");
    }
    BatchState batch = new BatchState();
    List<ResponseBatchItem> answers = new ArrayList<>(request.batchItems().size());
    List<@Nullable String> placeholders = new ArrayList<>(request.batchItems().size());
    List<RequestBatchItem> audited = new ArrayList<>(request.batchItems().size());
    for (RequestBatchItem item : request.batchItems()) {
      // Access is decided per operation, so every handler, whoever wrote it, is covered.
      RequestContext context =
          new RequestContext(
              user,
              version,
              now,
              batch,
              Operation.byValue(item.operation()),
              access,
              mode,
              connection);
      Decoded<?, ?> decoded = answers.isEmpty() ? first : null;
      placeholders.add(batch.idPlaceholder());
      long started = System.nanoTime();
      ResponseBatchItem answer = decoded == null ? checked(item, version) : null;
      if (answer == null && runsAsynchronously(asynchronous, item, version, mode)) {
        answer = submit(item, user, clientAddress, connection, version);
        audited.add(item);
      } else if (answer == null) {
        answer = run(item, context, decoded);
        if (answer == null) {
          return null;
        }
        audited.add(item);
      } else {
        // Nothing of an item out of bounds is recorded beyond its operation.
        audited.add(RequestBatchItem.of(item.operation(), EMPTY_PAYLOAD));
      }
      answers.add(answer);
      observer.answered(user, clientAddress, item, answer, System.nanoTime() - started);
      if (answer.resultStatus() == ResultStatus.SUCCESS
          || onError == BatchErrorContinuationOption.CONTINUE) {
        continue;
      }
      if (onError == BatchErrorContinuationOption.UNDO) {
        batch.undoAll();
        markUndone(answers);
      }
      break;
    }
    // After the loop, so that an item undone by a later failure is recorded as undone.
    try {
      for (int i = 0; i < answers.size(); i++) {
        audit.record(
            AuditEntries.of(
                now, user, clientAddress, audited.get(i), answers.get(i), placeholders.get(i)));
      }
    } catch (AuditUnavailableException e) {
      // Only when the journal filled past its headroom within this batch: it was done already.
      log.error(
          "{} batch items by {} done but not recorded: {}", answers.size(), user, e.getMessage());
    }
    return new ResponseMessage(ResponseHeader.of(version, now), answers);
  }

  /**
   * Refuses every item of {@code request} for one reason decided before any ran (a Credential that
   * did not authenticate): each answered with it, recorded in the audit log under {@code user} with
   * its operation alone, and told to the observer.
   */
  public ResponseMessage refuseAll(
      RequestMessage request,
      String user,
      String clientAddress,
      ResultReason reason,
      String message) {
    ProtocolVersion version = request.protocolVersion();
    Instant now = clock.instant();
    ResultReason answered = ResultReasons.forVersion(reason, version);
    List<ResponseBatchItem> refused = new ArrayList<>(request.batchItems().size());
    for (RequestBatchItem item : request.batchItems()) {
      ResponseBatchItem answer =
          ResponseBatchItem.failure(item.operation(), item.uniqueBatchItemId(), answered, message);
      refused.add(answer);
      observer.answered(user, clientAddress, item, answer, 0);
      try {
        audit.record(
            AuditEntries.of(
                now,
                user,
                clientAddress,
                RequestBatchItem.of(item.operation(), EMPTY_PAYLOAD),
                answer,
                null));
      } catch (AuditUnavailableException e) {
        log.error("a refused credential of {} not recorded: {}", user, e.getMessage());
      }
    }
    return new ResponseMessage(ResponseHeader.of(version, now), refused);
  }

  /**
   * The asynchronous answer the client lets the server give (Optional or Mandatory; 1.x True is
   * Optional), or null when it asks for none, or when this server keeps no asynchronous operations.
   */
  private @Nullable AsynchronousIndicator asynchronousAsked(RequestMessage request) {
    Integer value = request.header().asynchronousIndicator();
    if (value == null || registry.asynchronous() == null) {
      return null;
    }
    AsynchronousIndicator indicator = AsynchronousIndicator.byValue(value);
    return indicator == AsynchronousIndicator.PROHIBITED ? null : indicator;
  }

  /**
   * Whether this item is answered Pending: only an item alone in its message, on a worker, of an
   * operation this server serves in the version. With Optional, only the long operations ({@link
   * #LONG_OPERATIONS}); with Mandatory every operation but Poll and Cancel, which the specification
   * keeps synchronous.
   */
  private boolean runsAsynchronously(
      @Nullable AsynchronousIndicator asynchronous,
      RequestBatchItem item,
      ProtocolVersion version,
      ExecutionMode mode) {
    Operation operation = Operation.byValue(item.operation());
    if (asynchronous == null
        || mode != ExecutionMode.WORKER
        || operation == null
        || !operation.isDefinedIn(version)
        || registry.entry(operation) == null
        || operation == Operation.POLL
        || operation == Operation.CANCEL) {
      return false;
    }
    return asynchronous == AsynchronousIndicator.MANDATORY || LONG_OPERATIONS.contains(operation);
  }

  /**
   * Queues the item in the registry's asynchronous operations and answers Pending with its
   * correlation value (or Server Limit Exceeded when the table is full). The item runs later as it
   * would have now, on its own batch, and its result is audited when it is known.
   */
  private ResponseBatchItem submit(
      RequestBatchItem item,
      String user,
      String clientAddress,
      long connection,
      ProtocolVersion version) {
    AsyncOperations operations = Objects.requireNonNull(registry.asynchronous(), "asked above");
    try {
      ByteString correlation =
          operations.submit(
              user,
              item.operation(),
              () -> {
                Instant started = clock.instant();
                RequestContext context =
                    new RequestContext(
                        user,
                        version,
                        started,
                        new BatchState(),
                        Operation.byValue(item.operation()),
                        access,
                        ExecutionMode.WORKER,
                        connection);
                ResponseBatchItem result =
                    Objects.requireNonNull(run(item, context, null), "a worker answers");
                try {
                  audit.record(AuditEntries.of(started, user, clientAddress, item, result, null));
                } catch (AuditUnavailableException e) {
                  log.error(
                      "an asynchronous {} of {} done but not recorded: {}",
                      Operation.byValue(item.operation()),
                      user,
                      e.getMessage());
                }
                return result;
              });
      return AsyncOperations.pending(item.operation(), item.uniqueBatchItemId(), correlation);
    } catch (KmipException e) {
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReasons.forVersion(e.reason(), version),
          e.getMessage());
    }
  }

  /**
   * The refusal of an item whose fields exceed the bounds or that names an enumeration value its
   * version does not define, or null if it is within both.
   */
  private @Nullable ResponseBatchItem checked(RequestBatchItem item, ProtocolVersion version) {
    try {
      bounds.checkItem(item);
      ValueVersions.Undefined undefined =
          ValueVersions.firstUndefined(item.requestPayload(), version);
      if (undefined != null) {
        // 2.x names the fault Unknown Enumeration; 1.x has only Invalid Field for it.
        return ResponseBatchItem.failure(
            item.operation(),
            item.uniqueBatchItemId(),
            ResultReason.UNKNOWN_ENUMERATION.isDefinedIn(version)
                ? ResultReason.UNKNOWN_ENUMERATION
                : ResultReason.INVALID_FIELD,
            undefined.describe(version));
      }
      return null;
    } catch (KmipException e) {
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReasons.forVersion(e.reason(), version),
          e.getMessage());
    }
  }

  private static BatchErrorContinuationOption continuation(RequestMessage request) {
    Integer value = request.header().batchErrorContinuationOption();
    if (value == null) {
      return BatchErrorContinuationOption.STOP;
    }
    BatchErrorContinuationOption option = BatchErrorContinuationOption.byValue(value);
    if (option == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "BatchErrorContinuationOption: 0x"
              + Integer.toHexString(value)
              + " (expected: Continue, Stop or Undo)");
    }
    return option;
  }

  /**
   * One item's answer; null when, on the event loop, its handler needs a worker. {@code decoded} is
   * its payload if already decoded.
   */
  private @Nullable ResponseBatchItem run(
      RequestBatchItem item, RequestContext context, @Nullable Decoded<?, ?> decoded) {
    Operation operation = Operation.byValue(item.operation());
    if (operation != null && !operation.isDefinedIn(context.protocolVersion())) {
      // The version gate: what the request's version does not define is not served in it, as
      // vocabulary.tsv dates every operation (Discover Versions 1.1, Encrypt 1.2, Ping 2.1).
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReason.OPERATION_NOT_SUPPORTED,
          operation.xmlName()
              + " is not a KMIP "
              + context.protocolVersion()
              + " operation (it came with "
              + operation.since()
              + ")");
    }
    OperationRegistry.Entry<?, ?> entry = operation == null ? null : registry.entry(operation);
    if (entry == null) {
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReason.OPERATION_NOT_SUPPORTED,
          (operation == null ? "0x" + Integer.toHexString(item.operation()) : operation.xmlName())
              + " is not supported by this server (Query lists what is)");
    }
    try {
      Decoded<?, ?> request =
          decoded != null
              ? decoded
              : Decoded.of(entry, item.requestPayload(), context.protocolVersion());
      AsyncOperations operations = registry.asynchronous();
      if (request.request() instanceof Poll.Request poll && operations != null) {
        // Poll answers with the polled item itself, which no payload could carry.
        return operations.poll(
            context.user(),
            poll.asynchronousCorrelationValue(),
            context.protocolVersion(),
            item.uniqueBatchItemId());
      }
      TtlvStructure payload =
          context.mode() == ExecutionMode.INLINE
              ? request.tryInline(context)
              : request.handle(context);
      if (payload == null) {
        return null;
      }
      ValueVersions.Undefined unsayable =
          ValueVersions.firstUndefinedValue(payload, context.protocolVersion());
      if (unsayable != null) {
        // The answer would hold a value the client's version cannot read (a PGP Key fetched by
        // a 1.0 client): it gets a refusal it can read instead.
        return ResponseBatchItem.failure(
            item.operation(),
            item.uniqueBatchItemId(),
            ResultReason.FEATURE_NOT_SUPPORTED,
            "the answer would hold " + unsayable.describe(context.protocolVersion()));
      }
      return ResponseBatchItem.success(item.operation(), item.uniqueBatchItemId(), payload);
    } catch (KmipException e) {
      // A reason the client's version does not define would be an unknown enumeration to it.
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReasons.forVersion(e.reason(), context.protocolVersion()),
          e.getMessage());
    } catch (RuntimeException e) {
      // A bug, not a KMIP error: the client gets a reference to quote, the log gets the cause.
      String reference = UUID.randomUUID().toString();
      log.error(
          "{} failed for {} (reference {})",
          entry.operation().xmlName(),
          context.user(),
          reference,
          e);
      return ResponseBatchItem.failure(
          item.operation(),
          item.uniqueBatchItemId(),
          ResultReason.GENERAL_FAILURE,
          "internal error, reference " + reference);
    }
  }

  /**
   * One item's payload decoded once, with the entry that handles it; its answer is encoded once,
   * whichever path produced it. A payload that cannot be read fails as the handler's own errors do.
   */
  private record Decoded<Q, R>(OperationRegistry.Entry<Q, R> entry, Q request) {
    static <Q, R> Decoded<Q, R> of(
        OperationRegistry.Entry<Q, R> entry, TtlvStructure payload, ProtocolVersion version) {
      return new Decoded<>(entry, entry.codec().decode(payload, version));
    }

    TtlvStructure handle(RequestContext context) {
      return entry
          .codec()
          .encode(entry.handler().handle(request, context), context.protocolVersion());
    }

    /** The encoded answer from memory, or null when the item needs a worker. */
    @Nullable TtlvStructure tryInline(RequestContext context) {
      InlineHandler<Q, R> inline = entry.inline();
      if (inline == null) {
        return null;
      }
      R response = inline.tryInline(request, context).orElse(null);
      return response == null ? null : entry.codec().encode(response, context.protocolVersion());
    }
  }

  private static void markUndone(List<ResponseBatchItem> answers) {
    for (int i = 0; i < answers.size() - 1; i++) {
      ResponseBatchItem done = answers.get(i);
      if (done.resultStatus() == ResultStatus.SUCCESS) {
        answers.set(
            i,
            new ResponseBatchItem(
                done.operation(),
                done.uniqueBatchItemId(),
                ResultStatus.OPERATION_UNDONE,
                null,
                null,
                null,
                // What the item answered before it was undone, as the 2.1 test cases show.
                done.responsePayload(),
                null));
      }
    }
  }
}

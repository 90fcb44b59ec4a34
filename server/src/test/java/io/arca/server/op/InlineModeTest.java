package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.AuditEntry;
import io.arca.server.KmipRequestProcessor;
import io.arca.server.ServerHandlers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditLog;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.ExecutionMode;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.DatabaseStore;
import io.arca.server.transport.Answer;
import io.arca.server.transport.Connection;
import io.arca.server.transport.InlineAttempt;
import io.arca.server.transport.InlineAttempts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a request runs, as its handlers see it ({@link RequestContext#mode()}): on the event loop
 * when memory can answer, else on a worker with the request the event loop decoded, the same answer
 * either way, and nothing left behind by an attempt that was handed on.
 */
class InlineModeTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final Connection ALICE =
      new Connection("alice", new InetSocketAddress("192.0.2.7", 40000));

  @TempDir Path dir;
  private HandlerFixture fixture;
  private final List<AuditEntry> audited = new ArrayList<>();
  private final List<ExecutionMode> modes = new ArrayList<>();
  private final List<ResponseBatchItem> observed = new ArrayList<>();
  private KmipRequestProcessor processor;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    processor = recordingProcessor(modes, observed);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aWholeMessageRefusalIsAnsweredByTheWorkerThatRunsADeferredRequest() {
    KmipRequestProcessor syncedAudit =
        new KmipRequestProcessor(
            new BatchProcessor(
                ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store()),
                Clock.fixed(HandlerFixture.NOW, ZoneOffset.UTC),
                AccessPolicy.ownersOnly(),
                new AuditLog() {
                  @Override
                  public void record(AuditEntry entry) {
                    audited.add(entry);
                  }

                  @Override
                  public boolean recordsWithoutBlocking() {
                    return false;
                  }
                }),
            DecodeLimits.DEFAULTS,
            Clock.systemUTC());
    RequestMessage badOption =
        new RequestMessage(
            new RequestHeader(V, null, null, null, null, null, List.of(), null, 0x7F, null, null),
            List.of(
                new RequestBatchItem(
                    Operation.DISCOVER_VERSIONS.value(),
                    null,
                    null,
                    TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()),
                    List.of())));

    InlineAttempt attempt =
        syncedAudit.tryInline(
            Unpooled.wrappedBuffer(TtlvWriter.toBytes(badOption.encode())), ALICE, alloc());

    assertThat(attempt)
        .as("a forced audit record waits for the disk")
        .isInstanceOf(InlineAttempt.Deferred.class);
    ResponseBatchItem refused = item(InlineAttempts.finish(attempt));
    assertThat(refused.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(refused.resultReason()).isEqualTo(io.arca.kmip.ResultReason.INVALID_FIELD.value());
  }

  @Test
  void aWarmKeyIsServedInlineAndAColdOneByAWorkerWithTheSameAnswer() {
    String key = activeKey();
    ((DatabaseStore) fixture.store()).clearCache();
    modes.clear();

    InlineAttempt cold =
        processor.tryInline(frame(Operation.ENCRYPT, encryptWithIv(key)), ALICE, alloc());
    assertThat(cold).isInstanceOf(InlineAttempt.Deferred.class);
    assertThat(modes).as("nothing ran before the worker").isEmpty();
    ResponseBatchItem fromWorker = item(InlineAttempts.finish(cold));
    assertThat(modes).containsExactly(ExecutionMode.WORKER);

    InlineAttempt warm =
        processor.tryInline(frame(Operation.ENCRYPT, encryptWithIv(key)), ALICE, alloc());
    assertThat(warm).isInstanceOf(InlineAttempt.Answered.class);
    assertThat(modes).containsExactly(ExecutionMode.WORKER, ExecutionMode.INLINE);
    ResponseBatchItem inline = item(InlineAttempts.finish(warm));

    assertThat(fromWorker.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(inline).isEqualTo(fromWorker);
  }

  @Test
  void aGetOfAWarmObjectIsServedInlineWithTheWorkersAnswer() {
    String key = activeKey();
    ByteBuf first = frame(Operation.GET, new Get.Request(key, null, null, null, null).encode(V));
    item(InlineAttempts.finish(processor.tryInline(first, ALICE, alloc())));
    modes.clear();

    ResponseBatchItem fromWorker =
        item(
            processor.process(
                frame(Operation.GET, new Get.Request(key, null, null, null, null).encode(V)),
                ALICE,
                alloc()));
    ResponseBatchItem inline =
        item(
            Objects.requireNonNull(
                InlineAttempts.answer(
                    processor.tryInline(
                        frame(
                            Operation.GET, new Get.Request(key, null, null, null, null).encode(V)),
                        ALICE,
                        alloc()))));

    assertThat(modes).containsExactly(ExecutionMode.WORKER, ExecutionMode.INLINE);
    assertThat(inline).isEqualTo(fromWorker);
  }

  @Test
  void aColdAttemptLeavesNoAuditMetricUsageOrUndoTrace() {
    String key = activeKey(limitedTo(1000));
    ((DatabaseStore) fixture.store()).clearCache();
    int audits = audited.size();
    int answers = observed.size();

    InlineAttempt cold =
        processor.tryInline(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc());

    assertThat(cold).isInstanceOf(InlineAttempt.Deferred.class);
    assertThat(audited).as("no audit record").hasSize(audits);
    assertThat(observed).as("no metric").hasSize(answers);
    assertThat(usesLeft(key)).as("no use counted").isNull();
    assertThat(item(InlineAttempts.finish(cold)).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(usesLeft(key)).as("counted once, by the worker").isEqualTo(1000 - 64);
    assertThat(audited).hasSize(audits + 1);
    assertThat(observed).hasSize(answers + 1);
  }

  @Test
  void aKeyWithUsageLimitsIsNeverUsedOnTheEventLoop() {
    String key = activeKey(limitedTo(1000));
    item(processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc()));
    item(processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc()));
    int audits = audited.size();

    InlineAttempt warm =
        processor.tryInline(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc());

    assertThat(warm).as("counting a use is a write").isInstanceOf(InlineAttempt.Deferred.class);
    assertThat(usesLeft(key)).isEqualTo(1000 - 128);
    assertThat(audited).hasSize(audits);
    item(InlineAttempts.finish(warm));
    assertThat(usesLeft(key)).isEqualTo(1000 - 192);
  }

  @Test
  void anObjectTheCallerMayNotSeeIsRefusedByAWorkerEvenWhenCached() {
    String key = activeKey();
    item(processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc()));
    modes.clear();
    Connection mallory = new Connection("mallory", new InetSocketAddress("192.0.2.8", 40001));

    InlineAttempt attempt =
        processor.tryInline(frame(Operation.ENCRYPT, encrypt(key)), mallory, alloc());

    // A refusal costs one read of the store, whether the object is cached, cold or missing.
    assertThat(attempt).isInstanceOf(InlineAttempt.Deferred.class);
    assertThat(item(InlineAttempts.finish(attempt)).resultReason())
        .isEqualTo(io.arca.kmip.ResultReason.OBJECT_NOT_FOUND.value());
    assertThat(modes).containsExactly(ExecutionMode.WORKER);
  }

  /**
   * A processor whose inline handlers record the mode of every request they answered: the test hook
   * that tells the event loop's answers from the workers'.
   */
  private KmipRequestProcessor recordingProcessor(
      List<ExecutionMode> modes, List<ResponseBatchItem> observed) {
    OperationRegistry real =
        ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store());
    OperationRegistry.Builder recording = OperationRegistry.builder();
    for (Operation operation : real.operations()) {
      add(recording, Objects.requireNonNull(real.entry(operation)), modes);
    }
    recording.asynchronous(Objects.requireNonNull(real.asynchronous()));
    return new KmipRequestProcessor(
        new BatchProcessor(
            recording.build(),
            Clock.fixed(HandlerFixture.NOW, ZoneOffset.UTC),
            AccessPolicy.ownersOnly(),
            audited::add,
            io.arca.kmip.message.RequestBounds.DEFAULTS,
            (user, address, item, answer, nanos) -> observed.add(answer)),
        DecodeLimits.DEFAULTS,
        Clock.systemUTC());
  }

  private static <Q, R> void add(
      OperationRegistry.Builder builder,
      OperationRegistry.Entry<Q, R> entry,
      List<ExecutionMode> modes) {
    InlineHandler<Q, R> inline = entry.inline();
    if (inline == null) {
      builder.add(entry.codec(), entry.handler());
      return;
    }
    builder.add(
        entry.codec(),
        new InlineHandler<Q, R>() {
          @Override
          public Operation operation() {
            return inline.operation();
          }

          @Override
          public R handle(Q request, RequestContext context) {
            modes.add(context.mode());
            return inline.handle(request, context);
          }

          @Override
          public Optional<R> tryInline(Q request, RequestContext context) {
            Optional<R> response = inline.tryInline(request, context);
            response.ifPresent(answered -> modes.add(context.mode()));
            return response;
          }
        });
  }

  private @Nullable Long usesLeft(String key) {
    Attribute limits =
        fixture.store().find(key).orElseThrow().attributes().first(Tag.USAGE_LIMITS.code());
    TtlvStructure structure = (TtlvStructure) Objects.requireNonNull(limits).value();
    return structure.first(Tag.USAGE_LIMITS_COUNT.code()) instanceof TtlvLongInteger count
        ? count.value()
        : null;
  }

  private static Attribute limitedTo(long bytes) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.USAGE_LIMITS.code(),
            new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), bytes),
            new TtlvEnumeration(Tag.USAGE_LIMITS_UNIT.code(), UsageLimitsUnit.BYTE.value())));
  }

  private static ResponseBatchItem item(Answer answer) {
    ByteBuf bytes = answer.bytes();
    try {
      ResponseMessage response =
          ResponseMessage.decode((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS));
      return response.batchItems().get(0);
    } finally {
      bytes.release();
    }
  }

  private static TtlvStructure encryptWithIv(String key) {
    return new Encrypt.Request(
            key,
            null,
            ByteString.copyOf(new byte[64]),
            ByteString.copyOf(new byte[12]),
            null,
            null,
            null,
            null)
        .encode(V);
  }

  private static ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }

  private static TtlvStructure encrypt(String key) {
    return new Encrypt.Request(
            key, null, ByteString.copyOf(new byte[64]), null, null, null, null, null)
        .encode(V);
  }

  private static ByteBuf frame(Operation operation, TtlvStructure payload) {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return Unpooled.wrappedBuffer(TtlvWriter.toBytes(request.encode()));
  }

  private static Attributes aes(Attribute... more) {
    List<Attribute> attributes =
        new ArrayList<>(
            List.of(
                Attribute.of(
                    new TtlvEnumeration(
                        Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
                Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
                Attribute.of(
                    new TtlvInteger(
                        Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                        CryptographicUsageMask.ENCRYPT.value()
                            | CryptographicUsageMask.DECRYPT.value()))));
    attributes.addAll(List.of(more));
    return Attributes.of(attributes.toArray(new Attribute[0]));
  }

  private String activeKey(Attribute... more) {
    Answer created =
        processor.process(
            frame(
                Operation.CREATE,
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes(more)).encode(V)),
            ALICE,
            ByteBufAllocator.DEFAULT);
    ByteBuf bytes = created.bytes();
    String uid;
    try {
      ResponseMessage response =
          ResponseMessage.decode((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS));
      uid =
          Create.Response.decode(
                  Objects.requireNonNull(response.batchItems().get(0).responsePayload()), V)
              .uniqueIdentifier();
    } finally {
      bytes.release();
    }
    processor.process(
        frame(Operation.ACTIVATE, new Activate.Request(uid).encode(V)),
        ALICE,
        ByteBufAllocator.DEFAULT);
    return uid;
  }
}

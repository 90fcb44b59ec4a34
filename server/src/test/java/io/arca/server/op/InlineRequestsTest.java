package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
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
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.AuditEntry;
import io.arca.server.KmipRequestProcessor;
import io.arca.server.ServerHandlers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.OperationRegistry;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests answered on the event loop: only what the caches can answer, nothing half done when a
 * request is handed on to the worker pool, and the same answers and audit records either way.
 */
class InlineRequestsTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final Connection ALICE =
      new Connection("alice", new InetSocketAddress("192.0.2.7", 40000));

  @TempDir Path dir;
  private HandlerFixture fixture;
  private final List<AuditEntry> audited = new ArrayList<>();
  private KmipRequestProcessor processor;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    processor =
        new KmipRequestProcessor(
            new BatchProcessor(
                ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store()),
                Clock.fixed(HandlerFixture.NOW, ZoneOffset.UTC),
                AccessPolicy.ownersOnly(),
                audited::add),
            DecodeLimits.DEFAULTS,
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void discoverVersionsIsAnsweredOnTheEventLoop() {
    Answer answer =
        InlineAttempts.answer(
            processor.tryInline(
                frame(Operation.DISCOVER_VERSIONS, TtlvStructure.of(Tag.REQUEST_PAYLOAD.code())),
                ALICE,
                ByteBufAllocator.DEFAULT));

    assertThat(answer).isNotNull();
    assertThat(status(Objects.requireNonNull(answer))).isEqualTo(ResultStatus.SUCCESS);
    assertThat(audited).hasSize(1);
  }

  @Test
  void exactlyTheOperationsMemoryCanAnswerAreTriedInline() {
    OperationRegistry registry =
        ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store());
    List<Operation> inline = new ArrayList<>();
    for (Operation operation : registry.operations()) {
      if (registry.servesInline(operation.value())) {
        inline.add(operation);
      }
    }

    assertThat(inline)
        .containsExactlyInAnyOrder(
            Operation.DISCOVER_VERSIONS,
            Operation.QUERY,
            Operation.GET,
            Operation.GET_ATTRIBUTES,
            Operation.GET_ATTRIBUTE_LIST,
            Operation.ENCRYPT,
            Operation.DECRYPT,
            Operation.MAC,
            Operation.MAC_VERIFY,
            Operation.HASH,
            Operation.RNG_RETRIEVE);
    assertThat(registry.servesInline(-1)).as("no single operation could be peeked").isFalse();
  }

  @Test
  void writesAreNeverTried() {
    int before = audited.size();
    Answer answer =
        InlineAttempts.answer(
            processor.tryInline(
                frame(
                    Operation.CREATE,
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes()).encode(V)),
                ALICE,
                ByteBufAllocator.DEFAULT));

    assertThat(answer).isNull();
    assertThat(audited).hasSize(before);
  }

  @Test
  void aColdKeyGoesToTheWorkersAndAWarmOneIsServedInline() {
    String key = activeKey();
    ((DatabaseStore) fixture.store()).clearCache();
    int before = audited.size();
    ByteBuf encrypt = frame(Operation.ENCRYPT, encrypt(key));

    assertThat(InlineAttempts.answer(processor.tryInline(encrypt, ALICE, ByteBufAllocator.DEFAULT)))
        .isNull();
    assertThat(audited).as("nothing recorded for the attempt").hasSize(before);
    assertThat(encrypt.readerIndex()).as("the frame is left for the worker").isZero();

    // The worker pool's turn: it loads and unwraps the key.
    assertThat(status(processor.process(encrypt, ALICE, ByteBufAllocator.DEFAULT)))
        .isEqualTo(ResultStatus.SUCCESS);
    Answer warm =
        InlineAttempts.answer(
            processor.tryInline(
                frame(Operation.ENCRYPT, encrypt(key)), ALICE, ByteBufAllocator.DEFAULT));

    assertThat(warm).isNotNull();
    assertThat(status(Objects.requireNonNull(warm))).isEqualTo(ResultStatus.SUCCESS);
    assertThat(audited).hasSize(before + 2);
  }

  @Test
  void aWorkerFinishesADeferredRequestFromWhatTheEventLoopDecoded() {
    String key = activeKey();
    ((DatabaseStore) fixture.store()).clearCache();
    ByteBuf encrypt = frame(Operation.ENCRYPT, encrypt(key));

    InlineAttempt attempt = processor.tryInline(encrypt, ALICE, alloc());

    assertThat(attempt).isInstanceOf(InlineAttempt.Deferred.class);
    // Were the frame read again, the zeroed bytes would be answered as an undecodable request.
    encrypt.setZero(0, encrypt.capacity());
    assertThat(status(InlineAttempts.finish(attempt))).isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void theFirstGetWritesFreshAndSoRunsOnTheWorkers() {
    String key = activeKey();
    processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, ByteBufAllocator.DEFAULT);
    ByteBuf get = frame(Operation.GET, new Get.Request(key, null, null, null, null).encode(V));

    assertThat(InlineAttempts.answer(processor.tryInline(get, ALICE, ByteBufAllocator.DEFAULT)))
        .isNull();
    assertThat(fresh(key)).as("the attempt changed nothing").isTrue();

    assertThat(status(processor.process(get, ALICE, ByteBufAllocator.DEFAULT)))
        .isEqualTo(ResultStatus.SUCCESS);
    assertThat(fresh(key)).isFalse();
    processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, ByteBufAllocator.DEFAULT);
    Answer again =
        InlineAttempts.answer(
            processor.tryInline(
                frame(Operation.GET, new Get.Request(key, null, null, null, null).encode(V)),
                ALICE,
                ByteBufAllocator.DEFAULT));
    assertThat(again).as("a later Get of the warm key writes nothing").isNotNull();
  }

  @Test
  void streamsAndBatchesOfSeveralItemsGoToTheWorkers() {
    String key = activeKey();
    processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, ByteBufAllocator.DEFAULT);
    TtlvStructure plain = encrypt(key);
    List<io.arca.kmip.ttlv.Ttlv> items = new ArrayList<>(plain.items());
    items.add(new TtlvBoolean(Tag.INIT_INDICATOR.code(), true));
    TtlvStructure streaming = new TtlvStructure(plain.tag(), items);

    assertThat(
            InlineAttempts.answer(
                processor.tryInline(frame(Operation.ENCRYPT, streaming), ALICE, alloc())))
        .isNull();
    RequestMessage twoItems =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(
                new RequestBatchItem(Operation.ENCRYPT.value(), null, null, plain, List.of()),
                new RequestBatchItem(Operation.ENCRYPT.value(), null, null, plain, List.of())));
    assertThat(
            InlineAttempts.answer(
                processor.tryInline(
                    Unpooled.wrappedBuffer(TtlvWriter.toBytes(twoItems.encode())), ALICE, alloc())))
        .isNull();
  }

  @Test
  void largeRequestsAreLeftToTheWorkersEvenForAWarmKey() {
    String key = activeKey();
    processor.process(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc()).bytes().release();
    TtlvStructure large =
        new Encrypt.Request(
                key, null, ByteString.copyOf(new byte[32 * 1024]), null, null, null, null, null)
            .encode(V);

    assertThat(
            InlineAttempts.answer(
                processor.tryInline(frame(Operation.ENCRYPT, encrypt(key)), ALICE, alloc())))
        .isNotNull();
    assertThat(
            InlineAttempts.answer(
                processor.tryInline(frame(Operation.ENCRYPT, large), ALICE, alloc())))
        .isNull();
    assertThat(status(processor.process(frame(Operation.ENCRYPT, large), ALICE, alloc())))
        .isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void theInMemoryReadsNeverLoadWhatIsNotCached() {
    String key = activeKey();
    ((DatabaseStore) fixture.store()).clearCache();

    assertThat(fixture.store().findCached(key)).isEmpty();
    assertThat(fixture.store().contentInMemory(key)).isEmpty();
    assertThat(fixture.store().findCached(key)).as("nothing was loaded").isEmpty();

    assertThat(fixture.store().find(key)).isPresent();
    assertThat(fixture.store().findCached(key)).isPresent();
    assertThat(fixture.store().contentInMemory(key)).as("not unwrapped yet").isEmpty();
    fixture.store().content(key).orElseThrow().close();
    try (var content = fixture.store().contentInMemory(key).orElseThrow()) {
      assertThat(content.structure().tag()).isEqualTo(Tag.SYMMETRIC_KEY.code());
    }
  }

  private static ByteBufAllocator alloc() {
    return ByteBufAllocator.DEFAULT;
  }

  private boolean fresh(String key) {
    return ServerAttributes.flag(
        fixture.store().find(key).orElseThrow().attributes(), Tag.FRESH, false);
  }

  private static TtlvStructure encrypt(String key) {
    return new Encrypt.Request(
            key, null, ByteString.copyOf(new byte[64]), null, null, null, null, null)
        .encode(V);
  }

  private static @Nullable ResultStatus status(Answer answer) {
    ByteBuf bytes = answer.bytes();
    try {
      ResponseMessage response =
          ResponseMessage.decode((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS));
      ResponseBatchItem item = response.batchItems().get(0);
      return item.resultStatus();
    } finally {
      bytes.release();
    }
  }

  private static ByteBuf frame(Operation operation, TtlvStructure payload) {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return Unpooled.wrappedBuffer(TtlvWriter.toBytes(request.encode()));
  }

  private static Attributes aes() {
    return Attributes.of(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
        Attribute.of(
            new TtlvInteger(
                Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value())));
  }

  private String activeKey() {
    Answer created =
        processor.process(
            frame(
                Operation.CREATE,
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes()).encode(V)),
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

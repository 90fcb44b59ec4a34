package io.arca.bench;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.KmipRequestProcessor;
import io.arca.server.ServerHandlers;
import io.arca.server.ServerStores;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.Answer;
import io.arca.server.transport.Connection;
import io.arca.server.transport.InlineAttempt;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One request frame in, one response frame out, as an event loop serves a warm request (everything
 * but TLS and the socket): decode, access, handler, audit queueing left out, encode. {@code java
 * -jar benchmarks/target/benchmarks.jar RequestPathBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestPathBenchmark {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final Connection USER =
      new Connection("bench", new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000));
  private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

  private Path dataDir;
  private ServerStores stores;
  private KmipRequestProcessor processor;
  private ByteBuf discoverVersions;
  private ByteBuf encryptGcm;
  private ByteBuf get;

  @Setup
  public void open() throws IOException {
    dataDir = Files.createTempDirectory("arca-request-bench");
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dataDir,
            null,
            IdentitySource.CN,
            new ServerConfig.Limits(8, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "warn",
            false,
            ServerConfig.Storage.EMBEDDED);
    stores = ServerStores.open(config);
    processor = ServerHandlers.processor(config, stores.objects());
    String key = activeAesKey();
    discoverVersions =
        frame(Operation.DISCOVER_VERSIONS, TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()));
    encryptGcm =
        frame(
            Operation.ENCRYPT,
            new Encrypt.Request(
                    key, null, ByteString.copyOf(new byte[64]), null, null, null, null, null)
                .encode(V));
    get = frame(Operation.GET, new Get.Request(key, null, null, null, null).encode(V));
    // The first Get turns Fresh off (a write), and the first Encrypt loads and unwraps the key:
    // both on the worker path, as in the server.
    processor.process(get, USER, ALLOCATOR).bytes().release();
    processor.process(encryptGcm, USER, ALLOCATOR).bytes().release();
  }

  @TearDown
  public void close() throws IOException {
    stores.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Discover Versions: framing, header, dispatch and encoding, no object. */
  @Benchmark
  public int discoverVersions() {
    return inline(discoverVersions);
  }

  /** AES-256-GCM of 64 bytes under a warm key, the server choosing the IV. */
  @Benchmark
  public int encryptAesGcm() {
    return inline(encryptGcm);
  }

  /** Get of a warm AES-256 key. */
  @Benchmark
  public int getWarmKey() {
    return inline(get);
  }

  /**
   * As the event loop does: inline when the caches answer, else the worker path (each second a warm
   * key is confirmed against the database once).
   */
  private int inline(ByteBuf frame) {
    InlineAttempt attempt = processor.tryInline(frame, USER, ALLOCATOR);
    Answer answer =
        attempt instanceof InlineAttempt.Answered answered
            ? answered.answer()
            : ((InlineAttempt.Deferred) attempt).rest().run();
    int size = answer.bytes().readableBytes();
    answer.bytes().release();
    return size;
  }

  private String activeAesKey() {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())));
    TtlvStructure created =
        call(
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    String uid = Create.Response.decode(created, V).uniqueIdentifier();
    call(Operation.ACTIVATE, new Activate.Request(uid).encode(V));
    return uid;
  }

  private TtlvStructure call(Operation operation, TtlvStructure payload) {
    ByteBuf bytes = processor.process(frame(operation, payload), USER, ALLOCATOR).bytes();
    try {
      ResponseMessage response =
          ResponseMessage.decode((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS));
      return Objects.requireNonNull(
          response.batchItems().get(0).responsePayload(), operation + " failed");
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
}

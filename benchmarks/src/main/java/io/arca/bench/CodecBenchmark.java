package io.arca.bench;

import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Binary TTLV decode and encode of typical messages in pooled direct buffers, as the server sees
 * them: {@code java -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
  private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

  private final Ttlv encryptRequest = SampleMessages.encryptRequest();
  private final Ttlv encryptResponse = SampleMessages.encryptResponse();
  private final Ttlv locateResponse = SampleMessages.locateResponse();
  private final Ttlv getAttributesResponse = SampleMessages.getAttributesResponse();

  private final ByteBuf encryptRequestFrame = frame(encryptRequest);
  private final ByteBuf encryptResponseFrame = frame(encryptResponse);
  private final ByteBuf locateResponseFrame = frame(locateResponse);
  private final ByteBuf getAttributesResponseFrame = frame(getAttributesResponse);

  private static ByteBuf frame(Ttlv message) {
    ByteBuf frame = ALLOCATOR.directBuffer(TtlvWriter.encodedLength(message));
    TtlvWriter.write(message, frame);
    return frame;
  }

  /** Reused by the encode benchmarks, so that they time the writer rather than the pool. */
  private final ByteBuf out = ALLOCATOR.directBuffer(64 * 1024);

  private int encode(Ttlv message) {
    out.clear();
    TtlvWriter.write(message, out);
    return out.writerIndex();
  }

  @TearDown
  public void release() {
    encryptRequestFrame.release();
    encryptResponseFrame.release();
    locateResponseFrame.release();
    getAttributesResponseFrame.release();
    out.release();
  }

  @Benchmark
  public Ttlv decodeEncryptRequest() {
    return TtlvReader.read(encryptRequestFrame, DecodeLimits.DEFAULTS);
  }

  @Benchmark
  public int encodeEncryptRequest() {
    return encode(encryptRequest);
  }

  /** What a server pays per response: a buffer from the pool, the encoding, the release. */
  @Benchmark
  public int encodeEncryptRequestIntoPooledBuffer() {
    ByteBuf fresh = ALLOCATOR.directBuffer(512);
    try {
      TtlvWriter.write(encryptRequest, fresh);
      return fresh.writerIndex();
    } finally {
      fresh.release();
    }
  }

  @Benchmark
  public Ttlv decodeEncryptResponse() {
    return TtlvReader.read(encryptResponseFrame, DecodeLimits.DEFAULTS);
  }

  @Benchmark
  public int encodeEncryptResponse() {
    return encode(encryptResponse);
  }

  @Benchmark
  public Ttlv decodeLocateResponse() {
    return TtlvReader.read(locateResponseFrame, DecodeLimits.DEFAULTS);
  }

  @Benchmark
  public int encodeLocateResponse() {
    return encode(locateResponse);
  }

  @Benchmark
  public Ttlv decodeGetAttributesResponse() {
    return TtlvReader.read(getAttributesResponseFrame, DecodeLimits.DEFAULTS);
  }

  @Benchmark
  public int encodeGetAttributesResponse() {
    return encode(getAttributesResponse);
  }
}

package io.arca.bench;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.ServerStores;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The object store on the embedded database, as the server opens it: reading a warm key's material
 * (the Encrypt hot path: no database, no unwrap) and durable creates from many threads (group
 * commit): {@code java -jar benchmarks/target/benchmarks.jar ObjectStoreBenchmark}.
 */
@State(Scope.Benchmark)
public class ObjectStoreBenchmark {
  private static final byte[] KEY = new byte[32];

  private Path dataDir;
  private ServerStores stores;
  private ObjectStore objects;

  @Setup
  public void open() throws IOException {
    dataDir = Files.createTempDirectory("arca-store-bench");
    stores =
        ServerStores.open(
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
                ServerConfig.Storage.EMBEDDED));
    objects = stores.objects();
    objects.create(draft("warm"), aesKey());
    objects.content("warm").orElseThrow().close();
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

  private static ObjectRecord draft(String uid) {
    return ObjectRecord.draft(
        uid,
        ObjectType.SYMMETRIC_KEY,
        io.arca.kmip.State.ACTIVE,
        "bench",
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256))),
        null,
        Instant.now());
  }

  private static TtlvStructure aesKey() {
    return TtlvStructure.of(
        Tag.SYMMETRIC_KEY.code(),
        TtlvStructure.of(
            Tag.KEY_BLOCK.code(),
            new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), KeyFormatType.RAW.value()),
            TtlvStructure.of(Tag.KEY_VALUE.code(), TtlvByteString.of(Tag.KEY_MATERIAL.code(), KEY)),
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value()),
            new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
  }

  /** A warm key's material: cache hit, copy out, decode, wipe. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int warmKeyMaterial() {
    try (ObjectContent content = objects.content("warm").orElseThrow()) {
      return content.structure().items().size();
    }
  }

  /** Durable creates from 16 threads sharing group commits. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public long durableCreate() {
    return objects.create(draft(UUID.randomUUID().toString()), aesKey()).version();
  }
}

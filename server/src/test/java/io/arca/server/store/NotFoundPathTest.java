package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.ObjectRepository;
import io.arca.server.KmipRequestProcessor;
import io.arca.server.ServerHandlers;
import io.arca.server.TestServers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.access.GrantStore;
import io.arca.server.audit.AuditLog;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.Answer;
import io.arca.server.transport.Connection;
import io.arca.server.transport.InlineAttempts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a stranger cannot tell a hidden object from a missing one by the time the answer takes: both
 * are refused along the same path, a hand-off from the event loop to a worker and then one
 * primary-key read of the database. Timing itself is measured by {@code NotFoundTiming} in the
 * benchmarks, not asserted here.
 */
class NotFoundPathTest {
  // Two identifiers of the same length, so that the answers have the same size too.
  private static final String HIDDEN = "00000000-0000-7000-8000-00000000000a";
  private static final String MISSING = "00000000-0000-7000-8000-00000000000b";

  @TempDir Path dir;
  private Database database;
  private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
  private KmipRequestProcessor processor;

  @BeforeEach
  void start() throws Exception {
    database = Database.open(DatabaseConfig.sqlite(dir));
    ObjectRepository repository = recording(new JdbcObjectRepository(database));
    DatabaseStore store =
        new DatabaseStore(
            repository,
            LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom()),
            KeyCacheSettings.DEFAULTS);
    store.create(TestObjects.aesDraft(HIDDEN, null), TestObjects.aesKey(new byte[32]));
    // Grants are trusted for a minute, as a busy server's are between two changes.
    AccessPolicy access = new AccessPolicy(GrantStore.NONE, Set.of(), null, Duration.ofMinutes(1));
    processor =
        ServerHandlers.processor(
            TestServers.config(dir, unusedTls(), 8, 1 << 20), store, null, access, AuditLog.NONE);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void aHiddenObjectIsRefusedAlongTheSamePathAsAMissingOne() {
    // The owner's use makes the object warm, the stranger's first request his grants.
    assertThat(get("alice", HIDDEN).resultReason()).isNull();
    get("bob", MISSING);

    for (int round = 0; round < 3; round++) {
      List<String> hidden = pathOf("bob", HIDDEN);
      List<String> missing = pathOf("bob", MISSING);

      assertThat(hidden).containsExactly("handed off", "read " + HIDDEN);
      assertThat(missing).containsExactly("handed off", "read " + MISSING);
    }
  }

  @Test
  void theOwnerOfAWarmObjectIsStillServedOnTheEventLoopWithoutReading() {
    get("alice", HIDDEN);
    reads.clear();

    Answer inline = inline("alice", HIDDEN);

    assertThat(inline).isNotNull();
    Objects.requireNonNull(inline).bytes().release();
    assertThat(reads).isEmpty();
  }

  /** What answering {@code user}'s Get of {@code uid} took: the hand-off, the database reads. */
  private List<String> pathOf(String user, String uid) {
    List<String> path = new ArrayList<>();
    reads.clear();
    Answer inline = inline(user, uid);
    if (inline == null) {
      path.add("handed off");
    } else {
      inline.bytes().release();
      path.add("answered inline");
    }
    ResponseBatchItem answer = get(user, uid);
    assertThat(answer.resultReason()).isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
    assertThat(answer.resultMessage()).isEqualTo("no object " + uid);
    path.addAll(reads);
    return path;
  }

  private @Nullable Answer inline(String user, String uid) {
    return InlineAttempts.answer(
        processor.tryInline(request(uid), connection(user), ByteBufAllocator.DEFAULT));
  }

  private ResponseBatchItem get(String user, String uid) {
    Answer answer = processor.process(request(uid), connection(user), ByteBufAllocator.DEFAULT);
    try {
      byte[] bytes = ByteBufUtil.getBytes(answer.bytes());
      return ResponseMessage.decode((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS))
          .batchItems()
          .get(0);
    } finally {
      answer.bytes().release();
    }
  }

  /** The request path reads no TLS material: the listener would. */
  private ServerConfig.Tls unusedTls() {
    return new ServerConfig.Tls(dir.resolve("server.crt"), null, dir.resolve("ca.crt"), null);
  }

  private static Connection connection(String user) {
    return new Connection(user, new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_000));
  }

  private static ByteBuf request(String uid) {
    RequestMessage message =
        new RequestMessage(
            RequestHeader.of(ProtocolVersion.V2_1),
            List.of(
                RequestBatchItem.of(
                    Operation.GET.value(),
                    new Get.Request(uid, null, null, null, null).encode(ProtocolVersion.V2_1))));
    return Unpooled.wrappedBuffer(TtlvWriter.toBytes(message.encode()));
  }

  /** The repository, noting every read of one object (its row or its version) in {@link #reads}. */
  private ObjectRepository recording(ObjectRepository repository) {
    return (ObjectRepository)
        Proxy.newProxyInstance(
            ObjectRepository.class.getClassLoader(),
            new Class<?>[] {ObjectRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("find") || method.getName().equals("currentVersion")) {
                reads.add("read " + args[0]);
              }
              try {
                return method.invoke(repository, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}

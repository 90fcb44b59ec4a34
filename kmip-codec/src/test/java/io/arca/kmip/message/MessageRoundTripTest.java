package io.arca.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random headers and items in every known version: encoding then decoding gives the message back,
 * less the fields its version does not define.
 */
class MessageRoundTripTest {
  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  private static <T> @Nullable T maybe(Random random, T value) {
    return random.nextBoolean() ? value : null;
  }

  private static RequestHeader randomHeader(Random random, ProtocolVersion version) {
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    return new RequestHeader(
        version,
        maybe(random, random.nextInt(1 << 20)),
        maybe(random, "client-" + random.nextInt(100)),
        maybe(random, "server-" + random.nextInt(100)),
        maybe(random, v2 ? 1 + random.nextInt(3) : 2 + random.nextInt(2)),
        maybe(random, random.nextBoolean()),
        random.nextBoolean() ? List.of(1 + random.nextInt(3)) : List.of(),
        maybe(
            random,
            Authentication.of(
                TtlvStructure.of(
                    Tag.CREDENTIAL.code(), new TtlvEnumeration(Tag.CREDENTIAL_TYPE.code(), 1)))),
        maybe(random, 1 + random.nextInt(3)),
        maybe(random, random.nextBoolean()),
        maybe(random, Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE))));
  }

  /** What survives encoding in {@code header}'s own version. */
  private static RequestHeader expected(RequestHeader header) {
    ProtocolVersion version = header.protocolVersion();
    boolean has14 = version.isAtLeast(ProtocolVersion.V1_4);
    boolean has12 = version.isAtLeast(ProtocolVersion.V1_2);
    return new RequestHeader(
        version,
        header.maximumResponseSize(),
        has14 ? header.clientCorrelationValue() : null,
        has14 ? header.serverCorrelationValue() : null,
        header.asynchronousIndicator(),
        has12 ? header.attestationCapableIndicator() : null,
        has12 ? header.attestationTypes() : List.of(),
        header.authentication(),
        header.batchErrorContinuationOption(),
        header.batchOrderOption(),
        header.timeStamp());
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 20240501L})
  void requestsRoundTripInEveryVersion(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      ProtocolVersion version = VERSIONS.get(random.nextInt(VERSIONS.size()));
      int count = 1 + random.nextInt(3);
      List<RequestBatchItem> items = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        items.add(
            new RequestBatchItem(
                1 + random.nextInt(40),
                version.isAtLeast(ProtocolVersion.V2_0)
                    ? maybe(random, random.nextBoolean())
                    : null,
                count > 1 || random.nextBoolean() ? ByteString.copyOf(new byte[] {(byte) i}) : null,
                Trees.requestPayload(Trees.uid("u" + i)),
                List.of()));
      }
      RequestMessage message = new RequestMessage(randomHeader(random, version), items);

      RequestMessage decoded = RequestMessage.decode(message.encode());

      assertThat(decoded)
          .as("seed %d round %d", seed, round)
          .isEqualTo(new RequestMessage(expected(message.header()), items));
    }
  }
}

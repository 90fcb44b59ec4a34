package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Hash;
import io.arca.kmip.payload.RngRetrieve;
import io.arca.kmip.payload.RngSeed;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.ClientRandom;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Hash with the FIPS 180-4 and FIPS 202 "abc" vectors, and RNG Retrieve and RNG Seed. */
class HashAndRngHandlersTest {
  private static final ByteString ABC =
      ByteString.copyOf("abc".getBytes(StandardCharsets.US_ASCII));

  private final CryptoStreams streams =
      new CryptoStreams(CryptoStreams.DEFAULTS, new SecureRandom());
  private final HashHandler hash = new HashHandler(streams);
  private final ClientRandom random = new ClientRandom();

  private static CryptographicParameters hashing(@Nullable HashingAlgorithm algorithm) {
    return new CryptographicParameters(
        null,
        null,
        algorithm == null ? null : algorithm.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private Hash.Response hash(Hash.Request request) {
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    return Hash.Response.decode(Wire.handle(hash, request.encode(version), context), version);
  }

  private String digestHex(HashingAlgorithm algorithm, ByteString data) {
    Hash.Response response = hash(new Hash.Request(hashing(algorithm), data, null, null, null));
    return HexFormat.of().formatHex(Objects.requireNonNull(response.data()).toByteArray());
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  @Test
  void digestsOfAbc() {
    assertThat(digestHex(HashingAlgorithm.SHA_1, ABC))
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(digestHex(HashingAlgorithm.SHA_256, ABC))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(digestHex(HashingAlgorithm.SHA_512, ABC))
        .isEqualTo(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    assertThat(digestHex(HashingAlgorithm.SHA3_256, ABC))
        .isEqualTo("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  }

  @Test
  void aDigestInPartsEqualsTheDigestInOne() {
    Hash.Response first =
        hash(
            new Hash.Request(
                hashing(HashingAlgorithm.SHA_256),
                ByteString.copyOf("a".getBytes(StandardCharsets.US_ASCII)),
                null,
                true,
                null));
    assertThat(first.data()).isNull();
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    Hash.Response last =
        hash(
            new Hash.Request(
                hashing(HashingAlgorithm.SHA_256),
                ByteString.copyOf("bc".getBytes(StandardCharsets.US_ASCII)),
                correlation,
                null,
                true));
    assertThat(HexFormat.of().formatHex(Objects.requireNonNull(last.data()).toByteArray()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(streams.size()).isZero();
  }

  @Test
  void aMissingOrUnsupportedHashingAlgorithmIsRefusedByName() {
    assertThatThrownBy(() -> hash(new Hash.Request(hashing(null), ABC, null, null, null)))
        .satisfies(reason(ResultReason.INVALID_FIELD))
        .hasMessageContaining("HashingAlgorithm");
    assertThatThrownBy(() -> digestHex(HashingAlgorithm.MD2, ABC))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("MD2");
  }

  @Test
  void rngRetrieveReturnsTheLengthAskedForWithinTheLimit() {
    RngRetrieveHandler retrieve = new RngRetrieveHandler(random);
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    ByteString first =
        RngRetrieve.Response.decode(
                Wire.handle(retrieve, new RngRetrieve.Request(32).encode(version), context),
                version)
            .data();
    ByteString second =
        RngRetrieve.Response.decode(
                Wire.handle(retrieve, new RngRetrieve.Request(32).encode(version), context),
                version)
            .data();
    assertThat(first.length()).isEqualTo(32);
    assertThat(first).isNotEqualTo(second);
    for (int length : new int[] {0, -1, RngRetrieveHandler.MAX_BYTES + 1}) {
      assertThatThrownBy(
              () -> Wire.handle(retrieve, new RngRetrieve.Request(length).encode(version), context))
          .satisfies(reason(ResultReason.INVALID_FIELD))
          .hasMessageContaining(String.valueOf(RngRetrieveHandler.MAX_BYTES));
    }
  }

  @Test
  void rngSeedAcceptsEveryByteUpToTheLimit() {
    RngSeedHandler seed = new RngSeedHandler(random);
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    int accepted =
        RngSeed.Response.decode(
                Wire.handle(
                    seed,
                    new RngSeed.Request(ByteString.copyOf(new byte[32])).encode(version),
                    context),
                version)
            .dataLength();
    assertThat(accepted).isEqualTo(32);
    assertThatThrownBy(
            () ->
                Wire.handle(
                    seed,
                    new RngSeed.Request(ByteString.copyOf(new byte[RngSeedHandler.MAX_BYTES + 1]))
                        .encode(version),
                    context))
        .satisfies(reason(ResultReason.INVALID_FIELD));
    // Seeding never makes the output repeat.
    assertThat(random.next(16)).isNotEqualTo(random.next(16));
  }
}

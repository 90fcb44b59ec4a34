package io.arca.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.server.keys.TestKeys.Kind;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key kind through every pair of its formats: converting there and back gives the same
 * material, and every route to the default format gives the same bytes and the same Digest.
 */
class KeyFormatsRoundTripTest {
  static Stream<Kind> kinds() {
    return TestKeys.KINDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void privateKeysRoundTripThroughEveryPairOfFormats(Kind kind) {
    roundTripEveryPair(TestKeys.pair(kind).privateKey(), kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void publicKeysRoundTripThroughEveryPairOfFormats(Kind kind) {
    roundTripEveryPair(TestKeys.pair(kind).publicKey(), kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void thePublicKeyDerivedFromAnyFormatOfThePrivateKeyIsTheGeneratedOne(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    for (KeyFormatType format :
        TestKeys.formats(ObjectType.PRIVATE_KEY, pair.privateKey().algorithm())) {
      try (ClearKey privateKey = KeyFormats.convert(pair.privateKey(), format);
          ClearKey derived = KeyFormats.publicKeyOf(privateKey)) {
        assertThat(derived)
            .as("%s from %s, seed %d", kind, format, TestKeys.SEED)
            .isEqualTo(pair.publicKey());
        assertThat(KeyFormats.isPair(privateKey, pair.publicKey())).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = CryptographicAlgorithm.class,
      names = {"AES", "DES3", "HMAC_SHA1", "HMAC_SHA256", "HMAC_SHA512", "CHACHA20"})
  void symmetricKeysRoundTripBetweenRawAndTransparent(CryptographicAlgorithm algorithm) {
    SecureRandom random = TestKeys.seeded(TestKeys.SEED);
    int length =
        switch (algorithm) {
          case DES3 -> 168;
          case HMAC_SHA512 -> 1024;
          case AES, CHACHA20, HMAC_SHA256 -> 256;
          default -> 160;
        };
    try (ClearKey key = new KeyMaker(random).symmetricKey(algorithm, length)) {
      assertThat(key.format()).isEqualTo(KeyFormatType.RAW);
      roundTripEveryPair(key, algorithm.xmlName() + "-" + length);
      try (ClearKey transparent =
          KeyFormats.convert(key, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY)) {
        assertThat(((KeyMaterial.TransparentSymmetricKey) transparent.material()).key())
            .isEqualTo(((KeyMaterial.Encoded) key.material()).bytes());
      }
    }
  }

  @Test
  void checkAnswersTheLengthTheMaterialHasWhateverTheKeySays() {
    for (Kind kind : TestKeys.KINDS) {
      ClearKeyPair pair = TestKeys.pair(kind);
      int expected =
          kind.curve() != null
              ? EcCurve.of(kind.curve()).fieldBits()
              : kind.algorithm() == CryptographicAlgorithm.ED25519 ? 256 : kind.length();
      for (ClearKey key : new ClearKey[] {pair.privateKey(), pair.publicKey()}) {
        ClearKey unsized = new ClearKey(key.objectType(), key.algorithm(), 1, key.material());
        assertThat(KeyFormats.check(unsized))
            .as("%s %s", kind, key.objectType())
            .isEqualTo(expected);
      }
    }
    try (ClearKey des3 =
        new KeyMaker(TestKeys.seeded(TestKeys.SEED))
            .symmetricKey(CryptographicAlgorithm.DES3, 168)) {
      assertThat(KeyFormats.check(des3)).isEqualTo(192);
      try (ClearKey transparent =
          KeyFormats.convert(des3, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY)) {
        assertThat(KeyFormats.check(transparent)).isEqualTo(192);
        assertThat(transparent.length()).isEqualTo(168);
      }
    }
  }

  private static void roundTripEveryPair(ClearKey key, Object kind) {
    var formats = TestKeys.formats(key.objectType(), key.algorithm());
    assertThat(formats).hasSizeGreaterThan(1);
    try (ClearKey normal = KeyFormats.toDefaultFormat(key)) {
      assertThat(normal).as("%s is made in its default format", kind).isEqualTo(key);
      var digest = KeyFormats.defaultDigest(key);
      for (KeyFormatType from : formats) {
        for (KeyFormatType to : formats) {
          String route =
              kind + " " + from.xmlName() + " -> " + to.xmlName() + ", seed " + TestKeys.SEED;
          try (ClearKey source = KeyFormats.convert(key, from);
              ClearKey target = KeyFormats.convert(source, to);
              ClearKey back = KeyFormats.convert(target, from);
              ClearKey again = KeyFormats.toDefaultFormat(target)) {
            assertThat(source.format()).as(route).isEqualTo(from);
            assertThat(target.format()).as(route).isEqualTo(to);
            assertThat(back).as(route).isEqualTo(source);
            assertThat(again).as(route).isEqualTo(normal);
            assertThat(target.length()).as(route).isEqualTo(key.length());
            assertThat(KeyFormats.defaultDigest(target)).as(route).isEqualTo(digest);
          }
        }
      }
    }
  }
}

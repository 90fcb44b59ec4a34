package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding HSM keys by their attributes on SoftHSM2, as Locate does. */
class KeySearchIT extends FreshSoftHsm2Slot {

  private static final String PREFIX = "find-" + UUID.randomUUID() + "-";

  @BeforeAll
  static void makeKeys() {
    slot().generateAes(PREFIX + "aes128", 128, true);
    slot().generateAes(PREFIX + "aes256", 256, true);
    slot().generateRsa(PREFIX + "rsa", 2048, true);
    slot().generateEc(PREFIX + "p256", EcCurve.P_256, true);
    slot().generateEc(PREFIX + "p384", EcCurve.P_384, true);
    slot().generateHmac(PREFIX + "hmac", HashAlgorithm.SHA384, 384, true);
    slot().generateAes("elsewhere-" + UUID.randomUUID(), 256, true);
  }

  @Test
  void labelPrefixFindsEveryKeySortedByLabel() {
    assertThat(slot().findKeys(KeyQuery.upTo(100).withLabelPrefix(PREFIX)))
        .extracting(HsmKeyInfo::label)
        .containsExactly(
            PREFIX + "aes128",
            PREFIX + "aes256",
            PREFIX + "hmac",
            PREFIX + "p256",
            PREFIX + "p256_pk",
            PREFIX + "p384",
            PREFIX + "p384_pk",
            PREFIX + "rsa",
            PREFIX + "rsa_pk");
  }

  @Test
  void classAlgorithmLengthAndCurveNarrowTheSearch() {
    KeyQuery ours = KeyQuery.upTo(100).withLabelPrefix(PREFIX);

    assertThat(
            ours.withAlgorithm(KeyAlgorithm.AES).withLengthBits(256).withKeyClass(KeyClass.SECRET))
        .satisfies(q -> assertThat(labels(q)).containsExactly(PREFIX + "aes256"));
    assertThat(labels(ours.withCurve(EcCurve.P_384)))
        .containsExactly(PREFIX + "p384", PREFIX + "p384_pk");
    assertThat(labels(ours.withCurve(EcCurve.P_256).withKeyClass(KeyClass.PUBLIC)))
        .containsExactly(PREFIX + "p256_pk");
    assertThat(labels(ours.withAlgorithm(KeyAlgorithm.RSA).withLengthBits(2048)))
        .containsExactly(PREFIX + "rsa", PREFIX + "rsa_pk");
    assertThat(labels(ours.withAlgorithm(KeyAlgorithm.RSA).withLengthBits(4096))).isEmpty();
    assertThat(labels(ours.withAlgorithm(KeyAlgorithm.HMAC_SHA384)))
        .containsExactly(PREFIX + "hmac");
    assertThat(labels(ours.withAlgorithm(KeyAlgorithm.GENERIC_SECRET)))
        .containsExactly(PREFIX + "hmac");
    assertThat(labels(ours.withAlgorithm(KeyAlgorithm.HMAC_SHA256))).isEmpty();
  }

  @Test
  void answerIsBoundedByTheMaximumAndTheQueryIsChecked() {
    assertThat(labels(KeyQuery.upTo(3).withLabelPrefix(PREFIX)))
        .containsExactly(PREFIX + "aes128", PREFIX + "aes256", PREFIX + "hmac");
    assertThat(slot().findKeys(KeyQuery.upTo(KeyQuery.MAX_KEYS))).hasSizeGreaterThan(9);
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "maximum keys: 0 (expected: 1-1024)",
        () -> KeyQuery.upTo(0));
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "maximum keys: 1025 (expected: 1-1024)",
        () -> KeyQuery.upTo(1025));
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "a curve with algorithm AES (expected: EC)",
        () -> new KeyQuery(null, null, KeyAlgorithm.AES, 0, EcCurve.P_256, 10));
  }

  private static java.util.List<String> labels(KeyQuery query) {
    return slot().findKeys(query).stream().map(HsmKeyInfo::label).toList();
  }
}

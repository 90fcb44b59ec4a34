package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HsmKeyRefTest {

  @Test
  void parsesSlotAndLabel() {
    HsmKeyRef ref = HsmKeyRef.parse("hsm::1::mykey");

    assertThat(ref).isEqualTo(new HsmKeyRef(1, "mykey"));
    assertThat(ref.toString()).isEqualTo("hsm::1::mykey");
  }

  @Test
  void keepsLargeSlotIdsAsSoftHsm2GivesThem() {
    assertThat(HsmKeyRef.parse("hsm::2052190448::k").slot()).isEqualTo(2052190448L);
  }

  @Test
  void publicKeyOfAPrivateKeyCarriesThePkSuffix() {
    assertThat(HsmKeyRef.parse("hsm::4::mykey").publicKey().toString())
        .isEqualTo("hsm::4::mykey_pk");
  }

  @Test
  void recognisesHsmIdsByPrefixOnly() {
    assertThat(HsmKeyRef.isHsmId("hsm::1::k")).isTrue();
    assertThat(HsmKeyRef.isHsmId("3f2a-uuid")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hsm:1::k            | does not start with 'hsm::'",
        "HSM::1::k           | does not start with 'hsm::'",
        "hsm::1              | no '::' between slot and label",
        "hsm::::k            | slot: '' (expected: a decimal number)",
        "hsm::-1::k          | slot: '-1' (expected: a decimal number)",
        "hsm::1a::k          | slot: '1a'",
        "hsm::99999999999999999999::k | slot: '99999999999999999999'",
        "hsm::9999999999999999999::k | below 2^63",
        "hsm::1::            | label length: 0 (expected: 1-255)",
        "hsm::1::a::b        | label contains '::'",
      })
  void rejectsMalformedIdentifiersSayingWhichPart(String id, String message) {
    assertThatThrownBy(() -> HsmKeyRef.parse(id))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining(message);
  }

  @Test
  void rejectsControlCharactersInLabels() {
    assertThatThrownBy(() -> HsmKeyRef.parse("hsm::1::a\nb"))
        .hasMessageContaining("control character");
  }
}

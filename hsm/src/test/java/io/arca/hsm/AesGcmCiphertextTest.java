package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmCiphertextTest {

  private static final byte[] SENTINEL = HexFormat.of().parseHex("5e5e5e5e0badc0de");

  @Test
  void toStringShowsTheLengthAndNoBytes() {
    AesGcmCiphertext c = new AesGcmCiphertext(new byte[12], SENTINEL, new byte[16]);

    assertThat(c.toString())
        .isEqualTo("AesGcmCiphertext[8 bytes]")
        .doesNotContain(HexFormat.of().formatHex(SENTINEL));
  }

  @Test
  void splitsAndJoinsTheTokenFormOfCiphertextAndTag() {
    byte[] tokenForm = new byte[8 + 16];
    tokenForm[8] = 1;

    AesGcmCiphertext c = AesGcmCiphertext.fromToken(new byte[12], tokenForm);

    assertThat(c.ciphertext()).hasSize(8);
    assertThat(c.tag()[0]).isEqualTo((byte) 1);
    assertThat(c.toToken()).isEqualTo(tokenForm);
    assertThat(c).isEqualTo(new AesGcmCiphertext(new byte[12], new byte[8], c.tag()));
  }

  @Test
  void refusesAnIvOrTagOfTheWrongLength() {
    assertThatThrownBy(() -> new AesGcmCiphertext(new byte[16], new byte[0], new byte[16]))
        .hasMessage("AES-GCM IV length: 16 (expected: 12)");
    assertThatThrownBy(() -> new AesGcmCiphertext(new byte[12], new byte[0], new byte[11]))
        .hasMessage("AES-GCM tag length: 11 (expected: 12-16)");
  }
}

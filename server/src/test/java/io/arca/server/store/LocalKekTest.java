package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKekTest {
  private static final byte[] SENTINEL =
      HexFormat.of().parseHex("5e47196e15e47196e15e47196e15e471");

  @TempDir Path dir;

  @Test
  void firstStartMakesAKekReadableByTheOwnerOnlyAndLaterStartsReuseIt() throws Exception {
    Path file = dir.resolve("data/kek");
    LocalKek first = LocalKek.openOrCreate(file, new SecureRandom());

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Files.size(file)).isEqualTo(32);
    WrappedKey wrapped = first.wrap(ByteString.copyOf(SENTINEL));
    LocalKek again = LocalKek.openOrCreate(file, new SecureRandom());
    assertThat(again.unwrap(wrapped).toByteArray()).isEqualTo(SENTINEL);
  }

  @Test
  void wrappedBytesHoldNoTraceOfThePlaintextAndSayWhoWrappedThem() throws Exception {
    LocalKek kek = LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom());

    WrappedKey wrapped = kek.wrap(ByteString.copyOf(SENTINEL));

    byte[] bytes = wrapped.bytes().toByteArray();
    assertThat(bytes).hasSize(SENTINEL.length + 8);
    for (int i = 0; i + 4 <= bytes.length; i++) {
      assertThat(Arrays.copyOfRange(bytes, i, i + 4))
          .as("4 plaintext bytes at %d", i)
          .isNotEqualTo(Arrays.copyOfRange(SENTINEL, 0, 4));
    }
    assertThat(wrapped.wrappingKeyId()).isEqualTo(LocalKek.ID);
    assertThat(wrapped.mechanism()).isEqualTo(WrappedKey.AES_KWP);
    assertThat(wrapped.toString()).doesNotContain(HexFormat.of().formatHex(bytes));
  }

  @Test
  void anotherKekOrAChangedBlobFailsTheIntegrityCheck() throws Exception {
    LocalKek kek = LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom());
    LocalKek other = LocalKek.openOrCreate(dir.resolve("other-kek"), new SecureRandom());
    WrappedKey wrapped = kek.wrap(ByteString.copyOf(SENTINEL));
    byte[] tampered = wrapped.bytes().toByteArray();
    tampered[3] ^= 1;

    assertThatThrownBy(() -> other.unwrap(wrapped))
        .isInstanceOf(KmipException.class)
        .extracting(e -> ((KmipException) e).reason())
        .isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE);
    assertThatThrownBy(
            () ->
                kek.unwrap(
                    new WrappedKey(LocalKek.ID, WrappedKey.AES_KWP, ByteString.copyOf(tampered))))
        .isInstanceOf(KmipException.class)
        .hasMessageNotContaining(HexFormat.of().formatHex(SENTINEL));
  }

  @Test
  void kekReadableByOthersIsRefused() throws Exception {
    Path file = dir.resolve("kek");
    LocalKek.openOrCreate(file, new SecureRandom());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> LocalKek.openOrCreate(file, new SecureRandom()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("0600");
  }

  @Test
  void kekOfTheWrongSizeIsRefused() throws Exception {
    Path file = Files.write(dir.resolve("kek"), new byte[16]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> LocalKek.openOrCreate(file, new SecureRandom()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected: 32");
  }
}

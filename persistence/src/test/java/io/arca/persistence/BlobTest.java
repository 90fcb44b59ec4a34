package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Blobs and the records holding them never print bytes and compare by content. */
class BlobTest {
  private static final byte[] SENTINEL = {0x5a, 0x5a, 0x13, 0x37, 0x5a, 0x5a};

  @Test
  void toStringShowsOnlyTheLength() {
    Blob blob = Blob.copyOf(SENTINEL);

    assertThat(blob).hasToString("Blob[6 bytes]");
    StoredObject object =
        new StoredObject(
            "u",
            "SymmetricKey",
            "Active",
            "alice",
            blob,
            null,
            null,
            null,
            null,
            ObjectRepositoryContract.T0,
            ObjectRepositoryContract.T0,
            1,
            List.of(new ObjectAttribute("Secret", 0, null, blob)));
    assertThat(object.toString())
        .doesNotContain("5a5a", "5A5A", "90, 90", "ZZ")
        .contains("Blob[6 bytes]");
  }

  @Test
  void equalityIsByContentAndTheCopyIsIsolated() {
    byte[] bytes = SENTINEL.clone();
    Blob blob = Blob.copyOf(bytes);
    bytes[0] = 0;

    assertThat(blob).isEqualTo(Blob.copyOf(SENTINEL)).hasSameHashCodeAs(Blob.copyOf(SENTINEL));
    assertThat(blob).isNotEqualTo(Blob.copyOf(bytes));
    byte[] out = blob.toByteArray();
    out[1] = 0;
    assertThat(blob.toByteArray()).containsExactly(SENTINEL);
  }

  @Test
  void configToStringHidesThePassword() {
    DatabaseConfig config =
        DatabaseConfig.mariadb("jdbc:mariadb://db:3306/arca", "arca", "hunter2");

    assertThat(config.toString()).doesNotContain("hunter2").contains("password=***");
  }
}

package io.arca.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.persistence.AuditEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalRecordTest {
  private static final String ALPHABET = "az09 |%\r\n\t.:-é€\uD83D\uDD11\u0000";

  @Test
  void everyEntryReadsBackAsItWasWritten() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      AuditEntry entry =
          new AuditEntry(
              random.nextLong(),
              text(random, 40),
              text(random, 40),
              text(random, 20),
              text(random, i % 50 == 0 ? 3_000 : 200),
              text(random, 10),
              random.nextBoolean() ? null : text(random, 30));
      byte[] record = bytes(JournalRecord.encode(entry));
      assertThat(JournalRecord.decode(record)).as("seed %d, entry %d", seed, i).isEqualTo(entry);
    }
  }

  @Test
  void aLineLeftByAnEarlierVersionIsStillRead() {
    AuditEntry entry =
        new AuditEntry(1_700_000_000_000L, "alice", "192.0.2.7:1", "Get", "a|b", "Success", null);
    byte[] line = entry.toLine().getBytes(StandardCharsets.UTF_8);

    assertThat(JournalRecord.decode(line)).isEqualTo(entry);
  }

  @Test
  void aCutOrPaddedRecordIsRefused() {
    AuditEntry entry =
        new AuditEntry(1L, "alice", "192.0.2.7:1", "Get", "id", "OperationFailed", "ItemNotFound");
    byte[] whole = bytes(JournalRecord.encode(entry));

    for (int cut = 1; cut < whole.length; cut++) {
      byte[] shorter = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> JournalRecord.decode(shorter))
          .as("cut at %d", cut)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    assertThatThrownBy(() -> JournalRecord.decode(longer))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(ByteBuffer record) {
    byte[] bytes = new byte[record.remaining()];
    record.get(bytes);
    return bytes;
  }

  private static String text(Random random, int most) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(most + 1);
    while (text.length() < length) {
      int at = random.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(at);
      if (Character.isLowSurrogate(c)) {
        continue; // only as the second half of its pair
      }
      text.append(
          Character.isHighSurrogate(c) ? ALPHABET.substring(at, at + 2) : String.valueOf(c));
    }
    return text.toString();
  }
}

package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slot whose token stays while another slot's token goes away: recovering the lost one finalises
 * and initialises the library again, which ends every session and handle of the slot that stayed.
 * Its keys must still be found, by label, with no error the token made up for a stale handle.
 */
class OtherSlotLossIT {

  private static final byte[] AAD = {7};

  private @Nullable HsmModule module;
  private @Nullable Path moved;
  private @Nullable Path away;

  @AfterEach
  void putBackAndClose() throws Exception {
    if (moved != null && away != null && Files.exists(away)) {
      Files.move(away, moved);
    }
    if (module != null) {
      module.close();
    }
  }

  @Test
  void keyOfTheSlotThatStaysIsFoundAfterTheLibraryIsInitialisedAgain() throws Exception {
    TestTokens tokens = TestTokens.prepare(TokenImplementation.SOFTHSM2);
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(tokens.first().id(), tokens.first().pin().toCharArray());
    pins.put(tokens.second().id(), tokens.second().pin().toCharArray());
    HsmModule opened = HsmModule.open(tokens.library(), HsmProfile.SOFTHSM2, pins);
    module = opened;
    HsmSlot lost = opened.slot(tokens.first().id());
    HsmSlot stays = opened.slot(tokens.second().id());
    String label = "stays-" + UUID.randomUUID();
    stays.generateAes(label, 256, true);
    AesGcmCiphertext sealed = stays.encryptAesGcm(label, new byte[] {1}, AAD);
    assertThat(stays.find(label)).as("cached").isPresent();

    Path conf = Path.of(Objects.requireNonNull(System.getenv("SOFTHSM2_CONF")));
    Path root = Objects.requireNonNull(conf.getParent());
    moved = directoryOf(root.resolve("tokens"), tokens.first());
    // Outside the token directory, where SoftHSM2 would find it again.
    away = root.resolve("away-" + moved.getFileName());
    long reinitialisations = opened.reinitialisations();
    Files.move(moved, away);
    // A search on the lost token finds nothing: the slot asks whether the token still answers.
    assertThat(!lost.available() || probeFails(lost)).as("slot 1 taken for lost").isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (opened.reinitialisations() == reinitialisations && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(opened.reinitialisations()).as("library initialised again").isGreaterThan(0);
    // Past the second a confirmed handle is trusted, the stale one is checked again.
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(KeyHandles.RECHECK_NANOS) + 100);

    assertThat(stays.find(label)).isPresent();
    assertThat(stays.decryptAesGcm(label, sealed, AAD)).containsExactly(1);
  }

  private static boolean probeFails(HsmSlot slot) {
    try {
      slot.find("anything");
      return false;
    } catch (HsmException e) {
      return e.kind() == HsmException.Kind.TOKEN_UNAVAILABLE;
    }
  }

  private static Path directoryOf(Path tokens, TestTokens.Slot slot) throws Exception {
    byte[] wanted = slot.label().getBytes(StandardCharsets.US_ASCII);
    try (Stream<Path> dirs = Files.list(tokens)) {
      for (Path d : dirs.toList()) {
        Path object = d.resolve("token.object");
        if (Files.isRegularFile(object) && contains(Files.readAllBytes(object), wanted)) {
          return d;
        }
      }
    }
    throw new IllegalStateException("no token labelled " + slot.label() + " under " + tokens);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

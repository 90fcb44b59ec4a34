package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the slot contract on opencryptoki's software token, the implementation with RSA-OAEP and
 * SHA-256, on the machine's two test tokens ({@code scripts/opencryptoki-test-tokens}). The tokens
 * are shared by every run, so the keys this run made are destroyed after it. Without opencryptoki
 * the test is skipped, except under CI, where it fails.
 */
class OpenCryptokiSlotIT extends HsmSlotContract {

  private static final int MAX_SESSIONS = 4;

  private static @Nullable HsmModule module;
  private static @Nullable TestTokens tokens;

  @BeforeAll
  static void prepareTokens() throws Exception {
    TestTokens prepared = TestTokens.prepare(TokenImplementation.OPENCRYPTOKI);
    tokens = prepared;
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(prepared.first().id(), prepared.first().pin().toCharArray());
    module =
        HsmModule.open(
            prepared.library(), HsmProfile.OPENCRYPTOKI.withMaxSessions(MAX_SESSIONS), pins);
  }

  @AfterAll
  static void closeModule() {
    if (module != null) {
      try {
        destroyKeysMadeBy(module);
      } finally {
        module.close();
      }
    }
  }

  @Override
  TestTokens tokens() {
    return Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  HsmModule module() {
    return Objects.requireNonNull(module, "module");
  }

  @Override
  int maxSessions() {
    return MAX_SESSIONS;
  }

  @Test
  void decryptsWhatSoftwareEncryptedWithOaepSha256() throws Exception {
    String label = label("oaep256");
    slot().generateRsa(label, 2048, true);
    PublicKey publicKey =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(slot().exportPublicKey(label + "_pk")));
    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
    oaep.init(
        Cipher.ENCRYPT_MODE,
        publicKey,
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    byte[] encrypted = oaep.doFinal(new byte[] {1, 2, 3});

    assertThat(slot().decryptRsa(label, RsaPadding.OAEP_SHA256, encrypted))
        .containsExactly(1, 2, 3);
  }
}

package io.arca.server.hsm;

import io.arca.hsm.HsmProfile;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.Password;
import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two test tokens of one PKCS#11 implementation (test-fixtures' {@link TestTokens}) as the
 * server's HSM settings: two fresh SoftHSM2 tokens, or opencryptoki's shared test tokens. Without
 * the implementation the tests are skipped, except under CI, where they fail.
 */
record HsmTestTokens(TestTokens tokens, HsmProfile profile) {

  /** Two fresh SoftHSM2 tokens, for the tests that need tokens of their own. */
  static HsmTestTokens prepare() throws Exception {
    return prepare(TokenImplementation.SOFTHSM2);
  }

  static HsmTestTokens prepare(TokenImplementation implementation) throws Exception {
    HsmProfile profile =
        switch (implementation) {
          case SOFTHSM2 -> HsmProfile.SOFTHSM2;
          case OPENCRYPTOKI -> HsmProfile.OPENCRYPTOKI;
        };
    return new HsmTestTokens(TestTokens.prepare(implementation), profile);
  }

  TokenImplementation implementation() {
    return tokens.implementation();
  }

  long slot1() {
    return tokens.first().id();
  }

  String pin1() {
    return tokens.first().pin();
  }

  long slot2() {
    return tokens.second().id();
  }

  String pin2() {
    return tokens.second().pin();
  }

  /** HSM settings for both slots, administered by {@code admin}. */
  HsmSettings settings(String admin) {
    return settings(admin, pin1());
  }

  /** HSM settings for both slots with {@code firstPin} for the first one. */
  HsmSettings settings(String admin, String firstPin) {
    Map<Long, Password> slots = new LinkedHashMap<>();
    slots.put(slot1(), new Password(firstPin.toCharArray()));
    slots.put(slot2(), new Password(pin2().toCharArray()));
    return new HsmSettings(profile, tokens.library(), admin, slots);
  }
}

package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HsmModuleTest {

  @Test
  void missingLibraryFailsClearlyAndWipesThePins() {
    char[] pin = "secret-pin".toCharArray();
    Map<Long, char[]> pins = new HashMap<>();
    pins.put(1L, pin);

    assertThatThrownBy(
            () -> HsmModule.open(Path.of("/nonexistent/libnethsm.so"), HsmProfile.PROTECCIO, pins))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.LIBRARY_UNAVAILABLE))
        .hasMessage("PKCS#11 library not found: /nonexistent/libnethsm.so (profile proteccio)");
    assertThat(pin).containsOnly('\0');
  }

  @Test
  void profilesNameTheirVendorLibraries() {
    assertThat(HsmProfile.PROTECCIO.defaultLibrary()).isEqualTo("/lib/libnethsm.so");
    assertThat(HsmProfile.SOFTHSM2.defaultLibrary()).isEqualTo("/usr/lib/softhsm/libsofthsm2.so");
    assertThat(HsmProfile.UTIMACO.defaultLibrary()).isNull();
    assertThat(HsmProfile.PKCS11.withMaxSessions(3).maxSessions()).isEqualTo(3);
  }

  @Test
  void profileRefusesAnEmptySessionPool() {
    assertThatThrownBy(() -> HsmProfile.SOFTHSM2.withMaxSessions(0))
        .hasMessage("maxSessions: 0 (expected: > 0)");
  }
}

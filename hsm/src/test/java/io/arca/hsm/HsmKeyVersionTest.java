package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HsmKeyVersionTest {

  @ParameterizedTest
  @CsvSource({
    "payroll, payroll, 1",
    "payroll.v2, payroll, 2",
    "payroll.v17, payroll, 17",
    "payroll.v1, payroll.v1, 1",
    "payroll.v0, payroll.v0, 1",
    "payroll.v02, payroll.v02, 1",
    "payroll.v, payroll.v, 1",
    "payroll.vx, payroll.vx, 1",
    ".v2, .v2, 1",
    "a.v2.v3, a.v2, 3",
    "payroll.v1234567890, payroll.v1234567890, 1"
  })
  void labelNamesItsBaseAndVersion(String label, String base, int version) {
    HsmKeyVersion parsed = HsmKeyVersion.of(label);

    assertThat(parsed).isEqualTo(new HsmKeyVersion(base, version));
    assertThat(parsed.label()).isEqualTo(label);
  }

  @Test
  void nextVersionOfTheFirstIsV2ThenV3() {
    HsmKeyVersion first = HsmKeyVersion.of("k");

    assertThat(first.next().label()).isEqualTo("k.v2");
    assertThat(first.next().next().label()).isEqualTo("k.v3");
    assertThat(HsmKeyVersion.of("k.v9").next().label()).isEqualTo("k.v10");
  }
}

package io.arca.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.client.ServerList.Server;
import org.junit.jupiter.api.Test;

class ServerListTest {
  @Test
  void eachServerMayNameItsPortAndTheOthersTakeTheDefault() {
    assertThat(ServerList.parse("kms1, kms2:5697,[::1]:5698,::1,10.0.0.7", 5696))
        .containsExactly(
            new Server("kms1", 5696),
            new Server("kms2", 5697),
            new Server("::1", 5698),
            new Server("::1", 5696),
            new Server("10.0.0.7", 5696));
    assertThat(new Server("::1", 5696)).hasToString("[::1]:5696");
  }

  @Test
  void aListThatDoesNotReadIsRefusedWithThePartAtFault() {
    assertThatThrownBy(() -> ServerList.parse("a,,b", 5696)).hasMessageContaining("empty server");
    assertThatThrownBy(() -> ServerList.parse("a:70000", 5696)).hasMessageContaining("not a port");
    assertThatThrownBy(() -> ServerList.parse("a:x", 5696)).hasMessageContaining("not a port");
    assertThatThrownBy(() -> ServerList.parse("[::1", 5696)).hasMessageContaining("without its ]");
    assertThatThrownBy(() -> ServerList.parse("[::1]5696", 5696))
        .hasMessageContaining("expected :port");
  }
}

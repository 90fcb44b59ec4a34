package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import org.junit.jupiter.api.Test;

class LogHandlerTest {
  @Test
  void aMessageIsAnsweredWithAnEmptyPayload() {
    TtlvStructure response =
        Wire.handle(
            new LogHandler(),
            TtlvStructure.of(
                Tag.REQUEST_PAYLOAD.code(),
                new TtlvTextString(Tag.LOG_MESSAGE.code(), "Registered a symmetric key.")),
            HandlerFixture.alice());

    assertThat(response).isEqualTo(TtlvStructure.of(Tag.RESPONSE_PAYLOAD.code()));
  }

  @Test
  void controlCharactersCannotForgeLogLinesAndLengthIsBounded() {
    assertThat(LogHandler.printable("one\nFAKE LINE\r\u001b[31m")).isEqualTo("one?FAKE LINE??[31m");
    assertThat(LogHandler.printable("x".repeat(5000))).hasSize(1027);
  }
}

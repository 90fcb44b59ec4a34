package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.PayloadCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadCodecsTest {
  /** Nothing any operation's request payload holds. */
  private static final TtlvStructure GARBAGE =
      TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), new TtlvTextString(Tag.LOG_MESSAGE.code(), "x"));

  @Test
  void operationsKmip20AddedAreRefusedToOlderClientsBeforeTheirPayloadIsRead() {
    for (PayloadCodec<?, ?> codec :
        List.of(PayloadCodecs.EXPORT, PayloadCodecs.IMPORT, PayloadCodecs.SET_ATTRIBUTE)) {
      assertThatThrownBy(() -> codec.decode(GARBAGE, ProtocolVersion.V1_4))
          .isInstanceOfSatisfying(
              KmipException.class,
              e -> assertThat(e.reason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED));
      assertThatThrownBy(() -> codec.decode(GARBAGE, ProtocolVersion.V2_1))
          .as("from 2.0 on the payload itself is judged")
          .isInstanceOfSatisfying(
              KmipException.class,
              e -> assertThat(e.reason()).isNotEqualTo(ResultReason.OPERATION_NOT_SUPPORTED));
    }
  }
}

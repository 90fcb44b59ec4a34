package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the event loop reads of a request before deciding whether to decode it. */
class InlinePeekTest {
  private static final TtlvStructure PAYLOAD = TtlvStructure.of(Tag.REQUEST_PAYLOAD.code());

  private static byte[] message(int items, Operation operation, ProtocolVersion version) {
    RequestBatchItem item = new RequestBatchItem(operation.value(), null, null, PAYLOAD, List.of());
    return TtlvWriter.toBytes(
        new RequestMessage(RequestHeader.of(version), Collections.nCopies(items, item)).encode());
  }

  private static int peek(byte[] bytes) {
    ByteBuf frame = Unpooled.wrappedBuffer(bytes);
    int operation = InlinePeek.operation(frame);
    assertThat(frame.readerIndex()).as("the frame is left as it was").isZero();
    return operation;
  }

  @Test
  void theOperationOfTheOnlyBatchItemIsReadInEveryVersion() {
    for (ProtocolVersion version : List.of(ProtocolVersion.V1_0, ProtocolVersion.V2_1)) {
      assertThat(peek(message(1, Operation.ENCRYPT, version))).isEqualTo(Operation.ENCRYPT.value());
      assertThat(peek(message(1, Operation.CREATE, version))).isEqualTo(Operation.CREATE.value());
    }
  }

  @Test
  void severalBatchItemsHaveNoSingleOperation() {
    assertThat(peek(message(2, Operation.ENCRYPT, ProtocolVersion.V2_1)))
        .isEqualTo(InlinePeek.UNKNOWN);
  }

  @Test
  void cutOrForeignBytesHaveNone() {
    byte[] whole = message(1, Operation.GET, ProtocolVersion.V2_1);
    for (int length = 0; length < whole.length; length += 7) {
      assertThat(peek(Arrays.copyOf(whole, length))).as("%d bytes", length).isEqualTo(-1);
    }
    byte[] otherTag = whole.clone();
    otherTag[2] = 0x7C; // a Response Message
    assertThat(peek(otherTag)).isEqualTo(InlinePeek.UNKNOWN);
    byte[] hugeHeader = whole.clone();
    hugeHeader[12] = (byte) 0xFF; // a Request Header length past the frame
    assertThat(peek(hugeHeader)).isEqualTo(InlinePeek.UNKNOWN);
  }
}

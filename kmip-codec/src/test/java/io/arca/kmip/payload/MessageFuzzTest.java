package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvReaderFuzzTest;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.text.OasisSeeds;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the message layer (Jazzer): bytes read as a Request or Response
 * Message, then every batch item's payload through its operation's codec. Each step either
 * succeeds, and what it decoded encodes to what decodes the same, or fails with a {@link
 * KmipException}; nothing else escapes. Seeded with the OASIS messages; see {@link
 * TtlvReaderFuzzTest} for how it runs.
 */
class MessageFuzzTest {
  static Stream<Arguments> oasisMessages() {
    return TtlvReaderFuzzTest.seeds(OasisSeeds.binaryMessages().stream());
  }

  @MethodSource("oasisMessages")
  @FuzzTest(maxDuration = "60s")
  void decodesOrRejectsPrecisely(byte[] input) {
    RequestMessage.peekProtocolVersion(Unpooled.wrappedBuffer(input));
    Ttlv tree;
    try {
      tree = TtlvReader.read(input, DecodeLimits.DEFAULTS);
    } catch (KmipException e) {
      return;
    }
    if (!(tree instanceof TtlvStructure message)) {
      return;
    }
    try {
      if (message.tag() == Tag.RESPONSE_MESSAGE.code()) {
        response(message);
      } else {
        request(message);
      }
    } catch (KmipException e) {
      // Refused precisely: what the server answers.
    }
  }

  private static void request(TtlvStructure message) {
    RequestMessage request = RequestMessage.decode(message);
    assertThat(RequestMessage.decode(request.encode())).isEqualTo(request);
    for (RequestBatchItem item : request.batchItems()) {
      PayloadCodecs.Codec codec = codec(item.operation());
      if (codec != null) {
        roundTrip(codec.request(), item.requestPayload(), request.protocolVersion());
      }
    }
  }

  private static void response(TtlvStructure message) {
    ResponseMessage response = ResponseMessage.decode(message);
    assertThat(ResponseMessage.decode(response.encode())).isEqualTo(response);
    for (ResponseBatchItem item : response.batchItems()) {
      Integer operation = item.operation();
      TtlvStructure payload = item.responsePayload();
      PayloadCodecs.Codec codec = operation == null ? null : codec(operation);
      if (codec != null && payload != null && item.resultStatus() == ResultStatus.SUCCESS) {
        roundTrip(codec.response(), payload, response.protocolVersion());
      }
    }
  }

  /** A payload that decodes encodes to one that decodes to the same record, so encodes the same. */
  private static void roundTrip(
      PayloadCodecs.RoundTrip codec, TtlvStructure payload, ProtocolVersion version) {
    TtlvStructure encoded = codec.apply(payload, version);
    assertThat(codec.apply(encoded, version)).isEqualTo(encoded);
  }

  private static PayloadCodecs.@Nullable Codec codec(int operation) {
    Operation known = Operation.byValue(operation);
    return known == null ? null : PayloadCodecs.CODECS.get(known);
  }
}

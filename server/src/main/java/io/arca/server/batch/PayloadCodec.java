package io.arca.server.batch;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * How one operation's payloads cross the wire: its request payload decoded into {@code Q} and its
 * response {@code R} encoded, in the protocol version of the message. Given once per operation in
 * the {@link OperationRegistry}, so that the batch decodes each item once and no handler touches
 * TTLV. A decoder reports a payload it cannot read by throwing {@link io.arca.kmip.KmipException}
 * with the Result Reason the client gets.
 *
 * @param decoder the request payload to {@code Q}
 * @param encoder {@code R} to the response payload
 */
public record PayloadCodec<Q, R>(Decoder<Q> decoder, Encoder<R> encoder) {

  /** Reads a request payload in a protocol version. */
  @FunctionalInterface
  public interface Decoder<Q> {
    Q decode(TtlvStructure payload, ProtocolVersion version);
  }

  /** Writes a response payload in a protocol version. */
  @FunctionalInterface
  public interface Encoder<R> {
    TtlvStructure encode(R response, ProtocolVersion version);
  }

  /** The request of this payload. */
  public Q decode(TtlvStructure payload, ProtocolVersion version) {
    return decoder.decode(payload, version);
  }

  /** The response payload of this answer. */
  public TtlvStructure encode(R response, ProtocolVersion version) {
    return encoder.encode(response, version);
  }
}

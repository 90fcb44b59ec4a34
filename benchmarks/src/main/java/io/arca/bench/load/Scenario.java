package io.arca.bench.load;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import java.util.List;
import java.util.Locale;

/**
 * What the load generator asks for. Scenarios whose operations the server does not serve yet are
 * listed so the command line is stable; they are refused with a message until their operations
 * exist.
 */
enum Scenario {
  /** Discover Versions on kept-alive connections: the cost of TLS records, framing and dispatch. */
  NOOP(true),
  /** A new mutual-TLS connection per Discover Versions: the cost of handshakes. */
  HANDSHAKE(true),
  GET(false),
  CREATE_AES(false),
  ENCRYPT_AES_GCM(false),
  ENCRYPT_AES_CBC(false),
  ENCRYPT_WRAPPED(false),
  ENCRYPT_HSM(false);

  private final boolean available;

  Scenario(boolean available) {
    this.available = available;
  }

  boolean available() {
    return available;
  }

  /** The command-line name, e.g. {@code create-aes}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Scenario parse(String label) {
    for (Scenario scenario : values()) {
      if (scenario.label().equals(label)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException(
        "--scenario: " + label + " (expected: noop, handshake, ...)");
  }

  /** The request, encoded once: every send reuses the same bytes. */
  byte[] request(ProtocolVersion version) {
    RequestMessage message =
        new RequestMessage(
            RequestHeader.of(version),
            List.of(
                RequestBatchItem.of(
                    Operation.DISCOVER_VERSIONS.value(),
                    TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()))));
    return TtlvWriter.toBytes(message.encode());
  }
}

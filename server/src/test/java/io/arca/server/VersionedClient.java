package io.arca.server;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A KMIP client of one protocol version over one mutual-TLS connection, for the end-to-end tests
 * that run a behaviour in every version defining it: one batch item per request.
 */
final class VersionedClient implements AutoCloseable {
  private final SSLSocket socket;
  private final ProtocolVersion version;

  VersionedClient(SSLContext tls, int port, ProtocolVersion version) throws IOException {
    this.socket = TestClients.connect(tls, port);
    this.version = version;
  }

  /** A version written as in the test names, {@code "2.1"}. */
  static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  ProtocolVersion version() {
    return version;
  }

  /** Sends one operation and returns its batch item, success or not. */
  ResponseBatchItem call(Operation operation, TtlvStructure payload) throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(version),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return TestClients.exchange(socket, request).batchItems().get(0);
  }

  /** Sends one operation that must succeed and returns its response payload. */
  TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
    ResponseBatchItem item = call(operation, payload);
    if (item.resultStatus() != ResultStatus.SUCCESS) {
      throw new AssertionError(
          operation.xmlName()
              + " in "
              + version
              + " failed: reason "
              + item.resultReason()
              + ", "
              + item.resultMessage());
    }
    return Objects.requireNonNull(item.responsePayload(), "response payload");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

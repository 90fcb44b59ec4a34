package io.arca.server.hsm;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A KMIP client over mutual TLS for the HSM tests: one connection, one request at a time, each
 * request one batch item. The tests build payloads with the codec's payload records.
 */
final class KmipTestClient implements AutoCloseable {
  private final SSLSocket socket;
  private final ProtocolVersion version;

  KmipTestClient(SSLContext tls, int port, ProtocolVersion version) throws IOException {
    this.socket = TestClients.connect(tls, port);
    this.version = version;
  }

  ProtocolVersion version() {
    return version;
  }

  /** Sends one operation and returns its batch item, success or not. */
  ResponseBatchItem call(Operation operation, TtlvStructure payload) throws IOException {
    RequestMessage request =
        new RequestMessage(
            new RequestHeader(
                version, null, null, null, null, null, List.of(), null, null, null, null),
            List.of(
                new RequestBatchItem(
                    operation.value(),
                    null,
                    ByteString.copyOf(new byte[] {1}),
                    payload,
                    List.of())));
    ResponseMessage response = TestClients.exchange(socket, request);
    return response.batchItems().get(0);
  }

  /** Sends one operation that must succeed and returns its response payload. */
  TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
    ResponseBatchItem item = call(operation, payload);
    if (item.resultStatus() != ResultStatus.SUCCESS) {
      throw new AssertionError(
          operation + " failed: reason " + item.resultReason() + ", " + item.resultMessage());
    }
    return Objects.requireNonNull(item.responsePayload(), "response payload");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * A TLS context for a user {@code name} whose certificate the development CA in {@code pki}
   * signs, so the server accepts it as that user; the certificate and key are written beside it.
   */
  static SSLContext userSignedBy(Path pki, String name) throws Exception {
    Path cert = pki.resolve(name + ".crt");
    Path key = pki.resolve(name + ".key");
    ClientCertificates.issue(pki.resolve("ca.crt"), pki.resolve("ca.key"), name, cert, key);
    return TestClients.context(pki.resolve("ca.crt"), cert, key);
  }
}

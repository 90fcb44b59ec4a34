package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BatchErrorContinuationOption;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KMIP semantics over real mutual TLS: versions, batches and their options, and bad requests. */
class KmipEndToEndTest {
  @TempDir static Path dir;
  static DevelopmentPki pki;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config = TestServers.config(dir, tls, 64, 64 * 1024);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  private static TtlvStructure payload(Ttlv... items) {
    return TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), items);
  }

  private static RequestBatchItem item(Operation operation, int id, Ttlv... payload) {
    return new RequestBatchItem(
        operation.value(),
        null,
        ByteString.copyOf(new byte[] {(byte) id}),
        payload(payload),
        List.of());
  }

  private static RequestHeader header(
      ProtocolVersion version, @Nullable Integer maximumResponseSize, @Nullable Integer onError) {
    return new RequestHeader(
        version, maximumResponseSize, null, null, null, null, List.of(), null, onError, null, null);
  }

  private static byte[] exchange(SSLSocket socket, byte[] request) throws IOException {
    return TestClients.exchangeFrames(socket, request);
  }

  private static ResponseMessage send(RequestMessage request) throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return decode(exchange(socket, TtlvWriter.toBytes(request.encode())));
    }
  }

  private static ResponseMessage decode(byte[] response) {
    return ResponseMessage.decode((TtlvStructure) TtlvReader.read(response, DecodeLimits.DEFAULTS));
  }

  private static TtlvStructure payloadOf(ResponseBatchItem item) {
    return Objects.requireNonNull(item.responsePayload(), "response payload");
  }

  private static TtlvEnumeration queryOperations() {
    return new TtlvEnumeration(Tag.QUERY_FUNCTION.code(), QueryFunction.QUERY_OPERATIONS.value());
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void discoverVersionsIsAnsweredInTheVersionTheClientUsed(String text) throws IOException {
    ProtocolVersion version = version(text);
    ResponseMessage response =
        send(
            new RequestMessage(
                RequestHeader.of(version), List.of(item(Operation.DISCOVER_VERSIONS, 1))));

    assertThat(response.protocolVersion()).isEqualTo(version);
    ResponseBatchItem answer = response.batchItems().get(0);
    if (!version.isAtLeast(ProtocolVersion.V1_1)) {
      // KMIP 1.1 added Discover Versions: a 1.0 request is not served it.
      assertThat(answer.resultReason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
      return;
    }
    assertThat(answer.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(payloadOf(answer).all(Tag.PROTOCOL_VERSION.code())).hasSize(7);
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void queryListsTheOperationsServedAndNotOthers(String text) throws IOException {
    ResponseMessage response =
        send(
            new RequestMessage(
                RequestHeader.of(version(text)),
                List.of(item(Operation.QUERY, 1, queryOperations()))));

    List<Integer> operations = new ArrayList<>();
    for (Ttlv op : payloadOf(response.batchItems().get(0)).all(Tag.OPERATION.code())) {
      operations.add(((TtlvEnumeration) op).value());
    }
    assertThat(operations)
        .contains(Operation.QUERY.value(), Operation.CREATE.value(), Operation.GET.value())
        .doesNotContain(Operation.NOTIFY.value())
        .doesNotHaveDuplicates();
    // Listed exactly in the versions that define it (1.1 on).
    if (version(text).isAtLeast(ProtocolVersion.V1_1)) {
      assertThat(operations).contains(Operation.DISCOVER_VERSIONS.value());
    } else {
      assertThat(operations).doesNotContain(Operation.DISCOVER_VERSIONS.value());
    }
    if (!version(text).isAtLeast(ProtocolVersion.V2_0)) {
      assertThat(operations).doesNotContain(Operation.SET_ATTRIBUTE.value());
    } else {
      assertThat(operations).contains(Operation.SET_ATTRIBUTE.value());
    }
  }

  private static List<ResponseBatchItem> batchWithFailureInTheMiddle(@Nullable Integer onError)
      throws IOException {
    RequestMessage request =
        new RequestMessage(
            header(ProtocolVersion.V2_1, null, onError),
            List.of(
                item(Operation.DISCOVER_VERSIONS, 1),
                item(Operation.NOTIFY, 2),
                item(Operation.QUERY, 3, queryOperations())));
    return send(request).batchItems();
  }

  @Test
  void stopIsTheDefaultAndLeavesLaterItemsUnanswered() throws IOException {
    List<ResponseBatchItem> items = batchWithFailureInTheMiddle(null);

    assertThat(items)
        .extracting(ResponseBatchItem::resultStatus)
        .containsExactly(ResultStatus.SUCCESS, ResultStatus.OPERATION_FAILED);
    assertThat(items.get(1).resultReason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
    assertThat(items.get(1).uniqueBatchItemId()).isEqualTo(ByteString.copyOf(new byte[] {2}));
  }

  @Test
  void continueAnswersEveryItem() throws IOException {
    List<ResponseBatchItem> items =
        batchWithFailureInTheMiddle(BatchErrorContinuationOption.CONTINUE.value());

    assertThat(items)
        .extracting(ResponseBatchItem::resultStatus)
        .containsExactly(ResultStatus.SUCCESS, ResultStatus.OPERATION_FAILED, ResultStatus.SUCCESS);
    assertThat(items.get(2).uniqueBatchItemId()).isEqualTo(ByteString.copyOf(new byte[] {3}));
  }

  @Test
  void undoMarksEarlierItemsUndone() throws IOException {
    List<ResponseBatchItem> items =
        batchWithFailureInTheMiddle(BatchErrorContinuationOption.UNDO.value());

    assertThat(items)
        .extracting(ResponseBatchItem::resultStatus)
        .containsExactly(ResultStatus.OPERATION_UNDONE, ResultStatus.OPERATION_FAILED);
  }

  @Test
  void unknownContinuationOptionRefusesTheMessageAsInvalidField() throws IOException {
    List<ResponseBatchItem> items = batchWithFailureInTheMiddle(0x99);

    assertThat(items).hasSize(1);
    assertThat(items.get(0).resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
    assertThat(items.get(0).resultMessage()).contains("BatchErrorContinuationOption");
  }

  @Test
  void responseLargerThanTheClientAllowsIsResponseTooLarge() throws IOException {
    ResponseMessage response =
        send(
            new RequestMessage(
                header(ProtocolVersion.V2_1, 64, null),
                List.of(item(Operation.DISCOVER_VERSIONS, 1))));

    assertThat(response.batchItems().get(0).resultReason())
        .isEqualTo(ResultReason.RESPONSE_TOO_LARGE.value());
  }

  @Test
  void unsupportedProtocolVersionIsAnInvalidMessageAnswer() throws IOException {
    ResponseMessage response =
        send(
            new RequestMessage(
                RequestHeader.of(new ProtocolVersion(3, 0)),
                List.of(item(Operation.DISCOVER_VERSIONS, 1))));

    assertThat(response.protocolVersion()).isEqualTo(ProtocolVersion.V2_1);
    assertThat(response.batchItems().get(0).resultReason())
        .isEqualTo(ResultReason.INVALID_MESSAGE.value());
  }

  @Test
  void undecodableRequestGetsAnErrorInItsVersionThenTheConnectionCloses() throws IOException {
    // Valid TTLV, invalid KMIP: a 1.2 header, then a batch item whose Operation is a Text String.
    TtlvStructure header =
        TtlvStructure.of(
            Tag.REQUEST_HEADER.code(),
            TtlvStructure.of(
                Tag.PROTOCOL_VERSION.code(),
                new TtlvInteger(Tag.PROTOCOL_VERSION_MAJOR.code(), 1),
                new TtlvInteger(Tag.PROTOCOL_VERSION_MINOR.code(), 2)),
            new TtlvInteger(Tag.BATCH_COUNT.code(), 1));
    TtlvStructure item =
        TtlvStructure.of(
            Tag.BATCH_ITEM.code(), new TtlvTextString(Tag.OPERATION.code(), "Create"), payload());
    byte[] request = TtlvWriter.toBytes(TtlvStructure.of(Tag.REQUEST_MESSAGE.code(), header, item));
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      ResponseMessage response = decode(exchange(socket, request));
      assertThat(response.protocolVersion()).isEqualTo(ProtocolVersion.V1_2);
      assertThat(response.batchItems().get(0).resultReason())
          .isEqualTo(ResultReason.INVALID_MESSAGE.value());
      assertThat(response.batchItems().get(0).resultMessage()).contains("Operation");
      assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
  }

  @Test
  void oversizedRequestIsAnsweredThenClosedBeforeItsBodyIsSent() throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      // The header claims 1 MiB against a 64 KiB limit; no body follows.
      ResponseMessage response =
          decode(exchange(socket, HexFormat.of().parseHex("4200780100100000")));
      assertThat(response.batchItems().get(0).resultReason())
          .isEqualTo(ResultReason.INVALID_MESSAGE.value());
      assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
  }

  @Test
  void truncatedRequestIsNotAnsweredUntilItsBytesArrive() throws IOException {
    byte[] whole =
        TtlvWriter.toBytes(
            new RequestMessage(
                    RequestHeader.of(ProtocolVersion.V1_4),
                    List.of(item(Operation.DISCOVER_VERSIONS, 1)))
                .encode());
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      socket.getOutputStream().write(whole, 0, whole.length - 5);
      socket.getOutputStream().flush();
      socket.setSoTimeout(500);
      assertThat(readsNothing(socket)).as("no answer to half a request").isTrue();
      socket.setSoTimeout(10_000);
      byte[] rest = new byte[5];
      System.arraycopy(whole, whole.length - 5, rest, 0, 5);
      ResponseMessage response = decode(exchange(socket, rest));
      assertThat(response.batchItems().get(0).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    }
  }

  /** True when the server neither answered nor closed within the socket's timeout. */
  private static boolean readsNothing(SSLSocket socket) throws IOException {
    try {
      socket.getInputStream().read();
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    }
  }

  @Test
  void deeplyNestedFrameIsRefusedAndTheNextClientIsServed() throws IOException {
    StringBuilder hex = new StringBuilder();
    int depth = 40;
    hex.append(String.format("42007801%08X", 8 * depth));
    for (int level = 1; level <= depth; level++) {
      hex.append(String.format("42007701%08X", 8 * (depth - level)));
    }
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      ResponseMessage response = decode(exchange(socket, HexFormat.of().parseHex(hex)));
      assertThat(response.batchItems().get(0).resultReason())
          .isEqualTo(ResultReason.INVALID_MESSAGE.value());
    }
    assertThat(
            send(new RequestMessage(
                    RequestHeader.of(ProtocolVersion.V2_1),
                    List.of(item(Operation.DISCOVER_VERSIONS, 1))))
                .batchItems()
                .get(0)
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
  }
}

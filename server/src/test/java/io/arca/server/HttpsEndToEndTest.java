package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProfileName;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.kmip.ttlv.text.KmipJson;
import io.arca.kmip.ttlv.text.KmipXml;
import io.arca.server.config.ServerConfig;
import io.arca.server.op.ClaimedProfiles;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * KMIP over HTTPS (--https-bind) over real mutual TLS sockets, spoken by hand so that every byte of
 * HTTP is the test's: each encoding answered in its own, keep-alive, and each refusal with its HTTP
 * status or KMIP error. The KMIP port beside it works as before, and Query Profiles names the
 * message-encoding profiles only when the HTTPS port is on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsEndToEndTest {
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig plain = TestServers.config(dir, tls, 16, MAX_MESSAGE_BYTES);
    ServerConfig.Limits limits = plain.limits();
    ServerConfig config =
        new ServerConfig(
                plain.bind(),
                plain.port(),
                plain.dataDir(),
                plain.tls(),
                plain.identityFrom(),
                new ServerConfig.Limits(
                    limits.maxConnections(),
                    limits.maxMessageBytes(),
                    limits.idleTimeout(),
                    limits.handshakeTimeout(),
                    limits.maxConnectionsPerAddress(),
                    limits.reservedConnections(),
                    limits.busyHandshakeTimeout(),
                    REQUEST_TIMEOUT,
                    limits.refusalLogInterval()),
                plain.workerThreads(),
                plain.logLevel(),
                plain.interop(),
                plain.storage())
            .withHttpsBind(InetSocketAddress.createUnresolved("127.0.0.1", 0));
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void ttlvIsAnsweredInTtlv() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "application/octet-stream", TtlvWriter.toBytes(query()));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).isEqualTo("application/octet-stream");
      assertThat(answer.header("cache-control")).contains("no-cache");
      assertQueryAnswered(TtlvReader.read(answer.body(), DecodeLimits.DEFAULTS));
    }
  }

  @Test
  void xmlIsAnsweredInXml() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer = post(socket, "/kmip", "text/xml", utf8(KmipXml.write(query())));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).isEqualTo("text/xml");
      assertQueryAnswered(KmipXml.read(new String(answer.body(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void jsonIsAnsweredInJson() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "application/json; charset=UTF-8", utf8(KmipJson.write(query())));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).isEqualTo("application/json");
      assertQueryAnswered(KmipJson.read(new String(answer.body(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void oneConnectionCarriesManyRequestsInAnyEncoding() throws Exception {
    try (SSLSocket socket = connect()) {
      Attributes attributes =
          Attributes.of(
              Attribute.of(
                  new TtlvEnumeration(
                      Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
              Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
      TtlvStructure create =
          request(
              Operation.CREATE,
              Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes)
                  .encode(ProtocolVersion.V2_1));
      HttpAnswer created = post(socket, "/kmip", "application/json", utf8(KmipJson.write(create)));
      assertThat(created.header("connection")).isNotEqualToIgnoringCase("close");
      ResponseBatchItem createItem = onlyItem(KmipJson.read(created.text()));
      assertThat(createItem.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      String uid =
          Create.Response.decode(
                  Objects.requireNonNull(createItem.responsePayload()), ProtocolVersion.V2_1)
              .uniqueIdentifier();

      TtlvStructure get = request(Operation.GET, Get.Request.of(uid).encode(ProtocolVersion.V2_1));
      HttpAnswer got = post(socket, "/kmip", "application/xml", utf8(KmipXml.write(get)));

      assertThat(got.status()).isEqualTo(200);
      assertThat(got.header("content-type")).isEqualTo("application/xml");
      assertThat(onlyItem(KmipXml.read(got.text())).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    }
  }

  @Test
  void anotherMethodIs405() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer = send(socket, "GET /kmip HTTP/1.1\r\nHost: arca\r\n\r\n", new byte[0]);

      assertThat(answer.status()).isEqualTo(405);
      assertThat(answer.header("allow")).isEqualTo("POST");
      assertClosed(socket);
    }
  }

  @Test
  void anotherPathIs404() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip/2_1", "application/octet-stream", TtlvWriter.toBytes(query()));

      assertThat(answer.status()).isEqualTo(404);
      assertClosed(socket);
    }
  }

  @Test
  void anUnknownContentTypeIs415() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer = post(socket, "/kmip", "text/plain", utf8(KmipXml.write(query())));

      assertThat(answer.status()).isEqualTo(415);
      assertClosed(socket);
    }
  }

  @Test
  void aTextCharsetOtherThanUtf8Is415() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "text/xml; charset=ISO-8859-1", utf8(KmipXml.write(query())));

      assertThat(answer.status()).isEqualTo(415);
    }
  }

  @Test
  void anAcceptTheEncodingCannotMeetIs406() throws Exception {
    try (SSLSocket socket = connect()) {
      byte[] body = utf8(KmipJson.write(query()));
      HttpAnswer answer =
          send(
              socket,
              "POST /kmip HTTP/1.1\r\nHost: arca\r\nContent-Type: application/json\r\n"
                  + "Accept: text/xml\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n",
              body);

      assertThat(answer.status()).isEqualTo(406);
    }
  }

  @Test
  void anAcceptOfTheOtherXmlTypeGetsThatType() throws Exception {
    try (SSLSocket socket = connect()) {
      byte[] body = utf8(KmipXml.write(query()));
      HttpAnswer answer =
          send(
              socket,
              "POST /kmip HTTP/1.1\r\nHost: arca\r\nContent-Type: text/xml\r\n"
                  + "Accept: application/xml, text/xml;q=0\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n",
              body);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).isEqualTo("application/xml");
    }
  }

  @Test
  void aBodyLargerThanTheBoundIs413BeforeItIsRead() throws Exception {
    try (SSLSocket socket = connect()) {
      // Announced, never sent: the server must answer from the header alone.
      HttpAnswer answer =
          send(
              socket,
              head("POST /kmip", "Content-Type: application/json", "Content-Length: 100000000"),
              new byte[0]);

      assertThat(answer.status()).isEqualTo(413);
      assertClosed(socket);
    }
  }

  @Test
  void aTtlvBodyLargerThanTheMessageBoundIs413() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "application/octet-stream", new byte[MAX_MESSAGE_BYTES + 1]);

      assertThat(answer.status()).isEqualTo(413);
    }
  }

  @Test
  void aTtlvBodyThatIsNoRequestIsInvalidMessageThenClosed() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "application/octet-stream", utf8("this is not TTLV at all"));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      assertInvalidMessage(TtlvReader.read(answer.body(), DecodeLimits.DEFAULTS));
      assertClosed(socket);
    }
  }

  @Test
  void malformedXmlIsInvalidMessageInXml() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer =
          post(socket, "/kmip", "text/xml", utf8("<RequestMessage><RequestHeader>"));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).isEqualTo("text/xml");
      assertInvalidMessage(KmipXml.read(answer.text()));
      assertClosed(socket);
    }
  }

  @Test
  void xmlWithAnEntityIsInvalidMessage() throws Exception {
    try (SSLSocket socket = connect()) {
      String xxe =
          String.join(
              "",
              "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
              "<RequestMessage>&e;</RequestMessage>");
      HttpAnswer answer = post(socket, "/kmip", "text/xml", utf8(xxe));

      assertThat(answer.status()).isEqualTo(200);
      assertInvalidMessage(KmipXml.read(answer.text()));
    }
  }

  @Test
  void jsonThatIsNoRequestMessageIsInvalidMessageInJson() throws Exception {
    try (SSLSocket socket = connect()) {
      TtlvStructure notARequest = TtlvStructure.of(Tag.REQUEST_HEADER.code());
      HttpAnswer answer =
          post(socket, "/kmip", "application/json", utf8(KmipJson.write(notARequest)));

      assertThat(answer.status()).isEqualTo(200);
      assertInvalidMessage(KmipJson.read(answer.text()));
    }
  }

  @Test
  void aBodyNotWholeWithinTheRequestDeadlineIsClosed() throws Exception {
    try (SSLSocket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      // Half the announced body, then nothing: the request deadline, not the idle timeout (a
      // minute here), must end it.
      out.write(
          utf8(
              head("POST /kmip", "Content-Type: application/octet-stream", "Content-Length: 100")));
      out.write(new byte[50]);
      out.flush();

      assertClosed(socket);
    }
  }

  @Test
  void bytesThatAreNoHttpAre400ThenClosed() throws Exception {
    try (SSLSocket socket = connect()) {
      HttpAnswer answer = send(socket, "\u0001\u0002 garbage \r\n\r\n", new byte[0]);

      assertThat(answer.status()).isEqualTo(400);
      assertClosed(socket);
    }
  }

  @Test
  void theKmipPortStillSpeaksTtlv() throws Exception {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      ResponseMessage answer =
          TestClients.exchange(socket, RequestMessage.decode(query()), DecodeLimits.DEFAULTS);
      assertThat(answer.batchItems().get(0).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    }
  }

  @Test
  void queryProfilesNamesTheEncodingsOnlyWithTheHttpsPort() {
    List<Integer> on = profileNames(true);
    List<Integer> off = profileNames(false);

    assertThat(on)
        .contains(
            ProfileName.HTTPS_SERVER.value(),
            ProfileName.JSON_SERVER.value(),
            ProfileName.XML_SERVER.value());
    assertThat(off)
        .doesNotContain(
            ProfileName.HTTPS_SERVER.value(),
            ProfileName.JSON_SERVER.value(),
            ProfileName.XML_SERVER.value());
  }

  @Test
  void queryOverTheHttpsPortNamesItsProfiles() throws Exception {
    try (SSLSocket socket = connect()) {
      TtlvStructure query =
          request(
              Operation.QUERY,
              new Query.Request(List.of(QueryFunction.QUERY_PROFILES.value())).encode());
      HttpAnswer answer =
          post(socket, "/kmip", "application/octet-stream", TtlvWriter.toBytes(query));
      ResponseBatchItem item = onlyItem(TtlvReader.read(answer.body(), DecodeLimits.DEFAULTS));
      List<Integer> names =
          Query.Response.decode(Objects.requireNonNull(item.responsePayload())).profiles().stream()
              .map(
                  p ->
                      ((TtlvEnumeration) Objects.requireNonNull(p.first(Tag.PROFILE_NAME.code())))
                          .value())
              .toList();

      assertThat(names).contains(ProfileName.HTTPS_SERVER.value());
    }
  }

  private static List<Integer> profileNames(boolean https) {
    return ClaimedProfiles.standard().served(https).answer(ProtocolVersion.V2_1).stream()
        .map(
            p ->
                ((TtlvEnumeration) Objects.requireNonNull(p.first(Tag.PROFILE_NAME.code())))
                    .value())
        .toList();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private SSLSocket connect() throws Exception {
    return TestClients.connect(admin, server.httpsPort());
  }

  private static TtlvStructure query() {
    return request(
        Operation.QUERY,
        new Query.Request(
                List.of(
                    QueryFunction.QUERY_OPERATIONS.value(), QueryFunction.QUERY_OBJECTS.value()))
            .encode());
  }

  private static TtlvStructure request(Operation operation, TtlvStructure payload) {
    return new RequestMessage(
            RequestHeader.of(ProtocolVersion.V2_1),
            List.of(RequestBatchItem.of(operation.value(), payload)))
        .encode();
  }

  private static ResponseBatchItem onlyItem(Ttlv response) {
    ResponseMessage message = ResponseMessage.decode((TtlvStructure) response);
    assertThat(message.batchItems()).hasSize(1);
    return message.batchItems().get(0);
  }

  private static void assertQueryAnswered(Ttlv response) {
    ResponseBatchItem item = onlyItem(response);
    assertThat(item.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(Query.Response.decode(Objects.requireNonNull(item.responsePayload())).operations())
        .contains(Operation.QUERY.value(), Operation.CREATE.value());
  }

  private static void assertInvalidMessage(Ttlv response) {
    ResponseBatchItem item = onlyItem(response);
    assertThat(item.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(item.resultReason()).isEqualTo(ResultReason.INVALID_MESSAGE.value());
  }

  private static void assertClosed(SSLSocket socket) throws IOException {
    try {
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    } catch (SocketException closed) {
      // reset by the server: closed as well
    }
  }

  /** An HTTP/1.1 request head: the request line's method and path, then header lines. */
  private static String head(String methodAndPath, String... headers) {
    StringBuilder head = new StringBuilder(methodAndPath).append(" HTTP/1.1\r\nHost: arca\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpAnswer post(SSLSocket socket, String path, String type, byte[] body)
      throws IOException {
    return send(
        socket,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: arca\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.length
            + "\r\n\r\n",
        body);
  }

  private static HttpAnswer send(SSLSocket socket, String head, byte[] body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return HttpAnswer.read(socket.getInputStream());
  }

  /** One HTTP/1.1 response with a Content-Length, as read off the socket. */
  private static final class HttpAnswer {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private HttpAnswer(int status, Map<String, String> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    int status() {
      return status;
    }

    byte[] body() {
      return body;
    }

    @Nullable String header(String name) {
      return headers.get(name);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    static HttpAnswer read(InputStream in) throws IOException {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      Map<String, String> headers = new TreeMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
      int length = Integer.parseInt(Objects.requireNonNull(headers.get("content-length")));
      byte[] body = in.readNBytes(length);
      assertThat(body).hasSize(length);
      return new HttpAnswer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed inside an HTTP response head");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}

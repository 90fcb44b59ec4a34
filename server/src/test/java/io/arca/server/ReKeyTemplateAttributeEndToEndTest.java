package io.arca.server;

import static io.arca.server.TestAttributes.keyOf;
import static io.arca.server.TestAttributes.links;
import static io.arca.server.TestAttributes.name;
import static io.arca.server.TestAttributes.names;
import static io.arca.server.TestAttributes.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A KMIP 2.x Re-key carrying the 1.x Template-Attribute, over mutual TLS: 2.0 reserves that tag
 * (2.0 §11.54 Table 446: 420091 Reserved) and its Re-key payload takes Attributes (§6.1.42 Table
 * 279); backward compatibility is owed within a major version only (§9.16). PyKMIP 0.10 sends its
 * 1.x form at 2.0 all the same; the request is refused with Invalid Field and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReKeyTemplateAttributeEndToEndTest {
  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 1 << 20), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<ProtocolVersion> kmip2() {
    return Stream.of(ProtocolVersion.V2_0, ProtocolVersion.V2_1);
  }

  @ParameterizedTest
  @MethodSource("kmip2")
  void aKmip2ReKeyWithA1xTemplateAttributeIsAnInvalidFieldAndStoresNothing(ProtocolVersion version)
      throws Exception {
    String name = "template-attribute-" + UUID.randomUUID();
    List<Attribute> items = keyOf(CryptographicAlgorithm.AES, 256);
    items.add(name(name));
    String old =
        Create.Response.decode(
                ok(
                    version,
                    Operation.CREATE,
                    Create.Request.of(
                            ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                        .encode(version)),
                version)
            .uniqueIdentifier();

    ResponseBatchItem answer =
        call(
            version,
            Operation.RE_KEY,
            new ReKey.Request(
                    old,
                    null,
                    Attributes.of(text(Tag.CONTACT_INFORMATION, "template@example.com")),
                    List.of())
                .encode(ProtocolVersion.V1_4));

    assertThat(answer.resultStatus()).as(answer.resultMessage()).isNotEqualTo(ResultStatus.SUCCESS);
    assertThat(ResultReason.byValue(Objects.requireNonNull(answer.resultReason())))
        .as(answer.resultMessage())
        .isEqualTo(ResultReason.INVALID_FIELD);
    assertThat(answer.resultMessage()).contains("TemplateAttribute");
    Attributes now =
        GetAttributes.Response.decode(
                ok(
                    version,
                    Operation.GET_ATTRIBUTES,
                    new GetAttributes.Request(old, List.of()).encode(version)),
                version)
            .attributes();
    assertThat(names(now)).as("the old key keeps its Name").containsExactly(name);
    assertThat(links(now, LinkType.REPLACEMENT_OBJECT_LINK)).as("no replacement").isEmpty();
  }

  private TtlvStructure ok(ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    ResponseBatchItem answer = call(version, operation, payload);
    assertThat(answer.resultStatus())
        .as("%s: %s", operation, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(answer.responsePayload());
  }

  private ResponseBatchItem call(
      ProtocolVersion version, Operation operation, TtlvStructure payload) throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return TestClients.exchange(
              socket,
              new RequestMessage(
                  RequestHeader.of(version),
                  List.of(RequestBatchItem.of(operation.value(), payload))))
          .batchItems()
          .get(0);
    }
  }
}

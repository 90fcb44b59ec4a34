package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.AdjustmentType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AdjustAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adjust Attribute over mutual TLS in KMIP 2.0 and 2.1: dates, intervals and Booleans move as
 * asked, an attribute the object lacks counts as 0 or false, and what the rules tables or the
 * attribute's type forbid is refused with the specification's Result Reason, the object unchanged.
 */
class AdjustAttributeEndToEndTest {
  private static final long DAY = 86_400;

  @TempDir static java.nio.file.Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Client(SSLSocket socket, ProtocolVersion version) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      socket.close();
    }

    ResponseBatchItem send(Operation operation, TtlvStructure payload) throws IOException {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(version),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      return TestClients.exchange(socket, request).batchItems().get(0);
    }

    TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
      ResponseBatchItem item = send(operation, payload);
      assertThat(item.resultStatus())
          .as(version + " " + operation.xmlName() + ": " + item.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return Objects.requireNonNull(item.responsePayload(), "payload");
    }

    String create(Attribute... extra) throws IOException {
      List<Attribute> items =
          new java.util.ArrayList<>(
              List.of(
                  Attribute.of(
                      new TtlvEnumeration(
                          Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
                  Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
                  Attribute.of(
                      new TtlvInteger(
                          Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                          CryptographicUsageMask.ENCRYPT.value()))));
      items.addAll(List.of(extra));
      return Create.Response.decode(
              ok(
                  Operation.CREATE,
                  Create.Request.of(
                          ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                      .encode(version)),
              version)
          .uniqueIdentifier();
    }

    ResponseBatchItem adjust(String uid, Tag tag, AdjustmentType type, @Nullable Ttlv amount)
        throws IOException {
      return send(
          Operation.ADJUST_ATTRIBUTE,
          new AdjustAttribute.Request(uid, AttributeReference.tag(tag.code()), type.value(), amount)
              .encode(version));
    }

    @Nullable Ttlv value(String uid, Tag tag) throws IOException {
      Attributes attributes =
          GetAttributes.Response.decode(
                  ok(
                      Operation.GET_ATTRIBUTES,
                      new GetAttributes.Request(uid, List.of(AttributeReference.tag(tag.code())))
                          .encode(version)),
                  version)
              .attributes();
      Attribute found = attributes.first(tag.code());
      return found == null ? null : found.value();
    }

    int refused(ResponseBatchItem item) {
      assertThat(item.resultStatus())
          .as(version + ": " + item.resultMessage())
          .isEqualTo(ResultStatus.OPERATION_FAILED);
      return Objects.requireNonNull(item.resultReason());
    }
  }

  private static Client connect(String version) throws IOException {
    return new Client(TestClients.connect(admin, server.port()), VersionedClient.version(version));
  }

  private static TtlvInterval seconds(long count) {
    return new TtlvInterval(Tag.ADJUSTMENT_VALUE.code(), count);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void datesIntervalsAndBooleansMoveAsAsked(String v) throws IOException {
    try (Client client = connect(v)) {
      long deactivation = 4_102_444_800L; // 2100-01-01
      String uid =
          client.create(Attribute.of(new TtlvDateTime(Tag.DEACTIVATION_DATE.code(), deactivation)));
      assertThat(
              client
                  .adjust(uid, Tag.DEACTIVATION_DATE, AdjustmentType.INCREMENT, seconds(DAY))
                  .resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
      assertThat(client.value(uid, Tag.DEACTIVATION_DATE))
          .isEqualTo(new TtlvDateTime(Tag.DEACTIVATION_DATE.code(), deactivation + DAY));
      assertThat(
              client
                  .adjust(
                      uid,
                      Tag.DEACTIVATION_DATE,
                      AdjustmentType.DECREMENT,
                      new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 3600))
                  .resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
      assertThat(client.value(uid, Tag.DEACTIVATION_DATE))
          .isEqualTo(new TtlvDateTime(Tag.DEACTIVATION_DATE.code(), deactivation + DAY - 3600));

      // Absent, an interval counts as 0 and a Boolean as false.
      assertThat(client.value(uid, Tag.PROTECTION_PERIOD)).isNull();
      for (int i = 0; i < 2; i++) {
        assertThat(
                client
                    .adjust(uid, Tag.PROTECTION_PERIOD, AdjustmentType.INCREMENT, seconds(600))
                    .resultStatus())
            .isEqualTo(ResultStatus.SUCCESS);
      }
      assertThat(client.value(uid, Tag.PROTECTION_PERIOD))
          .isEqualTo(new TtlvInterval(Tag.PROTECTION_PERIOD.code(), 1200));
      assertThat(client.value(uid, Tag.QUANTUM_SAFE)).isNull();
      assertThat(client.adjust(uid, Tag.QUANTUM_SAFE, AdjustmentType.NEGATE, null).resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
      assertThat(client.value(uid, Tag.QUANTUM_SAFE))
          .isEqualTo(new TtlvBoolean(Tag.QUANTUM_SAFE.code(), true));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void whatCannotBeAdjustedIsRefusedAndLeftAsItWas(String v) throws IOException {
    try (Client client = connect(v)) {
      String uid =
          client.create(
              Attribute.of(
                  TtlvStructure.of(
                      Tag.NAME.code(),
                      new TtlvTextString(Tag.NAME_VALUE.code(), "adjust-" + v),
                      new TtlvEnumeration(Tag.NAME_TYPE.code(), 1))));
      // Read only for clients (the rules tables), and a Result Reason of Adjust's own table.
      assertThat(
              client.refused(
                  client.adjust(
                      uid,
                      Tag.CRYPTOGRAPHIC_LENGTH,
                      AdjustmentType.INCREMENT,
                      new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 128))))
          .isEqualTo(ResultReason.READ_ONLY_ATTRIBUTE.value());
      assertThat(client.value(uid, Tag.CRYPTOGRAPHIC_LENGTH))
          .isEqualTo(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128));
      // A text is no number.
      assertThat(
              client.refused(
                  client.adjust(
                      uid,
                      Tag.NAME,
                      AdjustmentType.INCREMENT,
                      new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 1))))
          .isEqualTo(ResultReason.INVALID_DATA_TYPE.value());
      // A Boolean is negated, never incremented; an amount of another type is refused.
      assertThat(
              client.refused(
                  client.adjust(
                      uid,
                      Tag.QUANTUM_SAFE,
                      AdjustmentType.INCREMENT,
                      new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 1))))
          .isEqualTo(ResultReason.INVALID_DATA_TYPE.value());
      assertThat(
              client.refused(
                  client.adjust(
                      uid,
                      Tag.PROTECTION_PERIOD,
                      AdjustmentType.INCREMENT,
                      new TtlvTextString(Tag.ADJUSTMENT_VALUE.code(), "1"))))
          .isEqualTo(ResultReason.INVALID_DATA_TYPE.value());
      // Below what an Interval holds (an absent one counts as 0).
      assertThat(
              client.refused(
                  client.adjust(uid, Tag.PROTECTION_PERIOD, AdjustmentType.DECREMENT, seconds(1))))
          .isEqualTo(ResultReason.NUMERIC_RANGE.value());
      assertThat(client.value(uid, Tag.PROTECTION_PERIOD)).isNull();
      // Not the client's to change in 2.x (the tables' Modify column), whatever its type.
      assertThat(
              client.refused(
                  client.adjust(
                      uid,
                      Tag.CRYPTOGRAPHIC_USAGE_MASK,
                      AdjustmentType.INCREMENT,
                      new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 1))))
          .isEqualTo(ResultReason.READ_ONLY_ATTRIBUTE.value());
      assertThat(client.value(uid, Tag.CRYPTOGRAPHIC_USAGE_MASK))
          .isEqualTo(
              new TtlvInteger(
                  Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.ENCRYPT.value()));
      // A date the object lacks has no value to move.
      assertThat(
              client.refused(
                  client.adjust(
                      uid, Tag.PROTECT_STOP_DATE, AdjustmentType.INCREMENT, seconds(DAY))))
          .isEqualTo(ResultReason.ATTRIBUTE_NOT_FOUND.value());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "2.0", "2.1"})
  void queryListsTheOperationsExactlyInTheVersionsThatDefineThem(String v) throws IOException {
    try (Client client = connect(v)) {
      List<Integer> operations =
          Query.Response.decode(
                  client.ok(
                      Operation.QUERY,
                      new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode()))
              .operations();
      boolean v2 = client.version().isAtLeast(ProtocolVersion.V2_0);
      assertThat(operations.contains(Operation.ADJUST_ATTRIBUTE.value())).isEqualTo(v2);
      assertThat(operations)
          .contains(Operation.CREATE_SPLIT_KEY.value(), Operation.JOIN_SPLIT_KEY.value());
      if (!v2) {
        assertThat(
                client.refused(
                    client.send(
                        Operation.ADJUST_ATTRIBUTE,
                        new AdjustAttribute.Request(
                                "x",
                                AttributeReference.tag(Tag.ACTIVATION_DATE.code()),
                                AdjustmentType.NEGATE.value(),
                                null)
                            .encode(ProtocolVersion.V2_1))))
            .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
      }
    }
  }
}

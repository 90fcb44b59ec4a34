package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Check;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributeList;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.ObtainLease;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The life of managed objects over mutual TLS, one request a message on one connection, in the
 * versions deployed clients speak: create, read and edit attributes, locate, activate, serve,
 * lease, check, register, revoke and destroy.
 */
class ManagedObjectsEndToEndTest {
  @TempDir static Path dir;
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

  /** One connection speaking one protocol version. */
  private record Client(SSLSocket socket, ProtocolVersion version) {
    ResponseBatchItem call(Operation operation, TtlvStructure payload) throws IOException {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(version),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      ResponseMessage response = TestClients.exchange(socket, request);
      assertThat(response.protocolVersion()).isEqualTo(version);
      return response.batchItems().get(0);
    }

    TtlvStructure ok(Operation operation, TtlvStructure payload) throws IOException {
      ResponseBatchItem item = call(operation, payload);
      assertThat(item.resultStatus())
          .as(operation.xmlName() + ": " + item.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return Objects.requireNonNull(item.responsePayload(), "payload");
    }
  }

  private static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  private static Attribute name(String value) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), value),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  private static Attribute custom(String version, String value) {
    // 1.x spells a client's own attribute "x-name"; 2.x makes it a Vendor Attribute.
    return version.startsWith("1.")
        ? Attribute.vendor("x", "e2e", new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), value))
        : Attribute.vendor("e2e", "note", new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), value));
  }

  private static State state(Attributes attributes) {
    Attribute state = Objects.requireNonNull(attributes.first(Tag.STATE.code()), "State");
    return Objects.requireNonNull(State.byValue(((TtlvEnumeration) state.value()).value()));
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.2", "1.4", "2.0", "2.1"})
  void aKeyLivesItsWholeLifeOverTls(String text) throws Exception {
    ProtocolVersion v = version(text);
    String label = "e2e-key-" + text;
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);

      Attributes asked =
          Attributes.of(
              Attribute.of(
                  new TtlvEnumeration(
                      Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
              Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
              Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), 0x0C)),
              name(label));
      String uid =
          Create.Response.decode(
                  client.ok(
                      Operation.CREATE,
                      Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), asked).encode(v)),
                  v)
              .uniqueIdentifier();

      Attribute note = custom(text, "first");
      client.ok(Operation.ADD_ATTRIBUTE, new AddAttribute.Request(uid, note).encode(v));
      Attribute changed = custom(text, "second");
      client.ok(
          Operation.MODIFY_ATTRIBUTE,
          new ModifyAttribute.Request(uid, v.isAtLeast(ProtocolVersion.V2_0) ? note : null, changed)
              .encode(v));
      GetAttributes.Response attributes =
          GetAttributes.Response.decode(
              client.ok(
                  Operation.GET_ATTRIBUTES, new GetAttributes.Request(uid, List.of()).encode(v)),
              v);
      assertThat(state(attributes.attributes())).isEqualTo(State.PRE_ACTIVE);
      assertThat(Objects.requireNonNull(attributes.attributes().first(changed.reference())).value())
          .isEqualTo(changed.value());
      List<AttributeReference> listed =
          GetAttributeList.Response.decode(
                  client.ok(
                      Operation.GET_ATTRIBUTE_LIST, new GetAttributeList.Request(uid).encode(v)),
                  v)
              .references();
      assertThat(listed).contains(changed.reference());
      client.ok(
          Operation.DELETE_ATTRIBUTE,
          new DeleteAttribute.Request(uid, changed.reference(), null, null).encode(v));

      List<String> located =
          Locate.Response.decode(
                  client.ok(
                      Operation.LOCATE, Locate.Request.of(Attributes.of(name(label))).encode(v)),
                  v)
              .uniqueIdentifiers();
      assertThat(located).containsExactly(uid);

      client.ok(Operation.ACTIVATE, new Activate.Request(uid).encode(v));
      Get.Response got =
          Get.Response.decode(client.ok(Operation.GET, Get.Request.of(uid).encode(v)), v);
      KeyBlock block = Objects.requireNonNull(got.object().keyBlock());
      assertThat(block.cryptographicLength()).isEqualTo(256);
      assertThat(
              ObtainLease.Response.decode(
                      client.ok(Operation.OBTAIN_LEASE, new ObtainLease.Request(uid).encode(v)), v)
                  .leaseTime())
          .isPositive();
      client.ok(Operation.CHECK, new Check.Request(uid, null, 0x04, null).encode(v));

      client.ok(
          Operation.REVOKE,
          new Revoke.Request(
                  uid,
                  new Revoke.RevocationReason(
                      RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                  null)
              .encode(v));
      client.ok(Operation.DESTROY, new Destroy.Request(uid).encode(v));
      ResponseBatchItem gone = client.call(Operation.GET, Get.Request.of(uid).encode(v));
      assertThat(gone.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(gone.resultReason())
          .isEqualTo(
              v.isAtLeast(ProtocolVersion.V2_0)
                  ? ResultReason.OBJECT_DESTROYED.value()
                  : ResultReason.ITEM_NOT_FOUND.value());
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.2", "1.4", "2.0", "2.1"})
  void aRegisteredSecretComesBackAsGiven(String text) throws Exception {
    ProtocolVersion v = version(text);
    byte[] secret = ("e2e secret " + text).getBytes(StandardCharsets.UTF_8);
    SecretData object =
        new SecretData(
            SecretDataType.PASSWORD.value(),
            new KeyBlock(
                KeyFormatType.OPAQUE.value(),
                null,
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(secret))),
                null,
                null,
                null));
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      Client client = new Client(socket, v);
      String uid =
          Register.Response.decode(
                  client.ok(
                      Operation.REGISTER,
                      Register.Request.of(object, Attributes.of(name("e2e-secret-" + text)))
                          .encode(v)),
                  v)
              .uniqueIdentifier();

      Get.Response got =
          Get.Response.decode(client.ok(Operation.GET, Get.Request.of(uid).encode(v)), v);

      KeyValue.Plain value =
          (KeyValue.Plain) Objects.requireNonNull(got.object().keyBlock()).keyValue();
      assertThat(Objects.requireNonNull(value).keyMaterial())
          .isEqualTo(new KeyMaterial.Bytes(ByteString.copyOf(secret)));
    }
  }
}

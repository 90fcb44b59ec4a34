package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.batch.RequestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, Get, Get Attributes, Activate, Revoke and Destroy on a real store. */
class LifecycleHandlersTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private GetHandler get;
  private GetAttributesHandler getAttributes;
  private ActivateHandler activate;
  private RevokeHandler revoke;
  private DestroyHandler destroy;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    get = new GetHandler(fixture.objects(), new ObjectFormats());
    getAttributes = new GetAttributesHandler(fixture.objects());
    activate = new ActivateHandler(fixture.objects());
    revoke = new RevokeHandler(fixture.objects());
    destroy = new DestroyHandler(fixture.objects());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Attributes aes(int bits) {
    return Attributes.of(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  private String createAes(RequestContext context) {
    TtlvStructure response =
        Wire.handle(
            create,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes(256))
                .encode(context.protocolVersion()),
            context);
    return Create.Response.decode(response, context.protocolVersion()).uniqueIdentifier();
  }

  private State stateOf(String uid) {
    return fixture.store().find(uid).orElseThrow().state();
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  @Test
  void aCreatedKeyIsPreActiveAndItsMaterialComesBackOnGet() {
    RequestContext context = alice();
    String uid = createAes(context);

    assertThat(stateOf(uid)).isEqualTo(State.PRE_ACTIVE);
    assertThat(context.batch().idPlaceholder()).isEqualTo(uid);
    Get.Response got =
        Get.Response.decode(
            Wire.handle(get, Get.Request.of(uid).encode(ProtocolVersion.V2_1), alice()),
            ProtocolVersion.V2_1);
    assertThat(java.util.Objects.requireNonNull(got.object().keyBlock()).cryptographicLength())
        .isEqualTo(256);
  }

  @Test
  void aRegisteredKeyComesBackByteForByteInEveryVersion() {
    RegisterHandler register = new RegisterHandler(fixture.store());
    byte[] key = new byte[16];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    for (ProtocolVersion version : List.of(ProtocolVersion.V1_0, ProtocolVersion.V2_1)) {
      RequestContext context = HandlerFixture.context("alice", version);
      SymmetricKey object =
          new SymmetricKey(
              KeyBlock.of(
                  KeyFormatType.RAW.value(),
                  KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
                  CryptographicAlgorithm.AES.value(),
                  128));
      String uid =
          Register.Response.decode(
                  Wire.handle(
                      register,
                      Register.Request.of(object, Attributes.EMPTY).encode(version),
                      context),
                  version)
              .uniqueIdentifier();

      // Encoded to bytes as the transport does, after the handler returned.
      byte[] wire =
          TtlvWriter.toBytes(Wire.handle(get, Get.Request.of(uid).encode(version), context));
      Get.Response got =
          Get.Response.decode(
              (TtlvStructure) TtlvReader.read(wire, DecodeLimits.DEFAULTS), version);

      KeyBlock block = java.util.Objects.requireNonNull(got.object().keyBlock());
      assertThat(
              ((KeyValue.Plain) java.util.Objects.requireNonNull(block.keyValue())).keyMaterial())
          .isEqualTo(new KeyMaterial.Bytes(ByteString.copyOf(key)));
    }
  }

  @Test
  void aClientChosenWrappingKeyProtectsTheNewKeyAtRest() {
    String kek = createAes(alice());
    Attributes wrapped =
        new Attributes(
            java.util.stream.Stream.concat(
                    aes(256).items().stream(),
                    java.util.stream.Stream.of(
                        Attribute.vendor(
                            "arca",
                            "wrapping-key-id",
                            new io.arca.kmip.ttlv.TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), kek))))
                .toList(),
            List.of());

    String uid =
        Create.Response.decode(
                Wire.handle(
                    create,
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), wrapped)
                        .encode(ProtocolVersion.V2_1),
                    alice()),
                ProtocolVersion.V2_1)
            .uniqueIdentifier();

    assertThat(fixture.store().find(uid).orElseThrow().wrappingKeyId()).isEqualTo(kek);
    assertThat(fixture.store().content(uid)).isPresent();
    assertThatThrownBy(
            () ->
                Wire.handle(
                    create,
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), wrapped)
                        .encode(ProtocolVersion.V2_1),
                    HandlerFixture.context("mallory", ProtocolVersion.V2_1)))
        .satisfies(reason(ResultReason.WRAPPING_OBJECT_NOT_FOUND));
  }

  @Test
  void anotherUserSeesNoSuchObject() {
    String uid = createAes(alice());

    assertThatThrownBy(
            () ->
                Wire.handle(
                    get,
                    Get.Request.of(uid).encode(ProtocolVersion.V2_1),
                    HandlerFixture.context("mallory", ProtocolVersion.V2_1)))
        .satisfies(reason(ResultReason.OBJECT_NOT_FOUND));
  }

  @Test
  void createRefusesLengthsAndAlgorithmsItCannotMake() {
    assertThatThrownBy(
            () ->
                Wire.handle(
                    create,
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes(100))
                        .encode(ProtocolVersion.V2_1),
                    alice()))
        .satisfies(reason(ResultReason.INVALID_FIELD))
        .hasMessageContaining("Cryptographic Length 100");
  }

  @Test
  void anActiveKeyCannotBeDestroyedUntilRevoked() {
    String uid = createAes(alice());
    Wire.handle(activate, new Activate.Request(uid).encode(ProtocolVersion.V2_1), alice());
    assertThat(stateOf(uid)).isEqualTo(State.ACTIVE);

    assertThatThrownBy(
            () ->
                Wire.handle(
                    destroy, new Destroy.Request(uid).encode(ProtocolVersion.V2_1), alice()))
        .satisfies(reason(ResultReason.WRONG_KEY_LIFECYCLE_STATE));
    assertThatThrownBy(
            () ->
                Wire.handle(
                    destroy,
                    new Destroy.Request(uid).encode(ProtocolVersion.V1_4),
                    HandlerFixture.context("alice", ProtocolVersion.V1_4)))
        .satisfies(reason(ResultReason.PERMISSION_DENIED));

    Wire.handle(
        revoke,
        new Revoke.Request(
                uid,
                new Revoke.RevocationReason(
                    RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                null)
            .encode(ProtocolVersion.V2_1),
        alice());
    assertThat(stateOf(uid)).isEqualTo(State.DEACTIVATED);
    Wire.handle(destroy, new Destroy.Request(uid).encode(ProtocolVersion.V2_1), alice());

    assertThat(stateOf(uid)).isEqualTo(State.DESTROYED);
    assertThat(fixture.store().content(uid)).isEmpty();
    assertThatThrownBy(
            () -> Wire.handle(get, Get.Request.of(uid).encode(ProtocolVersion.V2_1), alice()))
        .satisfies(reason(ResultReason.OBJECT_DESTROYED));
  }

  @Test
  void compromiseMovesAnyLiveStateToCompromised() {
    String uid = createAes(alice());

    Wire.handle(
        revoke,
        new Revoke.Request(
                uid,
                new Revoke.RevocationReason(RevocationReasonCode.KEY_COMPROMISE.value(), "x"),
                null)
            .encode(ProtocolVersion.V2_1),
        alice());

    assertThat(stateOf(uid)).isEqualTo(State.COMPROMISED);
    Wire.handle(destroy, new Destroy.Request(uid).encode(ProtocolVersion.V2_1), alice());
    assertThat(stateOf(uid)).isEqualTo(State.DESTROYED_COMPROMISED);
  }

  @Test
  void getAttributesAnswersTheRecordFieldsAndStoredAttributesAskedFor() {
    String uid = createAes(alice());

    GetAttributes.Response response =
        GetAttributes.Response.decode(
            Wire.handle(
                getAttributes,
                new GetAttributes.Request(
                        uid,
                        List.of(
                            AttributeReference.tag(Tag.STATE.code()),
                            AttributeReference.tag(Tag.CRYPTOGRAPHIC_LENGTH.code()),
                            AttributeReference.tag(Tag.DIGEST.code())))
                    .encode(ProtocolVersion.V2_1),
                alice()),
            ProtocolVersion.V2_1);

    assertThat(response.attributes().items())
        .extracting(a -> a.value().tag())
        .containsExactly(Tag.STATE.code(), Tag.CRYPTOGRAPHIC_LENGTH.code(), Tag.DIGEST.code());
  }
}

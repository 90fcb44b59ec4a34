package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.DatabaseStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-wrapping an object a client protected with its own key, by an edit of its {@code
 * arca:wrapping-key-id}, on a real store: the material moves under the new key in the same update
 * as the attribute, so the old key can then be destroyed and the object still reads.
 */
class RewrapHandlersTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private GetHandler get;
  private DestroyHandler destroy;
  private ModifyAttributeHandler modify;
  private DeleteAttributeHandler delete;
  private AddAttributeHandler add;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    get = new GetHandler(fixture.objects(), new ObjectFormats());
    destroy = new DestroyHandler(fixture.objects());
    modify = new ModifyAttributeHandler(fixture.objects());
    delete = new DeleteAttributeHandler(fixture.objects());
    add = new AddAttributeHandler(fixture.objects());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void modifyingTheWrappingKeyReWrapsSoTheOldKeyCanBeDestroyed() {
    String oldKey = createAes(null, alice());
    String newKey = createAes(null, alice());
    String uid = createAes(oldKey, alice());
    KeyMaterial before = material(uid);

    Wire.handle(
        modify, new ModifyAttribute.Request(uid, null, wrappingKey(newKey)).encode(V), alice());

    assertThat(fixture.store().find(uid).orElseThrow().wrappingKeyId()).isEqualTo(newKey);
    assertThat(fixture.store().wrappedBy(oldKey)).isZero();
    assertThat(fixture.store().wrappedBy(newKey)).isEqualTo(1);
    Wire.handle(destroy, new Destroy.Request(oldKey).encode(V), alice());
    ((DatabaseStore) fixture.store())
        .clearCache(); // read from the row, not from a copy unwrapped before
    assertThat(material(uid)).isEqualTo(before);
  }

  @Test
  void deletingTheWrappingKeyPutsTheObjectBackUnderTheServerKek() {
    String oldKey = createAes(null, alice());
    String uid = createAes(oldKey, alice());
    KeyMaterial before = material(uid);

    Wire.handle(
        delete,
        new DeleteAttribute.Request(uid, null, null, wrappingKey(oldKey)).encode(V),
        alice());

    assertThat(fixture.store().find(uid).orElseThrow().wrappingKeyId()).isNull();
    Wire.handle(destroy, new Destroy.Request(oldKey).encode(V), alice());
    ((DatabaseStore) fixture.store()).clearCache();
    assertThat(material(uid)).isEqualTo(before);
  }

  @Test
  void addingAWrappingKeyWrapsAnObjectThatTheServerKekProtected() {
    String key = createAes(null, alice());
    String uid = createAes(null, alice());
    KeyMaterial before = material(uid);

    Wire.handle(add, new AddAttribute.Request(uid, wrappingKey(key)).encode(V), alice());

    assertThat(fixture.store().find(uid).orElseThrow().wrappingKeyId()).isEqualTo(key);
    ((DatabaseStore) fixture.store()).clearCache();
    assertThat(material(uid)).isEqualTo(before);
  }

  @Test
  void aKeyOfAnotherUserIsNotAWrappingKeyAndNothingChanges() {
    String oldKey = createAes(null, alice());
    String bobs = createAes(null, HandlerFixture.context("bob", V));
    String uid = createAes(oldKey, alice());

    assertThatThrownBy(
            () ->
                Wire.handle(
                    modify,
                    new ModifyAttribute.Request(uid, null, wrappingKey(bobs)).encode(V),
                    alice()))
        .satisfies(reason(ResultReason.WRAPPING_OBJECT_NOT_FOUND));
    assertThat(fixture.store().find(uid).orElseThrow().wrappingKeyId()).isEqualTo(oldKey);
    assertThat(fixture.store().wrappedBy(oldKey)).isEqualTo(1);
  }

  @Test
  void aKeyThatWrapsOthersStaysUnderTheServerKek() {
    String wrapping = createAes(null, alice());
    String other = createAes(null, alice());
    createAes(wrapping, alice());

    assertThatThrownBy(
            () ->
                Wire.handle(
                    add, new AddAttribute.Request(wrapping, wrappingKey(other)).encode(V), alice()))
        .satisfies(reason(ResultReason.CONSTRAINT_VIOLATION))
        .hasMessageContaining("still wraps 1");
    assertThat(fixture.store().find(wrapping).orElseThrow().wrappingKeyId()).isNull();
  }

  private static Attribute wrappingKey(String uid) {
    return Attribute.vendor(
        "arca", "wrapping-key-id", new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), uid));
  }

  private String createAes(@Nullable String wrappingKey, RequestContext context) {
    Attributes aes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    Attributes attributes =
        wrappingKey == null
            ? aes
            : new Attributes(
                Stream.concat(aes.items().stream(), Stream.of(wrappingKey(wrappingKey))).toList(),
                List.of());
    return Create.Response.decode(
            Wire.handle(
                create,
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V),
                context),
            V)
        .uniqueIdentifier();
  }

  private KeyMaterial material(String uid) {
    Get.Response got =
        Get.Response.decode(Wire.handle(get, Get.Request.of(uid).encode(V), alice()), V);
    KeyBlock block = Objects.requireNonNull(got.object().keyBlock());
    return ((KeyValue.Plain) Objects.requireNonNull(block.keyValue())).keyMaterial();
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).as(e.getMessage()).isEqualTo(expected);
  }
}

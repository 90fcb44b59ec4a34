package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Add, Modify, Delete and Set Attribute against a real store, in 1.x and 2.x forms. */
class AttributeEditHandlersTest extends AttributeTestBase {

  private AddAttribute.Response add(ProtocolVersion v, String uid, Attribute attribute) {
    TtlvStructure payload = new AddAttribute.Request(uid, attribute).encode(v);
    return AddAttribute.Response.decode(
        Wire.handle(new AddAttributeHandler(objects), payload, as(v)), v);
  }

  private ModifyAttribute.Response modify(
      ProtocolVersion v, String uid, @Nullable Attribute current, Attribute wanted) {
    TtlvStructure payload = new ModifyAttribute.Request(uid, current, wanted).encode(v);
    return ModifyAttribute.Response.decode(
        Wire.handle(new ModifyAttributeHandler(objects), payload, as(v)), v);
  }

  private DeleteAttribute.Response delete(ProtocolVersion v, DeleteAttribute.Request request) {
    return DeleteAttribute.Response.decode(
        Wire.handle(new DeleteAttributeHandler(objects), request.encode(v), as(v)), v);
  }

  private void set(ProtocolVersion v, String uid, Attribute attribute) {
    Wire.handle(
        new SetAttributeHandler(objects),
        new SetAttribute.Request(uid, attribute).encode(v),
        as(v));
  }

  private static final Attribute AES =
      Attribute.of(
          new TtlvEnumeration(
              Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value()));

  @Test
  void singleValuedAttributeIsAddedOnce() {
    String uid = createKey("k");
    add(V2_1, uid, text(Tag.DESCRIPTION, "first"));

    assertFails(
        ResultReason.ATTRIBUTE_SINGLE_VALUED, () -> add(V2_1, uid, text(Tag.DESCRIPTION, "again")));
    assertFails(
        ResultReason.ILLEGAL_OPERATION, () -> add(V1_4, uid, text(Tag.DESCRIPTION, "again")));
    assertThat(record(uid).attributes().all(Tag.DESCRIPTION.code()))
        .containsExactly(text(Tag.DESCRIPTION, "first"));
  }

  @Test
  void newInstancesTakeTheNextIndexAndOneX14ClientIsToldIt() {
    String uid = createKey("k");
    assertThat(add(V1_4, uid, custom("ID", "a")).attribute()).isEqualTo(custom("ID", "a"));
    assertThat(add(V1_4, uid, custom("ID", "b")).attribute())
        .isEqualTo(custom("ID", "b").withIndex(1));
    delete(V1_4, new DeleteAttribute.Request(uid, custom("ID", "a").reference(), 0, null));

    // Indices never change in 1.x: the next one follows the highest ever in use.
    assertThat(add(V1_4, uid, custom("ID", "c")).attribute())
        .isEqualTo(custom("ID", "c").withIndex(2));
    assertThat(add(V2_1, uid, custom("ID", "d")).attribute()).isNull();
  }

  @Test
  void recordFieldsAndServerAttributesAreReadOnly() {
    String uid = createKey("k");
    Attribute state = Attribute.of(new TtlvEnumeration(Tag.STATE.code(), State.ACTIVE.value()));
    assertFails(ResultReason.ATTRIBUTE_READ_ONLY, () -> modify(V2_1, uid, null, state));
    assertFails(ResultReason.PERMISSION_DENIED, () -> modify(V1_4, uid, null, state));
    // Add Attribute's error table names Read Only Attribute, Modify's Attribute Read Only.
    assertFails(ResultReason.READ_ONLY_ATTRIBUTE, () -> add(V2_1, uid, state));
    assertFails(
        ResultReason.READ_ONLY_ATTRIBUTE,
        () -> add(V2_1, uid, text(Tag.UNIQUE_IDENTIFIER, "mine")));
    assertFails(ResultReason.ATTRIBUTE_READ_ONLY, () -> modify(V2_1, uid, null, AES));
    assertFails(
        ResultReason.ATTRIBUTE_READ_ONLY,
        () -> delete(V2_1, new DeleteAttribute.Request(uid, AES.reference(), null, null)));
    assertFails(
        ResultReason.PERMISSION_DENIED,
        () -> delete(V1_4, new DeleteAttribute.Request(uid, AES.reference(), null, null)));
  }

  @Test
  void attributeOfAnotherObjectTypeIsRefused() {
    String uid = createKey("k");
    Attribute domain =
        Attribute.of(
            TtlvStructure.of(
                Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code(),
                new TtlvInteger(Tag.QLENGTH.code(), 256)));
    assertFails(ResultReason.INVALID_ATTRIBUTE, () -> add(V2_1, uid, domain));
  }

  @Test
  void modifyChangesTheInstanceNamedByIndexOrValue() {
    String uid = createKey("k", custom("ID", "a"), custom("ID", "b"));
    assertThat(modify(V1_4, uid, null, custom("ID", "B").withIndex(1)).attribute())
        .isEqualTo(custom("ID", "B").withIndex(1));
    modify(V2_1, uid, custom("ID", "a"), custom("ID", "A"));

    assertThat(record(uid).attributes().all(custom("ID", "x").reference()))
        .containsExactly(custom("ID", "A"), custom("ID", "B").withIndex(1));
    assertFails(
        ResultReason.ITEM_NOT_FOUND, () -> modify(V1_4, uid, null, custom("ID", "z").withIndex(7)));
    assertFails(
        ResultReason.ATTRIBUTE_INSTANCE_NOT_FOUND,
        () -> modify(V2_1, uid, custom("ID", "nope"), custom("ID", "z")));
    assertFails(ResultReason.INVALID_FIELD, () -> modify(V2_1, uid, null, custom("ID", "z")));
    assertFails(
        ResultReason.ATTRIBUTE_NOT_FOUND, () -> modify(V2_1, uid, null, custom("Other", "z")));
    assertFails(ResultReason.INVALID_FIELD, () -> modify(V1_4, uid, null, custom("Other", "z")));
  }

  @Test
  void namesStayUniqueAmongTheCallersLiveObjects() {
    String first = createKey("taken");
    String second = createKey("free");

    assertFails(
        ResultReason.NON_UNIQUE_NAME_ATTRIBUTE, () -> modify(V2_1, second, null, name("taken")));
    assertFails(ResultReason.ILLEGAL_OPERATION, () -> add(V1_4, second, name("taken")));
    assertFails(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE, () -> add(V2_1, first, name("taken")));
    modify(V2_1, first, null, name("taken")); // its own name again
    modify(V2_1, second, null, name("renamed"));
    assertThat(record(second).attributes().all(Tag.NAME.code())).containsExactly(name("renamed"));
  }

  @Test
  void activationDateInThePastActivatesAndThenCannotChange() {
    String uid = createKey("k", date(Tag.ACTIVATION_DATE, now.plus(Duration.ofDays(1))));
    assertThat(record(uid).state()).isEqualTo(State.PRE_ACTIVE);

    modify(V2_1, uid, null, date(Tag.ACTIVATION_DATE, now.minusSeconds(60)));

    assertThat(record(uid).state()).isEqualTo(State.ACTIVE);
    assertFails(
        ResultReason.WRONG_KEY_LIFECYCLE_STATE,
        () -> modify(V2_1, uid, null, date(Tag.ACTIVATION_DATE, now)));
    assertFails(
        ResultReason.PERMISSION_DENIED,
        () -> modify(V1_4, uid, null, date(Tag.ACTIVATION_DATE, now)));
  }

  @Test
  void deactivationDateReachedDeactivatesAnActiveObject() {
    String uid = createKey("k", date(Tag.ACTIVATION_DATE, now.minusSeconds(600)));
    assertThat(record(uid).state()).isEqualTo(State.ACTIVE);

    add(V1_4, uid, date(Tag.DEACTIVATION_DATE, now.minusSeconds(1)));

    assertThat(record(uid).state()).isEqualTo(State.DEACTIVATED);
    assertFails(
        ResultReason.WRONG_KEY_LIFECYCLE_STATE,
        () -> modify(V2_1, uid, null, date(Tag.DEACTIVATION_DATE, now.plusSeconds(60))));
  }

  @Test
  void deleteRemovesByIndexByValueOrAll() {
    String uid = createKey("k", custom("ID", "a"), custom("ID", "b"), custom("ID", "c"));
    AttributeReference id = custom("ID", "x").reference();

    assertThat(delete(V1_4, new DeleteAttribute.Request(uid, id, 1, null)).attribute())
        .isEqualTo(custom("ID", "b").withIndex(1));
    assertThat(record(uid).attributes().all(id))
        .containsExactly(custom("ID", "a"), custom("ID", "c").withIndex(2));
    assertFails(
        ResultReason.ITEM_NOT_FOUND,
        () -> delete(V1_4, new DeleteAttribute.Request(uid, id, 1, null)));

    delete(V2_1, new DeleteAttribute.Request(uid, null, null, custom("ID", "c")));
    assertThat(record(uid).attributes().all(id)).containsExactly(custom("ID", "a"));
    add(V2_1, uid, custom("ID", "d"));
    delete(V2_1, new DeleteAttribute.Request(uid, id, null, null));
    assertThat(record(uid).attributes().all(id)).isEmpty();
    assertFails(
        ResultReason.ATTRIBUTE_NOT_FOUND,
        () -> delete(V2_1, new DeleteAttribute.Request(uid, id, null, null)));
  }

  @Test
  void activationDateCannotBeDeleted() {
    String uid = createKey("k", date(Tag.ACTIVATION_DATE, now.plusSeconds(600)));
    assertFails(
        ResultReason.ATTRIBUTE_READ_ONLY,
        () ->
            delete(
                V2_1,
                new DeleteAttribute.Request(
                    uid, AttributeReference.tag(Tag.ACTIVATION_DATE.code()), null, null)));
  }

  @Test
  void setAddsOrReplacesASingleInstance() {
    String uid = createKey("k", custom("Many", "1"), custom("Many", "2"));
    set(V2_1, uid, text(Tag.DESCRIPTION, "one"));
    set(V2_1, uid, text(Tag.DESCRIPTION, "two"));

    assertThat(record(uid).attributes().all(Tag.DESCRIPTION.code()))
        .containsExactly(text(Tag.DESCRIPTION, "two"));
    assertFails(ResultReason.MULTI_VALUED_ATTRIBUTE, () -> set(V2_1, uid, custom("Many", "3")));
    assertFails(ResultReason.READ_ONLY_ATTRIBUTE, () -> set(V2_1, uid, AES));
  }

  @Test
  void otherUsersObjectsCannotBeChanged() {
    String bobs = createKey("bob", "k");
    RequestContext alice = as(V2_1);
    assertFails(
        ResultReason.OBJECT_NOT_FOUND,
        () ->
            Wire.handle(
                new AddAttributeHandler(objects),
                new AddAttribute.Request(bobs, text(Tag.DESCRIPTION, "mine")).encode(V2_1),
                alice));
    assertThat(record(bobs).attributes().all(Tag.DESCRIPTION.code())).isEmpty();
  }

  @Test
  void aChangeIsUndoneWithItsBatch() throws Exception {
    String uid = createKey("k");
    RequestContext context = as(V2_1);
    Wire.handle(
        new AddAttributeHandler(objects),
        new AddAttribute.Request(uid, text(Tag.DESCRIPTION, "d")).encode(V2_1),
        context);
    assertThat(record(uid).attributes().all(Tag.DESCRIPTION.code())).hasSize(1);

    var undoAll = context.batch().getClass().getDeclaredMethod("undoAll");
    undoAll.setAccessible(true);
    undoAll.invoke(context.batch());

    assertThat(record(uid).attributes().all(Tag.DESCRIPTION.code())).isEmpty();
  }
}

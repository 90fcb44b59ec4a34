package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arca.kmip.ItemType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeRule;
import io.arca.kmip.attribute.AttributeRules;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectQuery;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every version's attribute rules table (KMIP 1.0-1.3 derived from 1.4, 1.4, 2.0,
 * 2.1), through the real Add, Modify, Delete Attribute and Create handlers on a real store: what
 * the row lets a client do succeeds, what it does not is refused with the version's Result Reason,
 * and a refused request stores nothing. The expectation is read from the row, never listed here.
 */
class AttributeRulesTableTest extends AttributeTestBase {
  private static final AttributeRules RULES = AttributeRules.standard();

  /** The record's own fields, which no request sets (the object's identity and history). */
  private static final Set<Tag> RECORD_FIELDS =
      Set.of(
          Tag.UNIQUE_IDENTIFIER,
          Tag.OBJECT_TYPE,
          Tag.STATE,
          Tag.INITIAL_DATE,
          Tag.LAST_CHANGE_DATE);

  /** Server-set attributes a Create request states (the Create sections of 1.4 and 2.1). */
  private static final Set<Tag> STATED_BY_CREATE =
      Set.of(Tag.CRYPTOGRAPHIC_ALGORITHM, Tag.CRYPTOGRAPHIC_LENGTH, Tag.CERTIFICATE_TYPE);

  static Stream<Arguments> everyRow() {
    return AttributeRules.VERSIONS.stream()
        .flatMap(v -> RULES.table(v).stream().map(rule -> Arguments.of(v, rule.tag(), rule)));
  }

  @ParameterizedTest(name = "KMIP {0} {1}")
  @MethodSource("everyRow")
  void addModifyAndDeleteFollowTheRow(ProtocolVersion v, Tag tag, AttributeRule rule) {
    String uid = createKey("k");
    Attribute value = sample(tag);
    Attributes before = record(uid).attributes();
    boolean present = !before.all(tag.code()).isEmpty();

    ResultReason addRefusal = addRefusal(v, tag, rule, present);
    Executable add =
        () ->
            Wire.handle(
                new AddAttributeHandler(objects),
                new AddAttribute.Request(uid, value).encode(v),
                as(v));
    if (addRefusal != null) {
      assertRefused(addRefusal, add);
      assertThat(record(uid).attributes()).isEqualTo(before);
    } else {
      try {
        add.execute();
      } catch (Throwable e) {
        throw new AssertionError("Add of " + tag + " in " + v + " was refused", e);
      }
      assertThat(record(uid).attributes().all(tag.code())).isNotEmpty();
    }

    Attributes held = record(uid).attributes();
    Attribute instance = held.first(tag.code());
    ResultReason ruleRefusal =
        editRefusal(v, tag, rule, rule.modifiableByClient(), ResultReason.ATTRIBUTE_READ_ONLY);
    Executable modify =
        () ->
            Wire.handle(
                new ModifyAttributeHandler(objects),
                new ModifyAttribute.Request(uid, null, instance == null ? value : instance)
                    .encode(v),
                as(v));
    if (ruleRefusal != null) {
      assertRefused(ruleRefusal, modify);
      assertThat(record(uid).attributes()).isEqualTo(held);
    } else if (instance != null && held.all(tag.code()).size() == 1) {
      runs(modify, "Modify", tag, v);
    }

    held = record(uid).attributes();
    ResultReason deleteRefusal =
        editRefusal(v, tag, rule, rule.deletableByClient(), ResultReason.ATTRIBUTE_READ_ONLY);
    Executable delete =
        () ->
            Wire.handle(
                new DeleteAttributeHandler(objects),
                new DeleteAttribute.Request(uid, value.reference(), null, null).encode(v),
                as(v));
    if (deleteRefusal != null) {
      assertRefused(deleteRefusal, delete);
      assertThat(record(uid).attributes()).isEqualTo(held);
    } else if (!held.all(tag.code()).isEmpty()) {
      runs(delete, "Delete", tag, v);
      // 1.x deletes the instance of index 0, 2.x every instance the reference names.
      assertThat(record(uid).attributes().all(tag.code()).size())
          .isLessThan(held.all(tag.code()).size());
    }
  }

  @ParameterizedTest(name = "KMIP {0} {1}")
  @MethodSource("everyRow")
  void createTakesWhatTheRowLetsAClientSetInitially(
      ProtocolVersion v, Tag tag, AttributeRule rule) {
    if (tag == Tag.CRYPTOGRAPHIC_ALGORITHM || tag == Tag.CRYPTOGRAPHIC_LENGTH) {
      return; // every Create of a key states them; the other rows show they are taken
    }
    List<Attribute> items = new ArrayList<>();
    items.add(sample(Tag.CRYPTOGRAPHIC_ALGORITHM));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    Attribute value = sample(tag);
    items.add(value);
    TtlvStructure request =
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
            .encode(v);
    int objectsBefore = store.locate(ObjectQuery.all(1000)).size();
    Executable create = () -> Wire.handle(new CreateHandler(store), request, as(v));

    ResultReason refusal = null;
    if (RECORD_FIELDS.contains(tag)
        || !(rule.initiallySetByClient() || STATED_BY_CREATE.contains(tag))) {
      refusal = readOnly(v);
    } else if (!appliesToKeys(rule)) {
      refusal = notApplicable(v);
    }
    if (tag == Tag.UNIQUE_IDENTIFIER && v.isAtLeast(ProtocolVersion.V2_0)) {
      return; // a 2.x Create names its new object so (ChosenIdentifierHandlersTest)
    }
    if (refusal != null) {
      assertRefused(refusal, create);
      assertThat(store.locate(ObjectQuery.all(1000))).hasSize(objectsBefore);
    } else {
      runs(create, "Create", tag, v);
      assertThat(store.locate(ObjectQuery.all(1000))).hasSize(objectsBefore + 1);
    }
  }

  /** The refusal an Add must get, or null when the row lets it through. */
  private static @Nullable ResultReason addRefusal(
      ProtocolVersion v, Tag tag, AttributeRule rule, boolean present) {
    ResultReason refusal =
        editRefusal(
            v,
            tag,
            rule,
            rule.initiallySetByClient() || rule.modifiableByClient(),
            ResultReason.READ_ONLY_ATTRIBUTE);
    if (refusal == null && rule.isSingleValued() && present) {
      return v.isAtLeast(ProtocolVersion.V2_0)
          ? ResultReason.ATTRIBUTE_SINGLE_VALUED
          : ResultReason.ILLEGAL_OPERATION;
    }
    return refusal;
  }

  /**
   * The refusal of an edit, or null; {@code readOnlyV2} is the reason the operation's 2.x error
   * table names for a read-only attribute (Add: Read Only Attribute; Modify, Delete: Attribute Read
   * Only).
   */
  private static @Nullable ResultReason editRefusal(
      ProtocolVersion v,
      Tag tag,
      AttributeRule rule,
      boolean columnAllows,
      ResultReason readOnlyV2) {
    if (RECORD_FIELDS.contains(tag) || !columnAllows) {
      return v.isAtLeast(ProtocolVersion.V2_0) ? readOnlyV2 : ResultReason.PERMISSION_DENIED;
    }
    return appliesToKeys(rule) ? null : notApplicable(v);
  }

  /** Whether the row allows a symmetric key; a qualified cell is not enforced. */
  private static boolean appliesToKeys(AttributeRule rule) {
    return rule.appliesTo(ObjectType.SYMMETRIC_KEY) || rule.isQualified("applies_to");
  }

  private static ResultReason readOnly(ProtocolVersion v) {
    return v.isAtLeast(ProtocolVersion.V2_0)
        ? ResultReason.ATTRIBUTE_READ_ONLY
        : ResultReason.PERMISSION_DENIED;
  }

  private static ResultReason notApplicable(ProtocolVersion v) {
    return v.isAtLeast(ProtocolVersion.V2_0)
        ? ResultReason.INVALID_ATTRIBUTE
        : ResultReason.PERMISSION_DENIED;
  }

  private static void assertRefused(ResultReason reason, Executable call) {
    KmipException e = assertThrows(KmipException.class, call);
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
  }

  private static void runs(Executable call, String what, Tag tag, ProtocolVersion v) {
    try {
      call.execute();
    } catch (Throwable e) {
      throw new AssertionError(what + " with " + tag + " in KMIP " + v + " was refused", e);
    }
  }

  /** A well-formed value of the attribute, in the future where it is a date. */
  private Attribute sample(Tag tag) {
    return Attribute.of(sampleValue(tag));
  }

  private Ttlv sampleValue(Tag tag) {
    int code = tag.code();
    if (tag == Tag.NAME) {
      return name("row-" + System.nanoTime()).value();
    }
    if (tag == Tag.CRYPTOGRAPHIC_ALGORITHM) {
      return new TtlvEnumeration(code, io.arca.kmip.CryptographicAlgorithm.AES.value());
    }
    if (tag == Tag.LINK) {
      return TtlvStructure.of(
          code,
          new TtlvEnumeration(Tag.LINK_TYPE.code(), LinkType.PARENT_LINK.value()),
          new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), "other"));
    }
    Set<ItemType> types = tag.itemTypes();
    if (types.contains(ItemType.DATE_TIME)) {
      return TtlvDateTime.of(code, now.plus(Duration.ofDays(30)));
    }
    if (types.contains(ItemType.BOOLEAN)) {
      return new TtlvBoolean(code, true);
    }
    if (types.contains(ItemType.ENUMERATION)) {
      return new TtlvEnumeration(code, 1);
    }
    if (types.contains(ItemType.INTEGER)) {
      return new TtlvInteger(code, 1);
    }
    if (types.contains(ItemType.LONG_INTEGER)) {
      return new TtlvLongInteger(code, 1);
    }
    if (types.contains(ItemType.BIG_INTEGER)) {
      return new TtlvBigInteger(code, BigInteger.ONE);
    }
    if (types.contains(ItemType.INTERVAL)) {
      return new TtlvInterval(code, 60);
    }
    if (types.contains(ItemType.BYTE_STRING)) {
      return TtlvByteString.of(code, new byte[] {1});
    }
    if (types.contains(ItemType.TEXT_STRING)) {
      return new TtlvTextString(code, "v");
    }
    return new TtlvStructure(code, List.of());
  }
}

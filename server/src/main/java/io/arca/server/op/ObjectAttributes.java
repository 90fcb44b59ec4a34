package io.arca.server.op;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ValueVersions;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.AttributeRules;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * An object's attributes as clients see them: the ones the store keeps, plus those the record
 * itself holds (Unique Identifier, Object Type, State, Initial Date, Last Change Date), which are
 * never stored twice.
 */
final class ObjectAttributes {
  private static final AttributeRules RULES = AttributeRules.standard();

  private ObjectAttributes() {}

  /**
   * The attributes a client of {@code version} can be told about: an attribute its version does not
   * define (Fresh for KMIP 1.0, the 2.x-only attributes for 1.x, 1.x-only ones for 2.x) is left
   * out, and so is an instance whose value the version lacks (Cryptographic Algorithm EC for 1.0, a
   * Link of a 1.2 Link Type) and a vendor attribute that 1.x cannot name (only custom "x-"/"y-"
   * ones can be).
   */
  static Attributes forVersion(Attributes attributes, ProtocolVersion version) {
    List<Attribute> kept = new ArrayList<>();
    boolean changed = false;
    for (Attribute attribute : attributes.items()) {
      if (isDefinedIn(attribute.reference(), version)
          && ValueVersions.firstUndefinedValue(attribute.value(), version) == null) {
        Attribute shown = withFieldsOf(attribute, version);
        changed |= !shown.equals(attribute);
        kept.add(shown);
      } else {
        changed = true;
      }
    }
    return changed ? new Attributes(kept, attributes.templateNames()) : attributes;
  }

  /**
   * The attribute with only the fields {@code version} defines: a Digest has no Key Format Type in
   * KMIP 1.0, and a 1.0 client rejects one.
   */
  private static Attribute withFieldsOf(Attribute attribute, ProtocolVersion version) {
    if (version.isAtLeast(ProtocolVersion.V1_1)
        || !(attribute.value() instanceof TtlvStructure digest)
        || digest.tag() != Tag.DIGEST.code()
        || digest.first(Tag.KEY_FORMAT_TYPE.code()) == null) {
      return attribute;
    }
    List<Ttlv> fields = new ArrayList<>();
    for (Ttlv field : digest.items()) {
      if (field.tag() != Tag.KEY_FORMAT_TYPE.code()) {
        fields.add(field);
      }
    }
    return new Attribute(
        attribute.reference(), attribute.index(), new TtlvStructure(Tag.DIGEST.code(), fields));
  }

  /**
   * Whether a client of {@code version} knows the attribute: its tag exists in that version and is
   * an attribute there (Key Format Type is a field in 1.x and an attribute only from 2.0).
   */
  static boolean isDefinedIn(AttributeReference reference, ProtocolVersion version) {
    if (reference instanceof AttributeReference.Tagged tagged) {
      Tag known = Tag.byCode(tagged.tag());
      // Vendor tags (0x54xxxx) have no version; they pass as they came.
      return known == null
          ? (tagged.tag() >>> 16) == 0x54
          : known.isDefinedIn(version) && RULES.isAttribute(reference, version);
    }
    return version.isAtLeast(ProtocolVersion.V2_0) || reference.name() != null;
  }

  /** The attribute's name for messages: its XML name, or the custom or vendor name. */
  static String nameOf(AttributeReference reference) {
    if (reference instanceof AttributeReference.Tagged tagged) {
      return TagNames.of(tagged.tag());
    }
    AttributeReference.Vendor vendor = (AttributeReference.Vendor) reference;
    return vendor.vendorIdentification() + ":" + vendor.attributeName();
  }

  /** Every attribute of the object, the record's own first. */
  static Attributes of(ObjectRecord record) {
    List<Attribute> items = new ArrayList<>();
    items.add(Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), record.uid())));
    items.add(
        Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), record.objectType().value())));
    items.add(Attribute.of(new TtlvEnumeration(Tag.STATE.code(), record.state().value())));
    items.add(Attribute.of(TtlvDateTime.of(Tag.INITIAL_DATE.code(), record.createdAt())));
    items.add(Attribute.of(TtlvDateTime.of(Tag.LAST_CHANGE_DATE.code(), record.updatedAt())));
    items.addAll(record.attributes().items());
    items.addAll(ServerAttributes.derived(record));
    return new Attributes(items, List.of());
  }

  /**
   * The instances of the attributes asked for, in the order asked (all of them when none is named);
   * an attribute the object does not have is left out, as the specification says.
   */
  static Attributes select(ObjectRecord record, List<AttributeReference> asked) {
    Attributes all = of(record);
    if (asked.isEmpty()) {
      return all;
    }
    List<Attribute> chosen = new ArrayList<>();
    for (AttributeReference reference : asked) {
      for (Attribute attribute : all.all(reference)) {
        if (!chosen.contains(attribute)) {
          chosen.add(attribute);
        }
      }
    }
    return new Attributes(chosen, List.of());
  }

  /** {@code attributes} with every instance of {@code value}'s attribute replaced by it. */
  static Attributes replace(Attributes attributes, Attribute value) {
    List<Attribute> items = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      if (!attribute.reference().equals(value.reference())) {
        items.add(attribute);
      }
    }
    items.add(value.withIndex(0));
    return new Attributes(items, List.of());
  }

  /** The references of the record's own attributes, which clients never set. */
  static boolean isRecordField(AttributeReference reference) {
    return reference instanceof AttributeReference.Tagged tagged
        && (tagged.tag() == Tag.UNIQUE_IDENTIFIER.code()
            || tagged.tag() == Tag.OBJECT_TYPE.code()
            || tagged.tag() == Tag.STATE.code()
            || tagged.tag() == Tag.INITIAL_DATE.code()
            || tagged.tag() == Tag.LAST_CHANGE_DATE.code());
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed read access to attributes (KMIP 1.4 §3, 2.1 §4), a stored object's or those a request
 * gives, so that a handler asks for the Cryptographic Algorithm or the Sensitive flag by name
 * instead of decoding attribute TTLV by tag. Absent attributes read as the specification's defaults
 * where it has one (Sensitive false, Extractable true, Fresh false), else as null or empty.
 */
record AttributeView(Attributes attributes) {

  /** The attributes of {@code record}. */
  static AttributeView of(ObjectRecord record) {
    return new AttributeView(record.attributes());
  }

  /** The Cryptographic Algorithm's value, or null. */
  @Nullable Integer cryptographicAlgorithm() {
    return intValue(Tag.CRYPTOGRAPHIC_ALGORITHM);
  }

  /** The Cryptographic Length in bits, or null. */
  @Nullable Integer cryptographicLength() {
    return intValue(Tag.CRYPTOGRAPHIC_LENGTH);
  }

  /** The Cryptographic Usage Mask, or null. */
  @Nullable Integer usageMask() {
    return intValue(Tag.CRYPTOGRAPHIC_USAGE_MASK);
  }

  /** Whether the key may leave only wrapped. */
  boolean sensitive() {
    return ServerAttributes.flag(attributes, Tag.SENSITIVE, false);
  }

  /** Whether the object must be quantum safe (2.1). */
  boolean quantumSafe() {
    return ServerAttributes.flag(attributes, Tag.QUANTUM_SAFE, false);
  }

  /** Whether the key may leave at all. */
  boolean extractable() {
    return ServerAttributes.flag(attributes, Tag.EXTRACTABLE, true);
  }

  /** Whether the object has never been served. */
  boolean fresh() {
    return ServerAttributes.flag(attributes, Tag.FRESH, false);
  }

  /** The identifier the first Link of {@code type} names. */
  Optional<String> link(LinkType type) {
    return links(type).stream().findFirst();
  }

  /** The identifiers the Links of {@code type} name, in their order. */
  List<String> links(LinkType type) {
    List<String> uids = new ArrayList<>();
    for (Attribute link : attributes.all(Tag.LINK.code())) {
      linkedId(link, type).ifPresent(uids::add);
    }
    return uids;
  }

  /** The identifier {@code attribute} links to when it is a Link of {@code type}. */
  static Optional<String> linkedId(Attribute attribute, LinkType type) {
    return attribute.value() instanceof TtlvStructure value
            && value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
            && linkType.value() == type.value()
            && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString uid
        ? Optional.of(uid.value())
        : Optional.empty();
  }

  /** How many Links the object has, of every type: the index the next one takes. */
  int linkCount() {
    return attributes.all(Tag.LINK.code()).size();
  }

  /**
   * The date attribute {@code tag} names (Activation Date, Deactivation Date, ...), or null.
   *
   * @throws KmipException Invalid Field for a date beyond {@link Instant}'s range
   */
  @Nullable Instant date(Tag tag) {
    Attribute attribute = attributes.first(tag.code());
    if (attribute == null || !(attribute.value() instanceof TtlvDateTime date)) {
      return null;
    }
    try {
      return date.instant();
    } catch (DateTimeException e) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          tag.xmlName() + ": out of range (expected: within a billion years of 1970)");
    }
  }

  /** Whether the attributes give the attribute {@code tag} names, whatever its value. */
  boolean gives(Tag tag) {
    return attributes.first(tag.code()) != null;
  }

  /** The object's own Cryptographic Algorithm and Length attributes, as first instances. */
  List<Attribute> algorithmAndLength() {
    List<Attribute> own = new ArrayList<>();
    for (Tag tag : List.of(Tag.CRYPTOGRAPHIC_ALGORITHM, Tag.CRYPTOGRAPHIC_LENGTH)) {
      Attribute attribute = attributes.first(tag.code());
      if (attribute != null) {
        own.add(attribute.withIndex(0));
      }
    }
    return own;
  }

  /** The PKCS#12 Friendly Name, or empty. */
  Optional<String> pkcs12FriendlyName() {
    Attribute name = attributes.first(Tag.PKCS_12_FRIENDLY_NAME.code());
    return name != null && name.value() instanceof TtlvTextString text
        ? Optional.of(text.value())
        : Optional.empty();
  }

  /** The Unique Identifier attributes a request gives (a new object's chosen identifier). */
  List<Attribute> uniqueIdentifiers() {
    return attributes.all(Tag.UNIQUE_IDENTIFIER.code());
  }

  /** The Name attributes, in their order. */
  List<Attribute> names() {
    return attributes.all(Tag.NAME.code());
  }

  /** The text of a Name (or template name) structure's Name Value, if it has one. */
  static Optional<String> nameValue(Ttlv name) {
    return name instanceof TtlvStructure structure
            && structure.first(Tag.NAME_VALUE.code()) instanceof TtlvTextString text
        ? Optional.of(text.value())
        : Optional.empty();
  }

  /** The Usage Limits, if the object has them. */
  Optional<UsageLimits> usageLimits() {
    return structure(Tag.USAGE_LIMITS).map(UsageLimits::new);
  }

  /** The Cryptographic Parameters stored with the object, if any. */
  Optional<CryptographicParameters> cryptographicParameters() {
    return structure(Tag.CRYPTOGRAPHIC_PARAMETERS).map(CryptographicParameters::decode);
  }

  /** The Recommended Curve of the Cryptographic Domain Parameters, or null. */
  @Nullable Integer recommendedCurve() {
    return structure(Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS)
        .map(s -> s.first(Tag.RECOMMENDED_CURVE.code()) instanceof TtlvEnumeration e ? e : null)
        .map(TtlvEnumeration::value)
        .orElse(null);
  }

  /** Whether a Digest of the key in Key Format Type {@code format} is among the attributes. */
  boolean hasDigestIn(int format) {
    for (Attribute digest : attributes.all(Tag.DIGEST.code())) {
      if (digest.value() instanceof TtlvStructure value
          && value.first(Tag.KEY_FORMAT_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == format) {
        return true;
      }
    }
    return false;
  }

  /** Whether the client gave an Original Creation Date (the tables let it set one initially). */
  /** The values of the Object Group instances (what scopes Object Defaults and Constraints). */
  Set<String> objectGroups() {
    Set<String> groups = new HashSet<>();
    for (Attribute group : attributes.all(Tag.OBJECT_GROUP.code())) {
      if (group.value() instanceof TtlvTextString text) {
        groups.add(text.value());
      }
    }
    return groups;
  }

  boolean hasOriginalCreationDate() {
    return attributes.first(Tag.ORIGINAL_CREATION_DATE.code()) != null;
  }

  private Optional<TtlvStructure> structure(Tag tag) {
    Attribute attribute = attributes.first(tag.code());
    return attribute != null && attribute.value() instanceof TtlvStructure value
        ? Optional.of(value)
        : Optional.empty();
  }

  /** The value of a single-valued Integer or Enumeration attribute, or null. */
  private @Nullable Integer intValue(Tag tag) {
    Attribute attribute = attributes.first(tag.code());
    if (attribute == null) {
      return null;
    }
    if (attribute.value() instanceof TtlvEnumeration e) {
      return e.value();
    }
    if (attribute.value() instanceof TtlvInteger i) {
      return i.value();
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        tag.xmlName() + ": wrong item type " + attribute.value().type().xmlName());
  }
}

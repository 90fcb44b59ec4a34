package io.arca.kmip;

import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import org.jspecify.annotations.Nullable;

/**
 * Finds the enumeration values and mask bits of a message that a protocol version does not define,
 * as vocabulary.tsv dates them (its since/until columns, from the 1.0-2.1 enumeration tables). The
 * same table judges what a request may say and what an answer may carry: a 1.0 request naming
 * Cryptographic Algorithm EC (1.2) is refused, and a 1.0 client is never sent Object Type PGP Key.
 *
 * <p>A value the vocabulary does not know (an extension, 0x8xxxxxxx, or a number no version
 * assigns) is left to the payload decoders, which know whether the field admits extensions. Values
 * of the Tag enumeration (2.x Attribute Reference) are left to the attribute rules, which answer an
 * attribute the version lacks with their own reasons.
 */
public final class ValueVersions {
  private ValueVersions() {}

  /** A value found under {@code tag} that the version does not define. */
  public record Undefined(int tag, KmipEnumeration value) {
    /** "CryptographicAlgorithm EC is not defined in KMIP 1.0 (it came with 1.2)". */
    public String describe(ProtocolVersion version) {
      ProtocolVersion last = value.until();
      String span =
          last == null || !version.isAtLeast(last)
              ? "it came with " + value.since()
              : "its last version is " + last;
      return TagNames.of(tag)
          + " "
          + value.xmlName()
          + " is not defined in KMIP "
          + version
          + " ("
          + span
          + ")";
    }
  }

  /**
   * The first value in {@code tree}, depth first, that {@code version} does not define, or null
   * when every known value is defined. A 1.x Attribute's value (tagged Attribute Value) is judged
   * as the attribute its Attribute Name designates.
   */
  public static @Nullable Undefined firstUndefined(Ttlv tree, ProtocolVersion version) {
    return firstUndefined(tree, tree.tag(), version);
  }

  private static @Nullable Undefined firstUndefined(Ttlv item, int tag, ProtocolVersion version) {
    if (item instanceof TtlvStructure structure) {
      return structure.tag() == Tag.ATTRIBUTE.code()
          ? inAttribute(structure, version)
          : inItems(structure, version);
    }
    EnumerationType type = Enumerations.forTag(tag);
    if (type == null || type.xmlName().equals("Tag")) {
      return null;
    }
    if (item instanceof TtlvEnumeration enumeration && !type.isMask()) {
      return judged(tag, type.byValue(enumeration.value()), version);
    }
    if (item instanceof TtlvInteger mask && type.isMask()) {
      int bits = mask.value();
      while (bits != 0) {
        int bit = Integer.lowestOneBit(bits);
        Undefined found = judged(tag, type.byValue(bit), version);
        if (found != null) {
          return found;
        }
        bits &= ~bit;
      }
    }
    return null;
  }

  private static @Nullable Undefined inItems(TtlvStructure structure, ProtocolVersion version) {
    for (Ttlv child : structure.items()) {
      Undefined found = firstUndefined(child, child.tag(), version);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A 1.x Attribute: its Attribute Value is read as the named attribute's own tag. */
  private static @Nullable Undefined inAttribute(TtlvStructure attribute, ProtocolVersion version) {
    Tag named =
        attribute.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString name
            ? Tag.bySpecName(name.value())
            : null;
    for (Ttlv child : attribute.items()) {
      int tag =
          child.tag() == Tag.ATTRIBUTE_VALUE.code() && named != null ? named.code() : child.tag();
      Undefined found = firstUndefined(child, tag, version);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @Nullable Undefined judged(
      int tag, @Nullable KmipEnumeration value, ProtocolVersion version) {
    return value != null && !value.isDefinedIn(version) ? new Undefined(tag, value) : null;
  }
}

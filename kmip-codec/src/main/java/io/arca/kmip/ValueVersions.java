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
 * <p>Values under a tag the version lacks are not judged: the field or attribute itself is refused
 * or withheld by the rules that know it. A value the vocabulary does not know (an extension,
 * 0x8xxxxxxx, or a number no version assigns) is left to the payload decoders, which know whether
 * the field admits extensions. Values of the Tag enumeration (2.x Attribute Reference) are left to
 * the attribute rules, which answer an attribute the version lacks with their own reasons.
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
   * The first value or mask bit in a request's {@code tree}, depth first, that {@code version} does
   * not define, or null when every known one is defined. A 1.x Attribute's value (tagged Attribute
   * Value) is judged as the attribute its Attribute Name designates.
   */
  public static @Nullable Undefined firstUndefined(Ttlv tree, ProtocolVersion version) {
    return new Walk(version, true).first(tree, tree.tag());
  }

  /**
   * Like {@link #firstUndefined}, for an answer: enumeration values only. A mask bit 2.x reserved
   * (Export, 0x40) stays in the mask of an object made by a 1.x client, as the spec leaves reserved
   * bits to be ignored, rather than the whole Cryptographic Usage Mask being withheld.
   */
  public static @Nullable Undefined firstUndefinedValue(Ttlv tree, ProtocolVersion version) {
    return new Walk(version, false).first(tree, tree.tag());
  }

  private record Walk(ProtocolVersion version, boolean maskBits) {
    @Nullable Undefined first(Ttlv item, int tag) {
      return firstUndefined(item, tag, version, maskBits);
    }
  }

  private static @Nullable Undefined firstUndefined(
      Ttlv item, int tag, ProtocolVersion version, boolean maskBits) {
    Tag known = Tag.byCode(tag);
    if (known != null && !known.isDefinedIn(version)) {
      // A field or attribute the version lacks is refused (or withheld) as such, with the reason
      // its own rules give (1.x Permission Denied for Key Value Location in 1.0), not for its
      // values.
      return null;
    }
    if (item instanceof TtlvStructure structure) {
      return structure.tag() == Tag.ATTRIBUTE.code()
          ? inAttribute(structure, version, maskBits)
          : inItems(structure, version, maskBits);
    }
    EnumerationType type = Enumerations.forTag(tag);
    if (type == null || type.xmlName().equals("Tag")) {
      return null;
    }
    if (item instanceof TtlvEnumeration enumeration && !type.isMask()) {
      return judged(tag, type.byValue(enumeration.value()), version);
    }
    if (item instanceof TtlvInteger mask && type.isMask() && maskBits) {
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

  private static @Nullable Undefined inItems(
      TtlvStructure structure, ProtocolVersion version, boolean maskBits) {
    for (Ttlv child : structure.items()) {
      Undefined found = firstUndefined(child, child.tag(), version, maskBits);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A 1.x Attribute: its Attribute Value is read as the named attribute's own tag. */
  private static @Nullable Undefined inAttribute(
      TtlvStructure attribute, ProtocolVersion version, boolean maskBits) {
    Tag named =
        attribute.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString name
            ? Tag.bySpecName(name.value())
            : null;
    for (Ttlv child : attribute.items()) {
      int tag =
          child.tag() == Tag.ATTRIBUTE_VALUE.code() && named != null ? named.code() : child.tag();
      Undefined found = firstUndefined(child, tag, version, maskBits);
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

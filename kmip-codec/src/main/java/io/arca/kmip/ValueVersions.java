package io.arca.kmip;

import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;
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
    return first(tree, version, true);
  }

  /**
   * Like {@link #firstUndefined}, for an answer: enumeration values only. A mask bit 2.x reserved
   * (Export, 0x40) stays in the mask of an object made by a 1.x client, as the spec leaves reserved
   * bits to be ignored, rather than the whole Cryptographic Usage Mask being withheld.
   */
  public static @Nullable Undefined firstUndefinedValue(Ttlv tree, ProtocolVersion version) {
    return first(tree, version, false);
  }

  private static @Nullable Undefined first(Ttlv tree, ProtocolVersion version, boolean maskBits) {
    Lacking lacking = Lacking.of(version);
    return lacking.none() ? null : firstUndefined(tree, tree.tag(), version, maskBits, lacking);
  }

  /**
   * Which standard tags hold an enumeration or mask with a value {@code version} lacks: every
   * request and answer is walked, and most of their fields can hold nothing the version lacks, so
   * the walk asks this table before looking a value up.
   */
  private static final class Lacking {
    private static final int FIRST_TAG = 0x420000;
    private static final int SPAN = 0x10000;

    /** Made once for each version KMIP defines, by {@code major * 10 + minor}. */
    private static final Lacking[] DEFINED = new Lacking[22];

    static {
      for (ProtocolVersion version :
          List.of(
              ProtocolVersion.V1_0,
              ProtocolVersion.V1_1,
              ProtocolVersion.V1_2,
              ProtocolVersion.V1_3,
              ProtocolVersion.V1_4,
              ProtocolVersion.V2_0,
              ProtocolVersion.V2_1)) {
        DEFINED[code(version)] = made(version);
      }
    }

    static Lacking of(ProtocolVersion version) {
      int code = code(version);
      Lacking defined = code >= 0 && code < DEFINED.length ? DEFINED[code] : null;
      return defined != null ? defined : made(version);
    }

    private static int code(ProtocolVersion version) {
      return version.minor() < 10 ? version.major() * 10 + version.minor() : -1;
    }

    private static Lacking made(ProtocolVersion version) {
      boolean[] byTag = new boolean[maxStandardTag() - FIRST_TAG + 1];
      boolean[] tagUndefined = new boolean[byTag.length];
      boolean none = true;
      for (int i = 0; i < byTag.length; i++) {
        EnumerationType type = Enumerations.forTag(FIRST_TAG + i);
        byTag[i] =
            type != null
                && !type.xmlName().equals("Tag")
                && type.values().stream().anyMatch(value -> !value.isDefinedIn(version));
        none &= !byTag[i];
        Tag known = Tag.byCode(FIRST_TAG + i);
        tagUndefined[i] = known != null && !known.isDefinedIn(version);
      }
      return new Lacking(byTag, tagUndefined, none, version);
    }

    private final boolean[] byTag;
    private final boolean[] tagUndefined;
    private final boolean none;
    private final ProtocolVersion version;

    private Lacking(
        boolean[] byTag, boolean[] tagUndefined, boolean none, ProtocolVersion version) {
      this.byTag = byTag;
      this.tagUndefined = tagUndefined;
      this.none = none;
      this.version = version;
    }

    /**
     * Whether {@code tag} is a tag KMIP assigns that the version does not define: a table lookup
     * for the standard tags, as the walk asks it of every structure.
     */
    boolean tagUndefined(int tag) {
      int i = tag - FIRST_TAG;
      if (i >= 0 && i < tagUndefined.length) {
        return tagUndefined[i];
      }
      Tag known = Tag.byCode(tag);
      return known != null && !known.isDefinedIn(version);
    }

    /** Whether the version lacks no value at all. */
    boolean none() {
      return none;
    }

    private static int maxStandardTag() {
      int max = FIRST_TAG;
      for (Tag tag : Tag.values()) {
        if (tag.code() >>> 16 == FIRST_TAG >>> 16) {
          max = Math.max(max, tag.code());
        }
      }
      return Math.min(max, FIRST_TAG + SPAN - 1);
    }

    boolean at(int tag) {
      int i = tag - FIRST_TAG;
      return i >= 0 && i < byTag.length && byTag[i];
    }
  }

  private static @Nullable Undefined firstUndefined(
      Ttlv item, int tag, ProtocolVersion version, boolean maskBits, Lacking lacking) {
    boolean judged =
        item instanceof TtlvStructure
            || (lacking.at(tag)
                && (item instanceof TtlvEnumeration || (maskBits && item instanceof TtlvInteger)));
    if (!judged) {
      return null;
    }
    if (lacking.tagUndefined(tag)) {
      // A field or attribute the version lacks is refused (or withheld) as such, with the reason
      // its own rules give (1.x Permission Denied for Key Value Location in 1.0), not for its
      // values.
      return null;
    }
    if (item instanceof TtlvStructure structure) {
      return structure.tag() == Tag.ATTRIBUTE.code()
          ? inAttribute(structure, version, maskBits, lacking)
          : inItems(structure, version, maskBits, lacking);
    }
    EnumerationType type = Enumerations.forTag(tag);
    if (type == null) {
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
      TtlvStructure structure, ProtocolVersion version, boolean maskBits, Lacking lacking) {
    for (Ttlv child : structure.items()) {
      Undefined found = firstUndefined(child, child.tag(), version, maskBits, lacking);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A 1.x Attribute: its Attribute Value is read as the named attribute's own tag. */
  private static @Nullable Undefined inAttribute(
      TtlvStructure attribute, ProtocolVersion version, boolean maskBits, Lacking lacking) {
    Tag named =
        attribute.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString name
            ? Tag.bySpecName(name.value())
            : null;
    for (Ttlv child : attribute.items()) {
      int tag =
          child.tag() == Tag.ATTRIBUTE_VALUE.code() && named != null ? named.code() : child.tag();
      Undefined found = firstUndefined(child, tag, version, maskBits, lacking);
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

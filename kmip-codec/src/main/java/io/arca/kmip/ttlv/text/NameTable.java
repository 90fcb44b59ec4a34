package io.arca.kmip.ttlv.text;

import org.jspecify.annotations.Nullable;

/**
 * The names the text forms give to tags and enumeration values. One seam between the text codecs
 * and the generated vocabulary, so that the codecs can be tested with a table of their own.
 */
interface NameTable {
  /** The XML name of a tag, or null when the tag has none (vendor and unknown tags). */
  @Nullable String tagName(int tag);

  /** The tag with this XML name, or -1. */
  int tagCode(String xmlName);

  /** The tag with this specification name ("Cryptographic Algorithm"), or -1. */
  int tagCodeBySpecName(String specName);

  /** The names of the values that items of this tag take, or null when the tag has none. */
  @Nullable EnumNames enumeration(int tag);

  /** The values of an enumeration or the bits of a mask, by name. */
  interface EnumNames {
    /** Whether the values are bits of an Integer mask rather than Enumeration values. */
    boolean isMask();

    /** The name of this value (for a mask, of this single bit), or null. */
    @Nullable String name(int value);

    /** The value (for a mask, the bit) with this name, or null. */
    @Nullable Integer value(String name);
  }
}

package io.arca.kmip;

/** Tag names for messages a person reads: the XML name of a known tag, else its hex number. */
public final class TagNames {
  private TagNames() {}

  /** "UniqueIdentifier" for 0x420094, "0x540001" for a vendor tag. */
  public static String of(int code) {
    Tag tag = Tag.byCode(code);
    return tag == null ? String.format("0x%06X", code) : tag.xmlName();
  }
}

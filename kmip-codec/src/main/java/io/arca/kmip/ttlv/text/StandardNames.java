package io.arca.kmip.ttlv.text;

import io.arca.kmip.EnumerationType;
import io.arca.kmip.Enumerations;
import io.arca.kmip.KmipEnumeration;
import io.arca.kmip.Tag;
import org.jspecify.annotations.Nullable;

/** The names from the generated KMIP vocabulary ({@link Tag}, {@link Enumerations}). */
final class StandardNames implements NameTable {
  static final NameTable INSTANCE = new StandardNames();

  private StandardNames() {}

  @Override
  public @Nullable String tagName(int tag) {
    Tag found = Tag.byCode(tag);
    return found == null ? null : found.xmlName();
  }

  @Override
  public int tagCode(String xmlName) {
    Tag found = Tag.byXmlName(xmlName);
    return found == null ? -1 : found.code();
  }

  @Override
  public int tagCodeBySpecName(String specName) {
    Tag found = Tag.bySpecName(specName);
    return found == null ? -1 : found.code();
  }

  @Override
  public @Nullable EnumNames enumeration(int tag) {
    EnumerationType type = Enumerations.forTag(tag);
    return type == null ? null : new Generated(type);
  }

  /** An enumeration or mask of the generated vocabulary. */
  private record Generated(EnumerationType type) implements EnumNames {
    @Override
    public boolean isMask() {
      return type.isMask();
    }

    @Override
    public @Nullable String name(int value) {
      KmipEnumeration found = type.byValue(value);
      return found == null ? null : found.xmlName();
    }

    @Override
    public @Nullable Integer value(String name) {
      KmipEnumeration found = type.byXmlName(name);
      return found == null ? null : found.value();
    }
  }
}

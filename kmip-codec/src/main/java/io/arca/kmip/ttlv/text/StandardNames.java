package io.arca.kmip.ttlv.text;

import org.jspecify.annotations.Nullable;

/**
 * The names from the generated KMIP vocabulary. PROVISIONAL: knows no names until the vocabulary
 * lands; every tag and value is then written in hex.
 */
final class StandardNames implements NameTable {
  static final NameTable INSTANCE = new StandardNames();

  private StandardNames() {}

  @Override
  public @Nullable String tagName(int tag) {
    return null;
  }

  @Override
  public int tagCode(String xmlName) {
    return -1;
  }

  @Override
  public int tagCodeBySpecName(String specName) {
    return -1;
  }

  @Override
  public @Nullable EnumNames enumeration(int tag) {
    return null;
  }
}

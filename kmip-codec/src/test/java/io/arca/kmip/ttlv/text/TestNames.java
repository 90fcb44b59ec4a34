package io.arca.kmip.ttlv.text;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tiny name table for tests that must not depend on the generated vocabulary. */
final class TestNames implements NameTable {
  static final int ATTRIBUTE = 0x420008;
  static final int CRYPTOGRAPHIC_ALGORITHM = 0x420028;
  static final int CRYPTOGRAPHIC_USAGE_MASK = 0x42002C;
  static final int UNIQUE_IDENTIFIER = 0x420094;
  static final int TEMPLATE_ATTRIBUTE = 0x420091;

  private static final Map<String, Integer> TAGS =
      Map.of(
          "Attribute", ATTRIBUTE,
          "AttributeName", NameContext.ATTRIBUTE_NAME,
          "AttributeValue", NameContext.ATTRIBUTE_VALUE,
          "AttributeReference", NameContext.ATTRIBUTE_REFERENCE,
          "CryptographicAlgorithm", CRYPTOGRAPHIC_ALGORITHM,
          "CryptographicUsageMask", CRYPTOGRAPHIC_USAGE_MASK,
          "UniqueIdentifier", UNIQUE_IDENTIFIER,
          "TemplateAttribute", TEMPLATE_ATTRIBUTE);
  private static final Map<String, Integer> SPEC_NAMES =
      Map.of(
          "Cryptographic Algorithm", CRYPTOGRAPHIC_ALGORITHM,
          "Cryptographic Usage Mask", CRYPTOGRAPHIC_USAGE_MASK,
          "Unique Identifier", UNIQUE_IDENTIFIER);

  static final NameTable INSTANCE = new TestNames();

  @Override
  public @Nullable String tagName(int tag) {
    for (Map.Entry<String, Integer> e : TAGS.entrySet()) {
      if (e.getValue() == tag) {
        return e.getKey();
      }
    }
    return null;
  }

  @Override
  public int tagCode(String xmlName) {
    return TAGS.getOrDefault(xmlName, -1);
  }

  @Override
  public int tagCodeBySpecName(String specName) {
    return SPEC_NAMES.getOrDefault(specName, -1);
  }

  @Override
  public @Nullable EnumNames enumeration(int tag) {
    if (tag == CRYPTOGRAPHIC_ALGORITHM) {
      return new Names(false, Map.of("DES", 1, "DES3", 2, "AES", 3));
    }
    if (tag == CRYPTOGRAPHIC_USAGE_MASK) {
      return new Names(true, Map.of("Sign", 1, "Verify", 2, "Encrypt", 4, "Decrypt", 8));
    }
    return null;
  }

  private record Names(boolean isMask, Map<String, Integer> values) implements EnumNames {
    @Override
    public @Nullable String name(int value) {
      for (Map.Entry<String, Integer> e : values.entrySet()) {
        if (e.getValue() == value) {
          return e.getKey();
        }
      }
      return null;
    }

    @Override
    public @Nullable Integer value(String name) {
      return values.get(name);
    }
  }
}

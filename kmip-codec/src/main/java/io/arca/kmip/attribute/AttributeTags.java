package io.arca.kmip.attribute;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * PROVISIONAL: the tags this package needs and a few attribute spec names, until the generated Tag
 * (with bySpecName and specName) lands.
 */
final class AttributeTags {
  static final int ATTRIBUTE = 0x420008;
  static final int ATTRIBUTE_INDEX = 0x420009;
  static final int ATTRIBUTE_NAME = 0x42000A;
  static final int ATTRIBUTE_VALUE = 0x42000B;
  static final int COMMON_TEMPLATE_ATTRIBUTE = 0x42001F;
  static final int NAME = 0x420053;
  static final int PRIVATE_KEY_TEMPLATE_ATTRIBUTE = 0x420065;
  static final int PUBLIC_KEY_TEMPLATE_ATTRIBUTE = 0x42006E;
  static final int TEMPLATE_ATTRIBUTE = 0x420091;
  static final int VENDOR_IDENTIFICATION = 0x42009D;
  static final int ATTRIBUTES = 0x420125;
  static final int COMMON_ATTRIBUTES = 0x420126;
  static final int PRIVATE_KEY_ATTRIBUTES = 0x420127;
  static final int PUBLIC_KEY_ATTRIBUTES = 0x420128;
  static final int ATTRIBUTE_REFERENCE = 0x42013B;
  static final int CURRENT_ATTRIBUTE = 0x42013C;
  static final int NEW_ATTRIBUTE = 0x42013D;

  private static final Map<String, Integer> BY_SPEC_NAME =
      Map.ofEntries(
          Map.entry("Activation Date", 0x420001),
          Map.entry("Contact Information", 0x420022),
          Map.entry("Cryptographic Algorithm", 0x420028),
          Map.entry("Cryptographic Length", 0x42002A),
          Map.entry("Cryptographic Parameters", 0x42002B),
          Map.entry("Cryptographic Usage Mask", 0x42002C),
          Map.entry("Link", 0x42004A),
          Map.entry("Name", NAME),
          Map.entry("Object Group", 0x420056),
          Map.entry("Object Type", 0x420057),
          Map.entry("Operation Policy Name", 0x42005D),
          Map.entry("State", 0x42008D),
          Map.entry("Unique Identifier", 0x420094));

  private AttributeTags() {}

  static @Nullable Integer bySpecName(String name) {
    return BY_SPEC_NAME.get(name);
  }

  static @Nullable String specName(int tag) {
    for (Map.Entry<String, Integer> entry : BY_SPEC_NAME.entrySet()) {
      if (entry.getValue() == tag) {
        return entry.getKey();
      }
    }
    return null;
  }
}

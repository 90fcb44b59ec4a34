package io.arca.kmip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One KMIP enumeration or bit mask as data: its XML name, whether it is a mask, and its values with
 * lookups by value and by XML name (older spellings included). The XML and JSON forms use it to
 * name values generically.
 */
public final class EnumerationType {
  private final String xmlName;
  private final boolean isMask;
  private final List<KmipEnumeration> values;
  private final Map<Integer, KmipEnumeration> byValue = new HashMap<>();
  private final Map<String, KmipEnumeration> byXmlName = new HashMap<>();

  private EnumerationType(String xmlName, boolean isMask, List<KmipEnumeration> values) {
    this.xmlName = xmlName;
    this.isMask = isMask;
    this.values = List.copyOf(values);
    for (KmipEnumeration value : this.values) {
      byValue.putIfAbsent(value.value(), value);
      byXmlName.put(value.xmlName(), value);
    }
  }

  /**
   * A type of these values; {@code aliases} alternates an older XML spelling and the constant it
   * names.
   */
  static EnumerationType of(
      String xmlName, boolean isMask, KmipEnumeration[] values, Object... aliases) {
    EnumerationType type = new EnumerationType(xmlName, isMask, List.of(values));
    for (int i = 0; i + 1 < aliases.length; i += 2) {
      type.byXmlName.put((String) aliases[i], (KmipEnumeration) aliases[i + 1]);
    }
    return type;
  }

  /** The XML name, e.g. "CryptographicAlgorithm". */
  public String xmlName() {
    return xmlName;
  }

  /** True for a bit mask, whose values are single bits combined in an Integer. */
  public boolean isMask() {
    return isMask;
  }

  /** Every value, in the order of their numbers. */
  public List<KmipEnumeration> values() {
    return values;
  }

  /** The value with this number, or null. */
  public @Nullable KmipEnumeration byValue(int value) {
    return byValue.get(value);
  }

  /** The value with this XML name (older spellings included), or null. */
  public @Nullable KmipEnumeration byXmlName(String name) {
    return byXmlName.get(name);
  }

  @Override
  public String toString() {
    return "EnumerationType["
        + xmlName
        + (isMask ? ", mask" : "")
        + ", "
        + values.size()
        + " values]";
  }
}

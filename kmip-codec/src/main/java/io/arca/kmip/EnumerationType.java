package io.arca.kmip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One KMIP enumeration or bit mask as data (KMIP 2.1 §11 and §12), for code that handles every
 * enumeration alike, such as the XML and JSON forms. {@link Enumerations} lists them all.
 */
public record EnumerationType(String xmlName, boolean isMask, List<KmipEnumeration> values) {

  /** The prebuilt indexes of the generated types, registered by {@link Enumerations}. */
  private static final Map<String, EnumerationIndex<?>> INDEXES = new ConcurrentHashMap<>();

  public EnumerationType {
    values = List.copyOf(values);
  }

  /** Builds the type over a generated index, whose lookups (and aliases) it then reuses. */
  static EnumerationType of(String xmlName, boolean isMask, EnumerationIndex<?> index) {
    EnumerationType type =
        new EnumerationType(xmlName, isMask, List.<KmipEnumeration>copyOf(index.constants()));
    INDEXES.put(xmlName, index);
    return type;
  }

  /** The value with this number, or null (extension values and unknown numbers). */
  public @Nullable KmipEnumeration byValue(int value) {
    return index().byValue(value);
  }

  /** The value with this XML name, or null. */
  public @Nullable KmipEnumeration byXmlName(String name) {
    return index().byXmlName(name);
  }

  // Identity, not equals: the registered type shares its index's list (List.copyOf keeps an
  // immutable list as it is), and comparing contents would cost a scan per lookup.
  @SuppressWarnings("ReferenceEquality")
  private EnumerationIndex<?> index() {
    EnumerationIndex<?> index = INDEXES.get(xmlName);
    // A type built by hand with other values than the registered one gets an index of its own.
    return index != null && index.constants() == values
        ? index
        : new EnumerationIndex<>(values, Map.of());
  }
}

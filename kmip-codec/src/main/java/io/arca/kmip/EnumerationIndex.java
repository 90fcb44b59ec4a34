package io.arca.kmip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The lookups of one enumeration or mask, built once: values sorted for a binary search and a hash
 * map of XML names (with older spellings as aliases), so that no lookup scans the constants.
 */
final class EnumerationIndex<E extends KmipEnumeration> {
  private static final int MAX_DENSE = 1024;

  private final List<E> constants;
  private final int[] values;
  private final Map<String, E> byXmlName;

  /**
   * The constants by value for the small values most enumerations use (an operation is looked up
   * several times per request): an index instead of a search.
   */
  private final @Nullable E[] dense;

  EnumerationIndex(List<? extends E> constants, Map<String, ? extends E> aliases) {
    List<E> sorted = new ArrayList<>(constants);
    // Compare as unsigned so that extension-range values (0x8xxxxxxx) would sort last.
    sorted.sort(Comparator.comparingLong(e -> Integer.toUnsignedLong(e.value())));
    this.constants = List.copyOf(sorted);
    this.values = new int[sorted.size()];
    Map<String, E> names = new HashMap<>(aliases);
    for (int i = 0; i < values.length; i++) {
      E e = sorted.get(i);
      values[i] = e.value();
      names.put(e.xmlName(), e);
    }
    this.byXmlName = Map.copyOf(names);
    int denseLength = 0;
    for (int value : values) {
      if (value >= 0 && value < MAX_DENSE) {
        denseLength = Math.max(denseLength, value + 1);
      }
    }
    @SuppressWarnings("unchecked") // holds only constants of E
    E[] byIndex = (E[]) new KmipEnumeration[denseLength];
    for (E e : sorted) {
      if (e.value() >= 0 && e.value() < denseLength) {
        byIndex[e.value()] = e;
      }
    }
    this.dense = byIndex;
  }

  /** The constants, sorted by value. */
  List<E> constants() {
    return constants;
  }

  @Nullable E byValue(int value) {
    if (value >= 0 && value < dense.length) {
      return dense[value];
    }
    long key = Integer.toUnsignedLong(value);
    int lo = 0;
    int hi = values.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = Integer.toUnsignedLong(values[mid]);
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return constants.get(mid);
      }
    }
    return null;
  }

  @Nullable E byXmlName(String name) {
    return byXmlName.get(name);
  }
}

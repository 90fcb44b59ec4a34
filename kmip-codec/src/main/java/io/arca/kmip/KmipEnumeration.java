package io.arca.kmip;

import org.jspecify.annotations.Nullable;

/**
 * A value of one of KMIP's enumerations or masks. Generated enums implement it so that the XML and
 * JSON forms and the typed layer can treat every enumeration alike; the wire itself keeps raw ints
 * so extension values survive.
 */
public interface KmipEnumeration {
  /** The 32-bit value on the wire (for a mask, the bit). */
  int value();

  /** The name the KMIP XML and JSON encodings use, as in {@code value="AES"}. */
  String xmlName();

  /**
   * The first protocol version that defines the value. Generated types take it from vocabulary.tsv,
   * where the 1.x versions come from the per-version value boundaries of the extractor's
   * value-since-1x.tsv (values are numbered in the order they were added); a type without version
   * data claims 1.0.
   */
  default ProtocolVersion since() {
    return ProtocolVersion.V1_0;
  }

  /** The last protocol version that defines the value, or null while the newest one still does. */
  default @Nullable ProtocolVersion until() {
    return null;
  }

  /** Whether a peer speaking {@code version} knows the value, so it may be sent to it. */
  default boolean isDefinedIn(ProtocolVersion version) {
    ProtocolVersion last = until();
    return version.isAtLeast(since()) && (last == null || last.isAtLeast(version));
  }
}

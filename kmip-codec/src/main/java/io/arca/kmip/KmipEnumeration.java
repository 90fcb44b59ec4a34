package io.arca.kmip;

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
}

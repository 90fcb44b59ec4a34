package io.arca.kmip;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The eleven TTLV item types and their one-byte codes (KMIP 1.4 §9.1.1.2, KMIP 2.1 §9.1.1.2). */
public enum ItemType implements KmipEnumeration {
  STRUCTURE(0x01, "Structure", -1),
  INTEGER(0x02, "Integer", 4),
  LONG_INTEGER(0x03, "LongInteger", 8),
  BIG_INTEGER(0x04, "BigInteger", -1),
  ENUMERATION(0x05, "Enumeration", 4),
  BOOLEAN(0x06, "Boolean", 8),
  TEXT_STRING(0x07, "TextString", -1),
  BYTE_STRING(0x08, "ByteString", -1),
  DATE_TIME(0x09, "DateTime", 8),
  INTERVAL(0x0A, "Interval", 4),
  DATE_TIME_EXTENDED(0x0B, "DateTimeExtended", 8);

  private static final ItemType[] BY_CODE = new ItemType[0x0C];
  // The XML and JSON readers look a type up for every item they read.
  private static final Map<String, ItemType> BY_XML_NAME;

  static {
    Map<String, ItemType> byXmlName = new HashMap<>();
    for (ItemType t : values()) {
      BY_CODE[t.code] = t;
      byXmlName.put(t.xmlName, t);
    }
    BY_XML_NAME = Map.copyOf(byXmlName);
  }

  private final int code;
  private final String xmlName;
  private final int fixedLength;

  ItemType(int code, String xmlName, int fixedLength) {
    this.code = code;
    this.xmlName = xmlName;
    this.fixedLength = fixedLength;
  }

  /** The type byte on the wire. */
  public int code() {
    return code;
  }

  @Override
  public int value() {
    return code;
  }

  /** The name used by the KMIP XML and JSON encodings, as in {@code type="TextString"}. */
  @Override
  public String xmlName() {
    return xmlName;
  }

  /** Date Time Extended came with 2.0 (KMIP 1.4 Table 286 stops at Interval); the rest with 1.0. */
  @Override
  public ProtocolVersion since() {
    return this == DATE_TIME_EXTENDED ? ProtocolVersion.V2_0 : ProtocolVersion.V1_0;
  }

  /** The exact value length this type must have on the wire, or -1 where the length varies. */
  public int fixedLength() {
    return fixedLength;
  }

  /** The type with this wire code, or null when the byte names no type. */
  public static @Nullable ItemType byCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The type with this XML name, or null. */
  public static @Nullable ItemType byXmlName(String name) {
    return BY_XML_NAME.get(name);
  }
}

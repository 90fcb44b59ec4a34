// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Unique Identifier enumeration (KMIP 2.1 §11.58 Table 489). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum UniqueIdentifier implements KmipEnumeration {
  /** ID Placeholder (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  ID_PLACEHOLDER(0x00000001, "IDPlaceholder", 20, 0),
  /** Certify (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CERTIFY(0x00000002, "Certify", 20, 0),
  /** Create (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CREATE(0x00000003, "Create", 20, 0),
  /** Create Key Pair (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CREATE_KEY_PAIR(0x00000004, "CreateKeyPair", 20, 0),
  /** Create Key Pair Private Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CREATE_KEY_PAIR_PRIVATE_KEY(0x00000005, "CreateKeyPairPrivateKey", 20, 0),
  /** Create Key Pair Public Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CREATE_KEY_PAIR_PUBLIC_KEY(0x00000006, "CreateKeyPairPublicKey", 20, 0),
  /** Create Split Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  CREATE_SPLIT_KEY(0x00000007, "CreateSplitKey", 20, 0),
  /** Derive Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  DERIVE_KEY(0x00000008, "DeriveKey", 20, 0),
  /** Import (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  IMPORT(0x00000009, "Import", 20, 0),
  /** Join Split Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  JOIN_SPLIT_KEY(0x0000000A, "JoinSplitKey", 20, 0),
  /** Locate (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  LOCATE(0x0000000B, "Locate", 20, 0),
  /** Register (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  REGISTER(0x0000000C, "Register", 20, 0),
  /** Re-key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  RE_KEY(0x0000000D, "ReKey", 20, 0),
  /** Re-certify (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  RE_CERTIFY(0x0000000E, "ReCertify", 20, 0),
  /** Re-key Key Pair (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  RE_KEY_KEY_PAIR(0x0000000F, "ReKeyKeyPair", 20, 0),
  /** Re-key Key Pair Private Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  RE_KEY_KEY_PAIR_PRIVATE_KEY(0x00000010, "ReKeyKeyPairPrivateKey", 20, 0),
  /** Re-key Key Pair Public Key (KMIP 2.0+; KMIP 2.1 §11.58 Table 489). */
  RE_KEY_KEY_PAIR_PUBLIC_KEY(0x00000011, "ReKeyKeyPairPublicKey", 20, 0);

  static final EnumerationIndex<UniqueIdentifier> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  UniqueIdentifier(int value, String xmlName, int since, int until) {
    this.value = value;
    this.xmlName = xmlName;
    this.since = since;
    this.until = until;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The first version that defines this value. */
  @Override
  public ProtocolVersion since() {
    return ProtocolVersion.firstOfTableCode(since);
  }

  /** The last version that defines this value, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable UniqueIdentifier byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable UniqueIdentifier byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}

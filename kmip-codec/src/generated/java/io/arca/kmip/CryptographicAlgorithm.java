// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Cryptographic Algorithm enumeration (KMIP 2.1 §11.12 Table 443). Extension values
 * (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum CryptographicAlgorithm implements KmipEnumeration {
  /** DES (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  DES(0x00000001, "DES", 10, 0),
  /** 3DES (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  DES3(0x00000002, "DES3", 10, 0),
  /** AES (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  AES(0x00000003, "AES", 10, 0),
  /** RSA (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  RSA(0x00000004, "RSA", 10, 0),
  /** DSA (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  DSA(0x00000005, "DSA", 10, 0),
  /** ECDSA (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  ECDSA(0x00000006, "ECDSA", 10, 0),
  /** HMAC-SHA1 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA1(0x00000007, "HMAC_SHA1", 10, 0),
  /** HMAC-SHA224 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA224(0x00000008, "HMAC_SHA224", 10, 0),
  /** HMAC-SHA256 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA256(0x00000009, "HMAC_SHA256", 10, 0),
  /** HMAC-SHA384 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA384(0x0000000A, "HMAC_SHA384", 10, 0),
  /** HMAC-SHA512 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA512(0x0000000B, "HMAC_SHA512", 10, 0),
  /** HMAC-MD5 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  HMAC_MD5(0x0000000C, "HMAC_MD5", 10, 0),
  /** DH (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  DH(0x0000000D, "DH", 10, 0),
  /** ECDH (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  ECDH(0x0000000E, "ECDH", 10, 0),
  /** ECMQV (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  ECMQV(0x0000000F, "ECMQV", 10, 0),
  /** Blowfish (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  BLOWFISH(0x00000010, "Blowfish", 10, 0),
  /** Camellia (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  CAMELLIA(0x00000011, "Camellia", 10, 0),
  /** CAST5 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  CAST5(0x00000012, "CAST5", 10, 0),
  /** IDEA (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  IDEA(0x00000013, "IDEA", 10, 0),
  /** MARS (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  MARS(0x00000014, "MARS", 10, 0),
  /** RC2 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  RC2(0x00000015, "RC2", 10, 0),
  /** RC4 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  RC4(0x00000016, "RC4", 10, 0),
  /** RC5 (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  RC5(0x00000017, "RC5", 10, 0),
  /** SKIPJACK (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  SKIPJACK(0x00000018, "SKIPJACK", 10, 0),
  /** Twofish (KMIP 1.0+; KMIP 2.1 §11.12 Table 443). */
  TWOFISH(0x00000019, "Twofish", 10, 0),
  /** EC (KMIP 1.2+; KMIP 2.1 §11.12 Table 443). */
  EC(0x0000001A, "EC", 12, 0),
  /** One Time Pad (KMIP 1.3+; KMIP 2.1 §11.12 Table 443). */
  ONE_TIME_PAD(0x0000001B, "OneTimePad", 13, 0),
  /** ChaCha20 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  CHACHA20(0x0000001C, "ChaCha20", 14, 0),
  /** Poly1305 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  POLY1305(0x0000001D, "Poly1305", 14, 0),
  /** ChaCha20Poly1305 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  CHACHA20POLY1305(0x0000001E, "ChaCha20Poly1305", 14, 0),
  /** SHA3-224 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHA3_224(0x0000001F, "SHA3_224", 14, 0),
  /** SHA3-256 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHA3_256(0x00000020, "SHA3_256", 14, 0),
  /** SHA3-384 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHA3_384(0x00000021, "SHA3_384", 14, 0),
  /** SHA3-512 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHA3_512(0x00000022, "SHA3_512", 14, 0),
  /** HMAC-SHA3-224 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA3_224(0x00000023, "HMAC_SHA3_224", 14, 0),
  /** HMAC-SHA3-256 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA3_256(0x00000024, "HMAC_SHA3_256", 14, 0),
  /** HMAC-SHA3-384 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA3_384(0x00000025, "HMAC_SHA3_384", 14, 0),
  /** HMAC-SHA3-512 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  HMAC_SHA3_512(0x00000026, "HMAC_SHA3_512", 14, 0),
  /** SHAKE-128 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHAKE_128(0x00000027, "SHAKE_128", 14, 0),
  /** SHAKE-256 (KMIP 1.4+; KMIP 2.1 §11.12 Table 443). */
  SHAKE_256(0x00000028, "SHAKE_256", 14, 0),
  /** ARIA (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  ARIA(0x00000029, "ARIA", 20, 0),
  /** SEED (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  SEED(0x0000002A, "SEED", 20, 0),
  /** SM2 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  SM2(0x0000002B, "SM2", 20, 0),
  /** SM3 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  SM3(0x0000002C, "SM3", 20, 0),
  /** SM4 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  SM4(0x0000002D, "SM4", 20, 0),
  /** GOST R 34.10-2012 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  GOST_R_34_10_2012(0x0000002E, "GOSTR34_10_2012", 20, 0),
  /** GOST R 34.11-2012 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  GOST_R_34_11_2012(0x0000002F, "GOSTR34_11_2012", 20, 0),
  /** GOST R 34.13-2015 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  GOST_R_34_13_2015(0x00000030, "GOSTR34_13_2015", 20, 0),
  /** GOST 28147-89 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  GOST_28147_89(0x00000031, "GOST28147_89", 20, 0),
  /** XMSS (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  XMSS(0x00000032, "XMSS", 20, 0),
  /** SPHINCS-256 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  SPHINCS_256(0x00000033, "SPHINCS_256", 20, 0),
  /** McEliece (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  MCELIECE(0x00000034, "McEliece", 20, 0),
  /** McEliece-6960119 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  MCELIECE_6960119(0x00000035, "McEliece_6960119", 20, 0),
  /** McEliece-8192128 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  MCELIECE_8192128(0x00000036, "McEliece_8192128", 20, 0),
  /** Ed25519 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  ED25519(0x00000037, "Ed25519", 20, 0),
  /** Ed448 (KMIP 2.0+; KMIP 2.1 §11.12 Table 443). */
  ED448(0x00000038, "Ed448", 20, 0);

  static final EnumerationIndex<CryptographicAlgorithm> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  CryptographicAlgorithm(int value, String xmlName, int since, int until) {
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
  public static @Nullable CryptographicAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable CryptographicAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}

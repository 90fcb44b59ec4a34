package io.arca.hsm;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The NIST prime curves this module makes EC keys on (FIPS 186-4 D.1.2), named in PKCS#11 by the
 * DER of their OID in CKA_EC_PARAMS.
 */
public enum EcCurve {
  P_256("secp256r1", 256, "06082a8648ce3d030107"),
  P_384("secp384r1", 384, "06052b81040022"),
  P_521("secp521r1", 521, "06052b81040023");

  private final String jcaName;
  private final int fieldBits;
  // Hex, since an enum holds no arrays (they could be changed).
  private final String paramsHex;

  EcCurve(String jcaName, int fieldBits, String paramsHex) {
    this.jcaName = jcaName;
    this.fieldBits = fieldBits;
    this.paramsHex = paramsHex;
  }

  /** The curve's name in the JDK's and Bouncy Castle's EC parameter specs. */
  public String jcaName() {
    return jcaName;
  }

  /** The size of the curve's field in bits: 256, 384 or 521. */
  public int fieldBits() {
    return fieldBits;
  }

  /** The length of one coordinate, and of r and s in a signature: 32, 48 or 66 bytes. */
  public int coordinateBytes() {
    return (fieldBits + 7) / 8;
  }

  /** CKA_EC_PARAMS: the DER of the curve's named-curve OID. */
  byte[] params() {
    return HexFormat.of().parseHex(paramsHex);
  }

  /** The curve named by a CKA_EC_PARAMS value, if it is one of these. */
  static Optional<EcCurve> ofParams(byte[] ecParams) {
    String hex = HexFormat.of().formatHex(ecParams);
    return Arrays.stream(values()).filter(c -> c.paramsHex.equals(hex)).findFirst();
  }
}

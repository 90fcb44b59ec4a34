package io.arca.hsm;

import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.PKCS11Constants;

/**
 * What differs between HSM vendors behind one generic PKCS#11 implementation, after Cosmian's
 * per-vendor records.
 *
 * @param name a short name for logs and configuration
 * @param defaultLibrary where the vendor installs its PKCS#11 library, if it has a usual place
 * @param maxSessions the bound of each slot's session pool
 * @param aesKeyWrapPad the AES key wrap with padding mechanism the token implements (RFC 5649):
 *     PKCS#11 3.0 tokens name it CKM_AES_KEY_WRAP_KWP, older ones (SoftHSM2) CKM_AES_KEY_WRAP_PAD
 * @param maxFindObjects how many handles one C_FindObjects call may ask for
 * @param rsaOaep the strongest RSA-OAEP the token implements, used to wrap: SoftHSM2 2.6 refuses
 *     any hash but SHA-1 (CKR_ARGUMENTS_BAD at C_EncryptInit)
 */
public record HsmProfile(
    String name,
    @Nullable String defaultLibrary,
    int maxSessions,
    long aesKeyWrapPad,
    int maxFindObjects,
    RsaPadding rsaOaep) {

  /**
   * Eviden (Atos) Proteccio netHSM, whose library the Cosmian guide expects at {@code
   * /lib/libnethsm.so}.
   */
  public static final HsmProfile PROTECCIO =
      new HsmProfile(
          "proteccio",
          "/lib/libnethsm.so",
          16,
          PKCS11Constants.CKM_AES_KEY_WRAP_KWP,
          16,
          RsaPadding.OAEP_SHA256);

  /** SoftHSM2 2.6 as packaged by Debian; used by the tests. */
  public static final HsmProfile SOFTHSM2 =
      new HsmProfile(
          "softhsm2",
          "/usr/lib/softhsm/libsofthsm2.so",
          16,
          PKCS11Constants.CKM_AES_KEY_WRAP_PAD,
          64,
          RsaPadding.OAEP_SHA1);

  /**
   * opencryptoki's software token ("IBM SoftTok") as packaged by Debian 12 (3.8): RSA-OAEP with
   * SHA-256, but neither AES-GCM nor AES key wrap, which its slots refuse; used by the tests.
   */
  public static final HsmProfile OPENCRYPTOKI =
      new HsmProfile(
          "opencryptoki",
          "/usr/lib/x86_64-linux-gnu/opencryptoki/libopencryptoki.so.0",
          16,
          PKCS11Constants.CKM_AES_KEY_WRAP_KWP,
          64,
          RsaPadding.OAEP_SHA256);

  /**
   * Utimaco CryptoServer; its library path depends on the installation, so it must be configured.
   */
  public static final HsmProfile UTIMACO =
      new HsmProfile(
          "utimaco", null, 16, PKCS11Constants.CKM_AES_KEY_WRAP_KWP, 64, RsaPadding.OAEP_SHA256);

  /** Any other PKCS#11 token: conservative settings, library path required. */
  public static final HsmProfile PKCS11 =
      new HsmProfile(
          "pkcs11", null, 8, PKCS11Constants.CKM_AES_KEY_WRAP_KWP, 16, RsaPadding.OAEP_SHA256);

  public HsmProfile {
    if (rsaOaep != RsaPadding.OAEP_SHA256 && rsaOaep != RsaPadding.OAEP_SHA1) {
      throw new IllegalArgumentException("rsaOaep: " + rsaOaep + " (expected: an OAEP padding)");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions: " + maxSessions + " (expected: > 0)");
    }
    if (maxFindObjects < 2) {
      throw new IllegalArgumentException("maxFindObjects: " + maxFindObjects + " (expected: > 1)");
    }
  }

  /** The profile with another session pool bound. */
  public HsmProfile withMaxSessions(int sessions) {
    return new HsmProfile(name, defaultLibrary, sessions, aesKeyWrapPad, maxFindObjects, rsaOaep);
  }
}

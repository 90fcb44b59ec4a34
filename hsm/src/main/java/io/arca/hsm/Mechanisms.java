package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_DECRYPT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_ENCRYPT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_GCM;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA_SHA384;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA_SHA512;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_OAEP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA384_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA384_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA512_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA512_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKZ_DATA_SPECIFIED;

import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.params.GCM_PARAMS;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_OAEP_PARAMS;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/** The PKCS#11 mechanisms of {@link HsmSlot}'s calls, and whether the token offers them. */
final class Mechanisms {
  private Mechanisms() {}

  /**
   * Whether the token lists AES-GCM for both directions; opencryptoki's software token does not.
   */
  static boolean offersGcm(PKCS11Token token) {
    return token.supportsMechanism(CKM_AES_GCM, CKF_ENCRYPT)
        && token.supportsMechanism(CKM_AES_GCM, CKF_DECRYPT);
  }

  /**
   * Refuses AES-GCM, with the reason, on a token that lacks it: the session pool would turn the
   * token's refused C_EncryptInit into a failure that does not say why. Wrapping under an AES key
   * falls back to AES-GCM where AES key wrap with padding is missing, so the reason names both.
   */
  static void requireGcm(boolean offered, boolean keyWrapPad, long slotId, HsmProfile profile) {
    if (!offered) {
      throw new HsmException(
          HsmException.Kind.UNSUPPORTED,
          "slot "
              + slotId
              + " ("
              + profile.name()
              + "): the token does not implement AES-GCM (CKM_AES_GCM)"
              + (keyWrapPad ? "" : " nor AES key wrap with padding"));
    }
  }

  static Mechanism gcm(byte[] iv, byte[] aad, int tagLength) {
    // An empty AAD goes as NULL: SoftHSM2 refuses a zero-length buffer, and the pool hides that.
    return new Mechanism(
        CKM_AES_GCM, new GCM_PARAMS(iv, aad.length == 0 ? null : aad, tagLength * 8));
  }

  /**
   * Refuses a mechanism the token does not offer for this use, before any call: xipki's pool hides
   * a refused C_*Init (the token then answers CKR_OPERATION_NOT_INITIALIZED, a sign of a lost
   * token), so the reason must be found here. The list is the pool's, read once per session pool
   * (C_GetMechanismList and C_GetMechanismInfo when the slot opens or its token comes back).
   */
  static void require(PKCS11Token token, long slotId, long mechanism, long flag, String use) {
    if (!offers(token, mechanism, flag)) {
      throw new HsmException(
          HsmException.Kind.UNSUPPORTED,
          "the token of slot "
              + slotId
              + " does not offer "
              + PKCS11Constants.ckmCodeToName(mechanism)
              + " for "
              + use);
    }
  }

  static boolean offers(PKCS11Token token, long mechanism, long flag) {
    return token.supportsMechanism(mechanism, flag);
  }

  /** The PSS parameters this module uses: MGF1 with the same hash, a salt as long as the hash. */
  static RSA_PKCS_PSS_PARAMS pss(HashAlgorithm hash) {
    return new RSA_PKCS_PSS_PARAMS(hash.ckm(), hash.mgf1(), hash.length());
  }

  /** The token's one-step mechanism that hashes and signs, e.g. CKM_SHA256_RSA_PKCS_PSS. */
  static long hashAndSign(SignatureAlgorithm algorithm) {
    return switch (algorithm) {
      case RSA_PKCS1_V1_5_SHA256 -> CKM_SHA256_RSA_PKCS;
      case RSA_PKCS1_V1_5_SHA384 -> CKM_SHA384_RSA_PKCS;
      case RSA_PKCS1_V1_5_SHA512 -> CKM_SHA512_RSA_PKCS;
      case RSA_PSS_SHA256 -> CKM_SHA256_RSA_PKCS_PSS;
      case RSA_PSS_SHA384 -> CKM_SHA384_RSA_PKCS_PSS;
      case RSA_PSS_SHA512 -> CKM_SHA512_RSA_PKCS_PSS;
      case ECDSA_SHA256 -> CKM_ECDSA_SHA256;
      case ECDSA_SHA384 -> CKM_ECDSA_SHA384;
      case ECDSA_SHA512 -> CKM_ECDSA_SHA512;
    };
  }

  /** The token's mechanism that signs a digest computed here. */
  static long signDigest(SignatureAlgorithm.Scheme scheme) {
    return switch (scheme) {
      case RSA_PKCS1_V1_5 -> CKM_RSA_PKCS;
      case RSA_PSS -> CKM_RSA_PKCS_PSS;
      case ECDSA -> CKM_ECDSA;
    };
  }

  static Mechanism rsa(HsmProfile profile, RsaPadding padding) {
    // The wrapper hides a refused C_EncryptInit (the token then answers
    // CKR_OPERATION_NOT_INITIALIZED), so a hash the token lacks is refused here, with the reason.
    if (padding == RsaPadding.OAEP_SHA256 && profile.rsaOaep() != RsaPadding.OAEP_SHA256) {
      throw new HsmException(
          HsmException.Kind.UNSUPPORTED,
          "profile " + profile.name() + ": the token implements RSA-OAEP with SHA-1 only");
    }
    return switch (padding) {
      case OAEP_SHA256 ->
          new Mechanism(
              CKM_RSA_PKCS_OAEP,
              new RSA_PKCS_OAEP_PARAMS(CKM_SHA256, CKG_MGF1_SHA256, CKZ_DATA_SPECIFIED, null));
      case OAEP_SHA1 ->
          new Mechanism(
              CKM_RSA_PKCS_OAEP,
              new RSA_PKCS_OAEP_PARAMS(CKM_SHA_1, CKG_MGF1_SHA1, CKZ_DATA_SPECIFIED, null));
      case PKCS1_V1_5 -> new Mechanism(CKM_RSA_PKCS);
    };
  }
}

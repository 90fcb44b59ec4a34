package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_GCM;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_OAEP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKZ_DATA_SPECIFIED;

import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.params.GCM_PARAMS;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_OAEP_PARAMS;

/** The PKCS#11 mechanisms of {@link HsmSlot}'s AES-GCM and RSA calls. */
final class Mechanisms {
  private Mechanisms() {}

  static Mechanism gcm(byte[] iv, byte[] aad) {
    // An empty AAD goes as NULL: SoftHSM2 refuses a zero-length buffer, and the pool hides that.
    return new Mechanism(
        CKM_AES_GCM,
        new GCM_PARAMS(iv, aad.length == 0 ? null : aad, AesGcmCiphertext.TAG_LENGTH * 8));
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

package io.arca.server.hsm;

import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmSlot;
import io.arca.hsm.RsaPadding;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.server.op.Reasons;
import io.arca.server.store.ObjectRecord;

/**
 * The key wrapping of {@link HsmKeyBacking} (KMIP 2.1 §3.3), all inside the token: an HSM AES key
 * wraps and unwraps by AES key wrap with padding, an HSM RSA public key wraps by C_WrapKey with
 * RSA-OAEP and its private key unwraps, with SHA-1 or, where the token implements it, SHA-256.
 */
final class HsmKeyWraps {
  private HsmKeyWraps() {}

  static byte[] wrap(
      HsmObjects objects,
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] keyBytes,
      ProtocolVersion version) {
    HsmKeyRef ref = HsmKeyRef.parse(key.uid());
    HsmSlot slot = objects.slot(ref);
    try {
      if (key.objectType() == ObjectType.PUBLIC_KEY) {
        return slot.wrapRsa(ref.label(), wrappingOaep(parameters, slot, key.uid()), keyBytes);
      }
      requireKeyWrapPadding(key, parameters, slot, version);
      return slot.wrap(ref.label(), keyBytes);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
  }

  static byte[] unwrap(
      HsmObjects objects,
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] wrapped,
      ProtocolVersion version) {
    HsmKeyRef ref = HsmKeyRef.parse(key.uid());
    HsmSlot slot = objects.slot(ref);
    try {
      if (key.objectType() == ObjectType.PRIVATE_KEY) {
        return slot.decryptRsa(ref.label(), wrappingOaep(parameters, slot, key.uid()), wrapped);
      }
      requireKeyWrapPadding(key, parameters, slot, version);
      return slot.unwrap(ref.label(), wrapped);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
  }

  private static boolean sensitive(ObjectRecord key) {
    Attribute sensitive = key.attributes().first(Tag.SENSITIVE.code());
    return sensitive != null && sensitive.value() instanceof TtlvBoolean b && b.value();
  }

  /**
   * HSM AES keys wrap by AES key wrap with padding alone, and only where the token implements it:
   * its other modes (the GCM fallback of stored keys' wrapping) are no KMIP wrapping. A sensitive
   * key asked for another wrapping is refused as the sensitive key it is (its value cannot leave
   * the token to be used in software): Sensitive from KMIP 1.4, Permission Denied before.
   */
  private static void requireKeyWrapPadding(
      ObjectRecord key, CryptographicParameters parameters, HsmSlot slot, ProtocolVersion version) {
    Integer mode = parameters.blockCipherMode();
    String why;
    if (mode == null || mode != BlockCipherMode.AESKEYWRAPPADDING.value()) {
      why = "it wraps by AESKeyWrapPadding (RFC 5649) alone: ask for it in the parameters";
    } else if (!slot.usesAesKeyWrapPad()) {
      why = "its token does not offer AES key wrap with padding";
    } else {
      return;
    }
    if (sensitive(key)) {
      throw new KmipException(
          Reasons.sensitive(version, key.uid(), true).reason(),
          key.uid() + " is sensitive, and " + why);
    }
    throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, key.uid() + ": " + why);
  }

  /**
   * The token's OAEP with the hash the parameters ask for (none means SHA-1, KMIP's default), MGF1
   * with the same hash. PKCS#1 v1.5 is refused as the stored keys' wrapping refuses it (its padding
   * oracle is no risk worth taking for a key); a hash the token lacks is a feature not supported.
   */
  private static RsaPadding wrappingOaep(
      CryptographicParameters parameters, HsmSlot slot, String uid) {
    Integer padding = parameters.paddingMethod();
    if (padding != null && padding != PaddingMethod.OAEP.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "PaddingMethod: keys are wrapped with RSA by OAEP only");
    }
    Integer hash = parameters.hashingAlgorithm();
    int asked = hash == null ? HashingAlgorithm.SHA_1.value() : hash;
    Integer mgf = parameters.maskGeneratorHashingAlgorithm();
    boolean sha256 = slot.profile().rsaOaep() == RsaPadding.OAEP_SHA256;
    if (mgf == null || mgf == asked) {
      if (asked == HashingAlgorithm.SHA_1.value()) {
        return RsaPadding.OAEP_SHA1;
      }
      if (asked == HashingAlgorithm.SHA_256.value() && sha256) {
        return RsaPadding.OAEP_SHA256;
      }
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        uid
            + " wraps by RSA-OAEP with SHA-1"
            + (sha256 ? " or SHA-256" : "")
            + " (MGF1 with the same hash), as its token implements");
  }
}

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
 * The key wrapping of {@link HsmKeyBacking} (KMIP 2.1 §3.3): an HSM AES key wraps and unwraps by
 * AES key wrap with padding inside the token, an HSM private key unwraps by the token's RSA-OAEP.
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
    requireKeyWrapPadding(key, parameters, slot, version);
    try {
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
   * The token's OAEP, when the parameters ask for it (OAEP, with its hash or none, meaning SHA-1).
   */
  private static RsaPadding wrappingOaep(
      CryptographicParameters parameters, HsmSlot slot, String uid) {
    Integer padding = parameters.paddingMethod();
    Integer hash = parameters.hashingAlgorithm();
    Integer mgf = parameters.maskGeneratorHashingAlgorithm();
    RsaPadding oaep = slot.profile().rsaOaep();
    int tokenHash =
        oaep == RsaPadding.OAEP_SHA256
            ? HashingAlgorithm.SHA_256.value()
            : HashingAlgorithm.SHA_1.value();
    int asked = hash == null ? HashingAlgorithm.SHA_1.value() : hash;
    if ((padding != null && padding != PaddingMethod.OAEP.value())
        || asked != tokenHash
        || (mgf != null && mgf != asked)) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          uid
              + " wraps by RSA-OAEP with "
              + (tokenHash == HashingAlgorithm.SHA_256.value() ? "SHA-256" : "SHA-1")
              + " (MGF1 with the same hash), as its token implements");
    }
    return oaep;
  }
}

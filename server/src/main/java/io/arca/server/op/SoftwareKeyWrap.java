package io.arca.server.op;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.JcaKeys;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;

/**
 * Key wrapping with a key whose value the server reads (JCA): AES keys by RFC 3394 (NIST Key Wrap,
 * the default) or RFC 5649 (AES Key Wrap Padding), RSA keys by OAEP (SHA-1 unless the parameters
 * name another hash, MGF1 with the same hash unless told otherwise). The stored keys' backing wraps
 * with it, and so does anyone with an RSA public key, which is read wherever it lives.
 */
final class SoftwareKeyWrap {
  private SoftwareKeyWrap() {}

  /** The key of {@code record} in the clear, for a wrapping call; the caller closes it. */
  static ClearKey clearKey(ObjectStore store, ObjectRecord record, ProtocolVersion version) {
    try (ObjectContent content =
        store.content(record.uid()).orElseThrow(() -> Reasons.destroyed(version, record.uid()))) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      KeyBlock block = object.keyBlock();
      if (block == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "wrapping key " + record.uid() + " has no Key Block");
      }
      return KeyBlocks.toClearKey(record.objectType(), block);
    }
  }

  /** Wraps or unwraps {@code input} with the AES key {@code clear}, in the mode asked for. */
  static byte[] aes(
      boolean encrypt, byte[] input, ClearKey clear, CryptographicParameters parameters)
      throws GeneralSecurityException {
    Integer mode = parameters.blockCipherMode();
    String transformation;
    if (mode == null || mode == BlockCipherMode.NISTKEYWRAP.value()) {
      if (input.length % 8 != 0 || input.length < 16) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "BlockCipherMode: NISTKeyWrap needs a multiple of 8 bytes, at least 16 (use"
                + " AESKeyWrapPadding)");
      }
      transformation = "AES/KW/NoPadding";
    } else if (mode == BlockCipherMode.AESKEYWRAPPADDING.value()) {
      transformation = "AES/KWP/NoPadding";
    } else {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "BlockCipherMode: keys are wrapped with NISTKeyWrap or AESKeyWrapPadding");
    }
    Key secret = JcaKeys.secretKey(clear);
    Cipher cipher = Cipher.getInstance(transformation);
    cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, secret);
    return cipher.doFinal(input);
  }

  /** Wraps with an RSA public key or unwraps with an RSA private key, by OAEP; closes the key. */
  static byte[] rsa(boolean encrypt, byte[] input, ClearKey key, CryptographicParameters parameters)
      throws GeneralSecurityException {
    try (key) {
      if (key.algorithm() != CryptographicAlgorithm.RSA) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "EncryptionKeyInformation: asymmetric wrapping keys must be RSA");
      }
      Integer padding = parameters.paddingMethod();
      if (padding != null && padding != PaddingMethod.OAEP.value()) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "PaddingMethod: keys are wrapped with RSA by OAEP only");
      }
      String hash = hashName(parameters.hashingAlgorithm(), "SHA-1");
      String mgfHash = hashName(parameters.maskGeneratorHashingAlgorithm(), hash);
      OAEPParameterSpec oaep =
          new OAEPParameterSpec(
              hash, "MGF1", new MGF1ParameterSpec(mgfHash), PSource.PSpecified.DEFAULT);
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      if (encrypt) {
        cipher.init(Cipher.ENCRYPT_MODE, JcaKeys.publicKey(key), oaep);
      } else {
        cipher.init(Cipher.DECRYPT_MODE, JcaKeys.privateKey(key), oaep);
      }
      return cipher.doFinal(input);
    }
  }

  private static String hashName(@Nullable Integer hashing, String absent) {
    if (hashing == null) {
      return absent;
    }
    HashingAlgorithm known = HashingAlgorithm.byValue(hashing);
    if (known == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "HashingAlgorithm: unknown");
    }
    return switch (known) {
      case SHA_1 -> "SHA-1";
      case SHA_224 -> "SHA-224";
      case SHA_256 -> "SHA-256";
      case SHA_384 -> "SHA-384";
      case SHA_512 -> "SHA-512";
      default ->
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "HashingAlgorithm: " + known.xmlName() + " (expected: SHA_1 or SHA-2) for OAEP");
    };
  }
}

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_SIGN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_VERIFY;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import io.arca.hsm.SignatureAlgorithm.Scheme;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Token;

/**
 * {@link HsmSlot}'s signatures and MACs. The hash is computed by the token's one-step mechanism
 * where it offers one and here otherwise (SoftHSM2 2.6 has no CKM_ECDSA_SHA*), so signing data and
 * signing a digest computed elsewhere end in the same signature; ECDSA signatures cross this class
 * in DER.
 */
final class Signatures {

  private final long slotId;
  private final TokenCaller caller;
  private final Supplier<PKCS11Token> token;
  private final Function<String, KeyHandles.Entry> entry;

  /**
   * @param entry the key with a label, or {@link HsmException.Kind#KEY_NOT_FOUND}
   */
  Signatures(
      long slotId,
      TokenCaller caller,
      Supplier<PKCS11Token> token,
      Function<String, KeyHandles.Entry> entry) {
    this.slotId = slotId;
    this.caller = caller;
    this.token = token;
    this.entry = entry;
  }

  /** See {@link HsmSlot#sign} and {@link HsmSlot#signDigest}. */
  byte[] sign(String label, SignatureAlgorithm algorithm, byte[] input, boolean isDigest) {
    HsmKeyInfo key = signingKey(label, algorithm, KeyClass.PRIVATE);
    Call call = prepare(algorithm, input, isDigest, CKF_SIGN, "signing");
    byte[] signature =
        caller.call(
            HsmCall.SIGN,
            true,
            algorithm + " signature with '" + label + "'",
            () -> token.get().sign(call.mechanism, entry.apply(label).handle(), call.input));
    return algorithm.scheme() == Scheme.ECDSA
        ? EcdsaSignatures.toDer(signature, curve(key))
        : signature;
  }

  /** See {@link HsmSlot#verify} and {@link HsmSlot#verifyDigest}. */
  boolean verify(
      String label,
      SignatureAlgorithm algorithm,
      byte[] input,
      boolean isDigest,
      byte[] signature) {
    HsmKeyInfo key = signingKey(label, algorithm, KeyClass.PUBLIC);
    Call call = prepare(algorithm, input, isDigest, CKF_VERIFY, "verifying");
    byte[] tokenForm;
    if (algorithm.scheme() == Scheme.ECDSA) {
      Optional<byte[]> raw = EcdsaSignatures.toRaw(signature, curve(key));
      if (raw.isEmpty()) {
        return false; // not a DER ECDSA-Sig-Value for this curve: cannot be valid
      }
      tokenForm = raw.get();
    } else {
      tokenForm = signature;
    }
    return caller.call(
        HsmCall.VERIFY,
        true,
        algorithm + " verification with '" + label + "'",
        () ->
            token.get().verify(call.mechanism, entry.apply(label).handle(), call.input, tokenForm));
  }

  /** See {@link HsmSlot#mac}. */
  byte[] mac(String label, HashAlgorithm hash, byte[] data) {
    Mechanism mechanism = hmac(label, hash);
    return caller.call(
        HsmCall.MAC,
        true,
        "HMAC-" + hash.jcaName() + " with '" + label + "'",
        () -> token.get().sign(mechanism, entry.apply(label).handle(), data));
  }

  /** The HMAC mechanism for {@code hash}, once the key and the token are found to fit it. */
  Mechanism hmac(String label, HashAlgorithm hash) {
    macKey(label, hash);
    Mechanisms.require(token.get(), slotId, hash.hmac(), CKF_SIGN, "MACs");
    return new Mechanism(hash.hmac());
  }

  /**
   * See {@link HsmSlot#verifyMac}: the MAC is computed again and compared in constant time, so the
   * answer takes as long whichever byte differs.
   */
  boolean verifyMac(String label, HashAlgorithm hash, byte[] data, byte[] mac) {
    byte[] expected = mac(label, hash, data);
    try {
      return MessageDigest.isEqual(expected, mac);
    } finally {
      Arrays.fill(expected, (byte) 0);
    }
  }

  /** The mechanism and the bytes the token signs or verifies. */
  private static final class Call {
    final Mechanism mechanism;
    final byte[] input;

    Call(Mechanism mechanism, byte[] input) {
      this.mechanism = mechanism;
      this.input = input;
    }
  }

  private Call prepare(
      SignatureAlgorithm algorithm, byte[] input, boolean isDigest, long flag, String use) {
    HashAlgorithm hash = algorithm.hash();
    PKCS11Token pool = token.get();
    long oneStep = Mechanisms.hashAndSign(algorithm);
    boolean pss = algorithm.scheme() == Scheme.RSA_PSS;
    if (!isDigest && Mechanisms.offers(pool, oneStep, flag)) {
      return new Call(
          pss ? new Mechanism(oneStep, Mechanisms.pss(hash)) : new Mechanism(oneStep), input);
    }
    long onDigest = Mechanisms.signDigest(algorithm.scheme());
    Mechanisms.require(pool, slotId, onDigest, flag, use + " with " + algorithm);
    byte[] digest;
    if (isDigest) {
      hash.checkDigest(input);
      digest = input;
    } else {
      digest = hash.digest(input);
    }
    return switch (algorithm.scheme()) {
      case RSA_PKCS1_V1_5 -> new Call(new Mechanism(onDigest), hash.digestInfo(digest));
      case RSA_PSS -> new Call(new Mechanism(onDigest, Mechanisms.pss(hash)), digest);
      case ECDSA -> new Call(new Mechanism(onDigest), digest);
    };
  }

  /** The key, refused unless it is of the class and algorithm the scheme needs. */
  private HsmKeyInfo signingKey(String label, SignatureAlgorithm algorithm, KeyClass keyClass) {
    HsmKeyInfo key = entry.apply(label).info();
    KeyAlgorithm needed = algorithm.scheme() == Scheme.ECDSA ? KeyAlgorithm.EC : KeyAlgorithm.RSA;
    if (key.keyClass() != keyClass || key.algorithm() != needed) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + label
              + "' is "
              + describe(key)
              + " (expected: "
              + (needed == KeyAlgorithm.EC ? "an EC " : "an RSA ")
              + keyClass.name().toLowerCase(java.util.Locale.ROOT)
              + " key for "
              + algorithm
              + (keyClass == KeyClass.PUBLIC
                  ? ", e.g. '" + label + HsmSlot.PUBLIC_KEY_SUFFIX + "'"
                  : "")
              + ")");
    }
    return key;
  }

  /**
   * Refuses a key that is not an HMAC key for this hash, or a generic secret shorter than the hash
   * (RFC 2104 §3, and the least key length tokens accept).
   */
  private void macKey(String label, HashAlgorithm hash) {
    HsmKeyInfo key = entry.apply(label).info();
    @Nullable HashAlgorithm bound = KeyAttributes.hmacHash(key.algorithm());
    boolean usable =
        key.keyClass() == KeyClass.SECRET
            && (bound == hash || key.algorithm() == KeyAlgorithm.GENERIC_SECRET);
    if (!usable) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + label
              + "' is "
              + describe(key)
              + " (expected: an HMAC-"
              + hash.jcaName()
              + " key)");
    }
    // 0 is unknown (SoftHSM2 2.6 reports no length for unwrapped keys): the token decides then.
    if (key.lengthBits() > 0 && key.lengthBits() < hash.length() * 8) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + label
              + "' length: "
              + key.lengthBits()
              + " bits (expected: at least "
              + hash.length() * 8
              + " for HMAC-"
              + hash.jcaName()
              + ")");
    }
  }

  private static EcCurve curve(HsmKeyInfo key) {
    EcCurve curve = key.curve();
    if (curve == null) {
      throw new IllegalStateException("EC key without a curve: " + key.label());
    }
    return curve;
  }

  /** "an AES secret key": every algorithm's name but GENERIC_SECRET starts with a vowel sound. */
  private static String describe(HsmKeyInfo key) {
    return (key.algorithm() == KeyAlgorithm.GENERIC_SECRET ? "a " : "an ")
        + key.algorithm()
        + " "
        + key.keyClass().name().toLowerCase(java.util.Locale.ROOT)
        + " key";
  }
}

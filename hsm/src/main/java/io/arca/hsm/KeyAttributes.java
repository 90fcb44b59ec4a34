package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ALLOWED_MECHANISMS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE_LEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_AES;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_SHA256_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_SHA384_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_SHA512_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_ATTRIBUTE_TYPE_INVALID;

import iaik.pkcs.pkcs11.wrapper.CK_ATTRIBUTE;
import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.attrs.Attribute;

/**
 * Reads what {@link HsmKeyInfo} holds from a key object, asking only for the attributes its class
 * has.
 */
final class KeyAttributes {

  private KeyAttributes() {}

  static HsmKeyInfo read(TokenCaller caller, PKCS11Token token, String label, long handle) {
    String what = "reading the attributes of '" + label + "'";
    AttributeVector base =
        caller.call(
            HsmCall.GET_ATTRIBUTES,
            true,
            what,
            () -> token.getAttrValues(handle, CKA_CLASS, CKA_KEY_TYPE));
    long objectClass = base.class_() == null ? -1 : base.class_();
    long keyType = base.keyType() == null ? -1 : base.keyType();
    KeyClass keyClass =
        objectClass == CKO_SECRET_KEY
            ? KeyClass.SECRET
            : objectClass == CKO_PRIVATE_KEY
                ? KeyClass.PRIVATE
                : objectClass == CKO_PUBLIC_KEY ? KeyClass.PUBLIC : null;
    if (keyClass == KeyClass.SECRET && keyType == CKK_AES) {
      AttributeVector v = secret(caller, token, handle, what);
      return new HsmKeyInfo(
          label,
          keyClass,
          KeyAlgorithm.AES,
          bytesToBits(v.valueLen()),
          isTrue(v.sensitive()),
          isTrue(v.extractable()));
    }
    if (keyClass == KeyClass.SECRET && hmacAlgorithm(keyType) != null) {
      AttributeVector v = secret(caller, token, handle, what);
      KeyAlgorithm algorithm =
          keyType == CKK_GENERIC_SECRET
              ? boundHash(caller, token, handle, what)
              : Objects.requireNonNull(hmacAlgorithm(keyType));
      return new HsmKeyInfo(
          label,
          keyClass,
          algorithm,
          bytesToBits(v.valueLen()),
          isTrue(v.sensitive()),
          isTrue(v.extractable()));
    }
    if (keyClass != null && keyClass != KeyClass.SECRET && keyType == CKK_RSA) {
      boolean isPrivate = keyClass == KeyClass.PRIVATE;
      AttributeVector v =
          caller.call(
              HsmCall.GET_ATTRIBUTES,
              true,
              what,
              () ->
                  isPrivate
                      ? token.getAttrValues(handle, CKA_MODULUS, CKA_SENSITIVE, CKA_EXTRACTABLE)
                      : token.getAttrValues(handle, CKA_MODULUS));
      return new HsmKeyInfo(
          label,
          keyClass,
          KeyAlgorithm.RSA,
          bitLength(v.modulus()),
          isPrivate && isTrue(v.sensitive()),
          !isPrivate || isTrue(v.extractable()));
    }
    if (keyClass != null && keyClass != KeyClass.SECRET && keyType == CKK_EC) {
      boolean isPrivate = keyClass == KeyClass.PRIVATE;
      AttributeVector v =
          caller.call(
              HsmCall.GET_ATTRIBUTES,
              true,
              what,
              () ->
                  isPrivate
                      ? token.getAttrValues(handle, CKA_EC_PARAMS, CKA_SENSITIVE, CKA_EXTRACTABLE)
                      : token.getAttrValues(handle, CKA_EC_PARAMS));
      byte[] params = v.ecParams();
      EcCurve curve =
          (params == null ? Optional.<EcCurve>empty() : EcCurve.ofParams(params))
              .orElseThrow(
                  () ->
                      new HsmException(
                          HsmException.Kind.INVALID_KEY,
                          "'"
                              + label
                              + "' is an EC key on a curve other than P-256, P-384, P-521"));
      return new HsmKeyInfo(
          label,
          keyClass,
          KeyAlgorithm.EC,
          curve.fieldBits(),
          isPrivate && isTrue(v.sensitive()),
          !isPrivate || isTrue(v.extractable()),
          curve);
    }
    throw new HsmException(
        HsmException.Kind.INVALID_KEY,
        "'"
            + label
            + "' is not an AES, HMAC, RSA or EC key (class "
            + base.class_()
            + ", key type "
            + base.keyType()
            + ")");
  }

  /** The PKCS#11 key type (CKK_*) of an algorithm; HMAC keys are generic secrets here. */
  static long keyType(KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case AES -> CKK_AES;
      case RSA -> CKK_RSA;
      case EC -> CKK_EC;
      case HMAC_SHA256, HMAC_SHA384, HMAC_SHA512, GENERIC_SECRET -> CKK_GENERIC_SECRET;
    };
  }

  /** The hash an HMAC key is for, or null for a generic secret (any hash) and other keys. */
  static @Nullable HashAlgorithm hmacHash(KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case HMAC_SHA256 -> HashAlgorithm.SHA256;
      case HMAC_SHA384 -> HashAlgorithm.SHA384;
      case HMAC_SHA512 -> HashAlgorithm.SHA512;
      default -> null;
    };
  }

  /** The algorithm of an HMAC key for this hash. */
  static KeyAlgorithm hmacKey(HashAlgorithm hash) {
    return switch (hash) {
      case SHA256 -> KeyAlgorithm.HMAC_SHA256;
      case SHA384 -> KeyAlgorithm.HMAC_SHA384;
      case SHA512 -> KeyAlgorithm.HMAC_SHA512;
    };
  }

  private static AttributeVector secret(
      TokenCaller caller, PKCS11Token token, long handle, String what) {
    return caller.call(
        HsmCall.GET_ATTRIBUTES,
        true,
        what,
        () -> token.getAttrValues(handle, CKA_VALUE_LEN, CKA_SENSITIVE, CKA_EXTRACTABLE));
  }

  /** HMAC keys of one hash (other tokens' key types); generic secrets decide below. */
  private static @Nullable KeyAlgorithm hmacAlgorithm(long keyType) {
    if (keyType == CKK_GENERIC_SECRET) {
      return KeyAlgorithm.GENERIC_SECRET;
    }
    if (keyType == CKK_SHA256_HMAC) {
      return KeyAlgorithm.HMAC_SHA256;
    }
    if (keyType == CKK_SHA384_HMAC) {
      return KeyAlgorithm.HMAC_SHA384;
    }
    return keyType == CKK_SHA512_HMAC ? KeyAlgorithm.HMAC_SHA512 : null;
  }

  /**
   * The HMAC a generic secret is bound to by CKA_ALLOWED_MECHANISMS (as {@link
   * HsmSlot#generateHmac} binds it), or GENERIC_SECRET when it is bound to none or several, or the
   * token has no such attribute.
   */
  private static KeyAlgorithm boundHash(
      TokenCaller caller, PKCS11Token token, long handle, String what) {
    long[] allowed =
        caller.call(
            HsmCall.GET_ATTRIBUTES,
            true,
            what,
            () -> {
              try {
                return mechanisms(token.getAttrValues(handle, CKA_ALLOWED_MECHANISMS));
              } catch (PKCS11Exception e) {
                if (e.getErrorCode() == CKR_ATTRIBUTE_TYPE_INVALID) {
                  return new long[0];
                }
                throw e;
              }
            });
    if (allowed.length == 1) {
      for (HashAlgorithm hash : HashAlgorithm.values()) {
        if (hash.hmac() == allowed[0]) {
          return hmacKey(hash);
        }
      }
    }
    return KeyAlgorithm.GENERIC_SECRET;
  }

  /** The PKCS#11 object class (CKO_*) of a key class. */
  static long objectClass(KeyClass keyClass) {
    return switch (keyClass) {
      case SECRET -> CKO_SECRET_KEY;
      case PRIVATE -> CKO_PRIVATE_KEY;
      case PUBLIC -> CKO_PUBLIC_KEY;
    };
  }

  /** The labels of the token's key objects; see {@link HsmSlot#labels}. */
  static List<String> labels(TokenCaller caller, PKCS11Token token, long slotId, int max) {
    TreeSet<String> labels = new TreeSet<>();
    for (long objectClass : new long[] {CKO_SECRET_KEY, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY}) {
      long[] handles =
          caller.call(
              HsmCall.FIND,
              true,
              "listing the keys of slot " + slotId,
              () -> token.findObjects(new AttributeVector().class_(objectClass).token(true), max));
      for (long handle : handles) {
        String label =
            caller
                .call(
                    HsmCall.GET_ATTRIBUTES,
                    true,
                    "reading a key label in slot " + slotId,
                    () -> token.getAttrValues(handle, CKA_LABEL))
                .label();
        if (label != null && !label.isEmpty() && !label.contains("::")) {
          labels.add(label);
        }
      }
    }
    if (labels.isEmpty()) {
      // A lost token lists nothing, without an error: an empty HSM must be one that answers.
      caller.confirmPresent("listing the keys of slot " + slotId);
    }
    return new ArrayList<>(labels);
  }

  /**
   * CKA_ALLOWED_MECHANISMS as the native wrapper gives it: xipki 1.0.9's typed getter fails with a
   * ClassCastException, since IAIK's JNI returns a list of one as a Long, not a long[].
   */
  private static long[] mechanisms(AttributeVector values) {
    Attribute attribute = values.getAttribute(CKA_ALLOWED_MECHANISMS);
    CK_ATTRIBUTE raw = attribute == null ? null : attribute.getCkAttribute();
    Object value = raw == null ? null : raw.pValue;
    if (value instanceof long[] list) {
      return list.clone();
    }
    return value instanceof Long one ? new long[] {one} : new long[0];
  }

  private static int bytesToBits(@Nullable Integer bytes) {
    return bytes == null ? 0 : bytes * 8;
  }

  private static int bitLength(@Nullable BigInteger modulus) {
    return modulus == null ? 0 : modulus.bitLength();
  }

  private static boolean isTrue(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}

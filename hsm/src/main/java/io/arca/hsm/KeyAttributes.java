package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE_LEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_AES;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_SECRET_KEY;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Token;

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
    Long objectClass = base.class_();
    Long keyType = base.keyType();
    if (objectClass != null
        && objectClass == CKO_SECRET_KEY
        && keyType != null
        && keyType == CKK_AES) {
      AttributeVector v =
          caller.call(
              HsmCall.GET_ATTRIBUTES,
              true,
              what,
              () -> token.getAttrValues(handle, CKA_VALUE_LEN, CKA_SENSITIVE, CKA_EXTRACTABLE));
      Integer len = v.valueLen();
      return new HsmKeyInfo(
          label,
          KeyClass.SECRET,
          KeyAlgorithm.AES,
          len == null ? 0 : len * 8,
          isTrue(v.sensitive()),
          isTrue(v.extractable()));
    }
    if (keyType != null
        && keyType == CKK_RSA
        && objectClass != null
        && objectClass == CKO_PRIVATE_KEY) {
      AttributeVector v =
          caller.call(
              HsmCall.GET_ATTRIBUTES,
              true,
              what,
              () -> token.getAttrValues(handle, CKA_MODULUS, CKA_SENSITIVE, CKA_EXTRACTABLE));
      return new HsmKeyInfo(
          label,
          KeyClass.PRIVATE,
          KeyAlgorithm.RSA,
          bitLength(v.modulus()),
          isTrue(v.sensitive()),
          isTrue(v.extractable()));
    }
    if (keyType != null
        && keyType == CKK_RSA
        && objectClass != null
        && objectClass == CKO_PUBLIC_KEY) {
      AttributeVector v =
          caller.call(
              HsmCall.GET_ATTRIBUTES, true, what, () -> token.getAttrValues(handle, CKA_MODULUS));
      return new HsmKeyInfo(
          label, KeyClass.PUBLIC, KeyAlgorithm.RSA, bitLength(v.modulus()), false, true);
    }
    throw new HsmException(
        HsmException.Kind.INVALID_KEY,
        "'"
            + label
            + "' is neither an AES key nor an RSA key (class "
            + objectClass
            + ", key type "
            + keyType
            + ")");
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

  private static int bitLength(@Nullable BigInteger modulus) {
    return modulus == null ? 0 : modulus.bitLength();
  }

  private static boolean isTrue(@Nullable Boolean b) {
    return Boolean.TRUE.equals(b);
  }
}

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_GENERATE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_GENERATE_KEY_PAIR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_SIGN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_GENERIC_SECRET_KEY_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_ATTRIBUTE_TYPE_INVALID;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.math.BigInteger;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;

/**
 * How {@link HsmSlot} makes keys: the templates of each key type, one key per label (checked under
 * the slot's generation lock), and the next version of a key for Re-key.
 */
final class KeyGeneration {

  /** The longest HMAC key generated: SoftHSM2 2.6 takes at most 512 bytes. */
  static final int MAX_HMAC_KEY_BITS = 4096;

  private KeyGeneration() {}

  static HsmKeyInfo aes(HsmSlot slot, String label, int bits, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    if (bits != 128 && bits != 192 && bits != 256) {
      throw HsmSlot.invalid("AES key length: " + bits + " (expected: 128, 192 or 256)");
    }
    AttributeVector template =
        AttributeVector.newAESSecretKey()
            .token(true)
            .private_(true)
            .label(label)
            .valueLen(bits / 8)
            .sensitive(sensitive)
            .extractable(!sensitive)
            .encrypt(true)
            .decrypt(true)
            .wrap(true)
            .unwrap(true);
    synchronized (slot.generateLock()) {
      slot.refuseExisting(label);
      slot.caller()
          .call(
              HsmCall.GENERATE,
              false,
              "generating AES key '" + label + "'",
              () -> slot.token().generateKey(new Mechanism(CKM_AES_KEY_GEN), template));
    }
    return slot.info(label);
  }

  static HsmKeyInfo rsa(HsmSlot slot, String label, int bits, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw HsmSlot.invalid("RSA modulus length: " + bits + " (expected: 2048, 3072 or 4096)");
    }
    String publicLabel = label + HsmSlot.PUBLIC_KEY_SUFFIX;
    byte[] id = new byte[16];
    slot.random().nextBytes(id);
    KeyPairTemplate template =
        new KeyPairTemplate(CKK_RSA)
            .token(true)
            .labels(label, publicLabel)
            .id(id)
            .decryptEncrypt(true)
            .unwrapWrap(true);
    template.publicKey().modulusBits(bits).publicExponent(BigInteger.valueOf(65537));
    template.privateKey().private_(true).sensitive(sensitive).extractable(!sensitive);
    synchronized (slot.generateLock()) {
      slot.refuseExisting(label);
      slot.refuseExisting(publicLabel);
      slot.caller()
          .call(
              HsmCall.GENERATE,
              false,
              "generating RSA key pair '" + label + "'",
              () ->
                  slot.token().generateKeyPair(new Mechanism(CKM_RSA_PKCS_KEY_PAIR_GEN), template));
    }
    return slot.info(label);
  }

  static HsmKeyInfo ec(HsmSlot slot, String label, EcCurve curve, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    Mechanisms.require(
        slot.token(), slot.id(), CKM_EC_KEY_PAIR_GEN, CKF_GENERATE_KEY_PAIR, "EC key pairs");
    String publicLabel = label + HsmSlot.PUBLIC_KEY_SUFFIX;
    byte[] id = new byte[16];
    slot.random().nextBytes(id);
    KeyPairTemplate template =
        new KeyPairTemplate(CKK_EC).token(true).labels(label, publicLabel).id(id).signVerify(true);
    template.publicKey().ecParams(curve.params());
    template.privateKey().private_(true).sensitive(sensitive).extractable(!sensitive);
    synchronized (slot.generateLock()) {
      slot.refuseExisting(label);
      slot.refuseExisting(publicLabel);
      slot.caller()
          .call(
              HsmCall.GENERATE,
              false,
              "generating EC key pair '" + label + "' on " + curve,
              () -> slot.token().generateKeyPair(new Mechanism(CKM_EC_KEY_PAIR_GEN), template));
    }
    return slot.info(label);
  }

  static HsmKeyInfo hmac(
      HsmSlot slot, String label, HashAlgorithm hash, int bits, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    if (bits % 8 != 0 || bits < hash.length() * 8 || bits > MAX_HMAC_KEY_BITS) {
      throw HsmSlot.invalid(
          "HMAC-"
              + hash.jcaName()
              + " key length: "
              + bits
              + " (expected: a multiple of 8 from "
              + hash.length() * 8
              + " to "
              + MAX_HMAC_KEY_BITS
              + ")");
    }
    Mechanisms.require(
        slot.token(), slot.id(), CKM_GENERIC_SECRET_KEY_GEN, CKF_GENERATE, "HMAC keys");
    Mechanisms.require(slot.token(), slot.id(), hash.hmac(), CKF_SIGN, "HMAC keys");
    AttributeVector template =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(true)
            .private_(true)
            .label(label)
            .valueLen(bits / 8)
            .sensitive(sensitive)
            .extractable(!sensitive)
            .sign(true)
            .verify(true)
            .allowedMechanisms(new long[] {hash.hmac()});
    synchronized (slot.generateLock()) {
      slot.refuseExisting(label);
      try {
        slot.caller()
            .call(
                HsmCall.GENERATE,
                false,
                "generating HMAC key '" + label + "'",
                () ->
                    slot.token().generateKey(new Mechanism(CKM_GENERIC_SECRET_KEY_GEN), template));
      } catch (HsmException e) {
        Long ckr = e.ckr();
        if (ckr != null && ckr == CKR_ATTRIBUTE_TYPE_INVALID) {
          // opencryptoki 3.8: without the binding a key would MAC with any hash, so make none.
          throw new HsmException(
              HsmException.Kind.UNSUPPORTED,
              "the token of slot "
                  + slot.id()
                  + " does not take CKA_ALLOWED_MECHANISMS, which binds an HMAC key to its hash,"
                  + " so it makes no HMAC keys here",
              ckr,
              e);
        }
        throw e;
      }
    }
    return slot.info(label);
  }

  static HsmRekey rekey(HsmSlot slot, String label) {
    HsmKeyInfo old = slot.info(label);
    if (old.keyClass() == KeyClass.PUBLIC) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'" + label + "' is a public key (expected: the private key of its pair)");
    }
    HsmKeyVersion next = HsmKeyVersion.of(label).next();
    // A later version may exist already (the old one was re-keyed before): take the first free.
    for (int tries = 0; slot.find(next.label()).isPresent(); tries++) {
      if (tries >= HsmKeyVersion.MAX_SKIPPED) {
        throw new HsmException(
            HsmException.Kind.LABEL_EXISTS,
            "slot " + slot.id() + " holds " + tries + " later versions of '" + label + "'");
      }
      next = next.next();
    }
    String fresh = next.label();
    HashAlgorithm hmac = KeyAttributes.hmacHash(old.algorithm());
    EcCurve curve = old.curve();
    HsmKeyInfo made;
    if (old.algorithm() == KeyAlgorithm.AES) {
      made = slot.generateAes(fresh, old.lengthBits(), old.sensitive());
    } else if (old.algorithm() == KeyAlgorithm.RSA) {
      made = slot.generateRsa(fresh, old.lengthBits(), old.sensitive());
    } else if (old.algorithm() == KeyAlgorithm.EC && curve != null) {
      made = slot.generateEc(fresh, curve, old.sensitive());
    } else if (hmac != null) {
      made = slot.generateHmac(fresh, hmac, old.lengthBits(), old.sensitive());
    } else {
      throw new HsmException(
          HsmException.Kind.UNSUPPORTED,
          "'"
              + label
              + "' is a generic secret bound to no one HMAC: its successor's use is unknown");
    }
    return new HsmRekey(old, made);
  }
}

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_COEFFICIENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXPONENT_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EXPONENT_2;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_MODULUS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIME_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIME_2;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_PUBLIC_EXPONENT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_UNWRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_WRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_GCM;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_OAEP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA_1;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RO_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKZ_DATA_SPECIFIED;

import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.params.GCM_PARAMS;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_OAEP_PARAMS;

/**
 * One logged-in PKCS#11 slot with keys named by label: generation, attributes, export, destruction,
 * encryption and wrapping. Sessions come from the bounded pool of xipki's {@link PKCS11Token},
 * which logs in once and logs in again when it hands out a session the token has logged out; this
 * class adds one retry when the token drops sessions or its login in the middle of a call, and
 * counts the calls it makes.
 */
public final class HsmSlot implements AutoCloseable {

  /** The suffix that names an RSA private key's public key: {@code mykey} and {@code mykey_pk}. */
  public static final String PUBLIC_KEY_SUFFIX = "_pk";

  private final long slotId;
  private final HsmProfile profile;
  private final PKCS11Token token;
  // The pool's own reference, used to log in again; wiped on close.
  private final char[] pin;
  private final SecureRandom random;
  private final boolean keyWrapPad;
  private final TokenCaller caller;
  private final KeyHandles keys;
  private final Object generateLock = new Object();

  HsmSlot(long slotId, HsmProfile profile, PKCS11Token token, char[] pin, SecureRandom random) {
    this.pin = pin;
    this.slotId = slotId;
    this.profile = profile;
    this.token = token;
    this.random = random;
    this.keys = new KeyHandles(slotId, profile.maxFindObjects(), token, this::ensureLoggedIn);
    // When the device went away every pooled session is dead, and so may be every cached handle.
    this.caller =
        new TokenCaller(
            slotId,
            () -> {
              token.closeAllSessions();
              keys.forgetAll();
            },
            keys::forgetAll,
            () -> {
              try {
                token.getToken().getTokenInfo();
                return true;
              } catch (PKCS11Exception e) {
                return false;
              }
            });
    this.keyWrapPad =
        token.supportsMechanism(profile.aesKeyWrapPad(), CKF_WRAP)
            && token.supportsMechanism(profile.aesKeyWrapPad(), CKF_UNWRAP);
  }

  public long id() {
    return slotId;
  }

  public HsmProfile profile() {
    return profile;
  }

  /** How many calls of a kind this slot has made to the token, retries included. */
  public long calls(HsmCall kind) {
    return caller.count(kind).get();
  }

  /** How many times this slot found its sessions or login gone and started over. */
  public long recoveries() {
    return caller.recoveries();
  }

  /**
   * How many times a cached key handle turned out stale (the object gone, e.g. after the token was
   * re-initialised) and the key was looked up again by label.
   */
  public long staleHandles() {
    return caller.staleHandles();
  }

  /** Whether AES wrapping uses the token's key wrap with padding (else AES-GCM). */
  public boolean usesAesKeyWrapPad() {
    return keyWrapPad;
  }

  // ---- keys ---------------------------------------------------------------------------------

  /** Generates an AES key of 128, 192 or 256 bits; a sensitive key is also made non-extractable. */
  public HsmKeyInfo generateAes(String label, int bits, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    if (bits != 128 && bits != 192 && bits != 256) {
      throw invalid("AES key length: " + bits + " (expected: 128, 192 or 256)");
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
    synchronized (generateLock) {
      refuseExisting(label);
      caller.call(
          HsmCall.GENERATE,
          false,
          "generating AES key '" + label + "'",
          () -> token.generateKey(new Mechanism(CKM_AES_KEY_GEN), template));
    }
    return info(label);
  }

  /**
   * Generates an RSA key pair of 2048, 3072 or 4096 bits: the private key {@code label}, the public
   * {@code label_pk}.
   */
  public HsmKeyInfo generateRsa(String label, int bits, boolean sensitive) {
    HsmKeyRef.checkLabel(label);
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw invalid("RSA modulus length: " + bits + " (expected: 2048, 3072 or 4096)");
    }
    String publicLabel = label + PUBLIC_KEY_SUFFIX;
    byte[] id = new byte[16];
    random.nextBytes(id);
    KeyPairTemplate template =
        new KeyPairTemplate(CKK_RSA)
            .token(true)
            .labels(label, publicLabel)
            .id(id)
            .decryptEncrypt(true)
            .unwrapWrap(true);
    template.publicKey().modulusBits(bits).publicExponent(BigInteger.valueOf(65537));
    template.privateKey().private_(true).sensitive(sensitive).extractable(!sensitive);
    synchronized (generateLock) {
      refuseExisting(label);
      refuseExisting(publicLabel);
      caller.call(
          HsmCall.GENERATE,
          false,
          "generating RSA key pair '" + label + "'",
          () -> token.generateKeyPair(new Mechanism(CKM_RSA_PKCS_KEY_PAIR_GEN), template));
    }
    return info(label);
  }

  /**
   * The key with this label, if there is one. A cached handle is confirmed with the token first
   * (one attribute read), since callers decide on the answer whether the key exists.
   */
  public Optional<HsmKeyInfo> find(String label) {
    HsmKeyRef.checkLabel(label);
    return keys.current(caller, label).map(KeyHandles.Entry::info);
  }

  /**
   * The labels of the keys the token holds (secret, private and public key objects), sorted; at
   * most {@code max} objects of each class are read. Labels the {@code hsm::} syntax cannot name
   * (empty, or with {@code ::}) are left out.
   */
  public List<String> labels(int max) {
    return KeyAttributes.labels(caller, token, slotId, max);
  }

  /**
   * The key with this label, or {@link HsmException.Kind#KEY_NOT_FOUND}; checked with the token as
   * {@link #find} is.
   */
  public HsmKeyInfo info(String label) {
    return find(label)
        .orElseThrow(
            () ->
                new HsmException(
                    HsmException.Kind.KEY_NOT_FOUND,
                    "slot " + slotId + " holds no key labelled '" + label + "'"));
  }

  /**
   * Removes the key from the token. An RSA pair is two objects: destroy {@code label} and {@code
   * label_pk}.
   */
  public void destroy(String label) {
    entry(label);
    try {
      caller.call(
          HsmCall.DESTROY,
          false,
          "destroying '" + label + "'",
          () -> {
            token.destroyObject(entry(label).handle());
            return Boolean.TRUE;
          });
    } finally {
      keys.forget(label);
    }
  }

  /** The DER SubjectPublicKeyInfo of an RSA public key. */
  public byte[] exportPublicKey(String label) {
    KeyHandles.Entry key = entry(label);
    if (key.info().keyClass() != KeyClass.PUBLIC) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'" + label + "' is not a public key (expected: a *_pk label)");
    }
    AttributeVector values =
        caller.call(
            HsmCall.GET_ATTRIBUTES,
            true,
            "reading public key '" + label + "'",
            () -> token.getAttrValues(entry(label).handle(), CKA_MODULUS, CKA_PUBLIC_EXPONENT));
    return KeyEncoding.rsaPublicKey(values);
  }

  /**
   * The value of a key that may leave the HSM: raw bytes of a secret key, PKCS#8 DER of a private
   * key, SubjectPublicKeyInfo DER of a public key. Sensitive or non-extractable keys fail with
   * {@link HsmException.Kind#NOT_EXPORTABLE}. The caller owns (and should wipe) the returned array.
   */
  public byte[] exportValue(String label) {
    KeyHandles.Entry key = entry(label);
    HsmKeyInfo info = key.info();
    if (info.keyClass() == KeyClass.PUBLIC) {
      return exportPublicKey(label);
    }
    if (!info.exportable()) {
      throw new HsmException(
          HsmException.Kind.NOT_EXPORTABLE,
          "'"
              + label
              + "' is "
              + (info.sensitive() ? "sensitive" : "not extractable")
              + ": its value stays in the HSM");
    }
    if (info.keyClass() == KeyClass.SECRET) {
      AttributeVector values =
          caller.call(
              HsmCall.GET_ATTRIBUTES,
              true,
              "reading '" + label + "'",
              () -> token.getAttrValues(entry(label).handle(), CKA_VALUE));
      byte[] value = values.value();
      if (value == null) {
        throw new HsmException(
            HsmException.Kind.NOT_EXPORTABLE, "the token withholds the value of '" + label + "'");
      }
      return value;
    }
    AttributeVector values =
        caller.call(
            HsmCall.GET_ATTRIBUTES,
            true,
            "reading '" + label + "'",
            () ->
                token.getAttrValues(
                    entry(label).handle(),
                    CKA_MODULUS,
                    CKA_PUBLIC_EXPONENT,
                    CKA_PRIVATE_EXPONENT,
                    CKA_PRIME_1,
                    CKA_PRIME_2,
                    CKA_EXPONENT_1,
                    CKA_EXPONENT_2,
                    CKA_COEFFICIENT));
    return KeyEncoding.rsaPrivateKey(label, values);
  }

  // ---- crypto -------------------------------------------------------------------------------

  /** AES-GCM with a fresh random 96-bit IV and a 128-bit tag; {@code aad} may be empty. */
  public AesGcmCiphertext encryptAesGcm(String label, byte[] plaintext, byte[] aad) {
    byte[] iv = new byte[AesGcmCiphertext.IV_LENGTH];
    random.nextBytes(iv);
    Mechanism mechanism = gcm(iv, aad);
    byte[] out =
        caller.call(
            HsmCall.ENCRYPT,
            true,
            "AES-GCM encryption with '" + label + "'",
            () -> token.encrypt(mechanism, handle(label, KeyClass.SECRET), plaintext));
    return AesGcmCiphertext.fromToken(iv, out);
  }

  /**
   * Checks the tag and decrypts; a wrong key, IV, AAD or tag fails with {@link
   * HsmException.Kind#INVALID_DATA}.
   */
  public byte[] decryptAesGcm(String label, AesGcmCiphertext ciphertext, byte[] aad) {
    Mechanism mechanism = gcm(ciphertext.iv(), aad);
    byte[] in = ciphertext.toToken();
    return caller.call(
        HsmCall.DECRYPT,
        true,
        "AES-GCM decryption with '" + label + "'",
        () -> token.decrypt(mechanism, handle(label, KeyClass.SECRET), in));
  }

  /** RSA encryption with a public key ({@code <label>_pk}). */
  public byte[] encryptRsa(String label, RsaPadding padding, byte[] plaintext) {
    Mechanism mechanism = rsa(padding);
    return caller.call(
        HsmCall.ENCRYPT,
        true,
        "RSA encryption with '" + label + "'",
        () -> token.encrypt(mechanism, handle(label, KeyClass.PUBLIC), plaintext));
  }

  /** RSA decryption with a private key. */
  public byte[] decryptRsa(String label, RsaPadding padding, byte[] ciphertext) {
    Mechanism mechanism = rsa(padding);
    return caller.call(
        HsmCall.DECRYPT,
        true,
        "RSA decryption with '" + label + "'",
        () -> token.decrypt(mechanism, handle(label, KeyClass.PRIVATE), ciphertext));
  }

  /**
   * Wraps a key blob held by the caller (a KMS key) under an HSM key: RSA-OAEP-SHA256 with a public
   * key, AES key wrap with padding with an AES key where the token has it, AES-GCM ({@code iv ||
   * ciphertext || tag}) otherwise.
   */
  public byte[] wrap(String wrappingLabel, byte[] keyBytes) {
    KeyHandles.Entry key = entry(wrappingLabel);
    String what = "wrapping with '" + wrappingLabel + "'";
    return switch (key.info().keyClass()) {
      case PUBLIC ->
          caller.call(
              HsmCall.WRAP,
              true,
              what,
              () -> token.encrypt(rsa(profile.rsaOaep()), entry(wrappingLabel).handle(), keyBytes));
      case SECRET -> {
        if (keyWrapPad) {
          yield caller.call(
              HsmCall.WRAP, true, what, () -> wrapPad(entry(wrappingLabel).handle(), keyBytes));
        }
        caller.count(HsmCall.WRAP).incrementAndGet();
        AesGcmCiphertext c = encryptAesGcm(wrappingLabel, keyBytes, new byte[0]);
        yield concat(c.iv(), c.ciphertext(), c.tag());
      }
      case PRIVATE ->
          throw new HsmException(
              HsmException.Kind.INVALID_KEY,
              "'" + wrappingLabel + "' is a private key (expected: its _pk or an AES key)");
    };
  }

  /**
   * Undoes {@link #wrap} inside the HSM and returns the key blob to the caller, who owns and wipes
   * it.
   */
  public byte[] unwrap(String unwrappingLabel, byte[] wrapped) {
    KeyHandles.Entry key = entry(unwrappingLabel);
    String what = "unwrapping with '" + unwrappingLabel + "'";
    return switch (key.info().keyClass()) {
      case PRIVATE ->
          caller.call(
              HsmCall.UNWRAP,
              true,
              what,
              () ->
                  token.decrypt(rsa(profile.rsaOaep()), entry(unwrappingLabel).handle(), wrapped));
      case SECRET -> {
        if (keyWrapPad) {
          yield caller.call(
              HsmCall.UNWRAP,
              true,
              what,
              () -> unwrapPad(entry(unwrappingLabel).handle(), wrapped));
        }
        caller.count(HsmCall.UNWRAP).incrementAndGet();
        yield decryptAesGcm(unwrappingLabel, splitGcm(wrapped), new byte[0]);
      }
      case PUBLIC ->
          throw new HsmException(
              HsmException.Kind.INVALID_KEY,
              "'" + unwrappingLabel + "' is a public key (expected: a private or AES key)");
    };
  }

  /** Closes the idle sessions; the module finalises the library. */
  @Override
  public void close() {
    token.closeAllSessions();
    Arrays.fill(pin, '\0');
  }

  @Override
  public String toString() {
    return "HsmSlot[" + profile.name() + " slot " + slotId + "]";
  }

  /** Logs in again if the token logged the user out (a login all sessions share); true if so. */
  private boolean ensureLoggedIn() {
    try {
      Session side = token.getToken().openSession(false);
      try {
        long state = side.getSessionInfo().getState();
        boolean loggedOut = state == CKS_RO_PUBLIC_SESSION || state == CKS_RW_PUBLIC_SESSION;
        if (loggedOut) {
          side.login(CKU_USER, pin);
        }
        return loggedOut;
      } finally {
        side.closeSession();
      }
    } catch (TokenException e) {
      if (!(e instanceof PKCS11Exception p && p.getErrorCode() == CKR_USER_ALREADY_LOGGED_IN)) {
        throw Pkcs11Errors.translate("logging in to slot " + slotId + " again", e);
      }
      return true; // another thread logged in between the check and ours
    }
  }

  /** Logs the slot's user out behind the pool's back, as a token restart would (for tests). */
  void logoutForTest() throws TokenException {
    // Through a session of its own: the login state is shared by every session of the application.
    Session side = token.getToken().openSession(false);
    try {
      side.logout();
    } finally {
      side.closeSession();
    }
  }

  /** C_CloseAllSessions on the slot, behind the pool's back (for tests). */
  void closeAllSessionsForTest() throws iaik.pkcs.pkcs11.wrapper.PKCS11Exception {
    token.getModule().getPKCS11Module().C_CloseAllSessions(slotId);
  }

  // ---- internals ----------------------------------------------------------------------------

  // C_WrapKey needs a key object: the blob becomes a short-lived session object, not a token one.
  private byte[] wrapPad(long wrappingHandle, byte[] keyBytes) throws TokenException {
    AttributeVector blob =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(false)
            .sensitive(false)
            .extractable(true)
            .value(keyBytes);
    long temp = token.createObject(blob);
    try {
      return token.wrapKey(new Mechanism(profile.aesKeyWrapPad()), wrappingHandle, temp);
    } finally {
      token.destroyObject(temp);
    }
  }

  private byte[] unwrapPad(long unwrappingHandle, byte[] wrapped) throws TokenException {
    AttributeVector template =
        AttributeVector.newSecretKey(CKK_GENERIC_SECRET)
            .token(false)
            .sensitive(false)
            .extractable(true);
    long temp =
        token.unwrapKey(
            new Mechanism(profile.aesKeyWrapPad()), unwrappingHandle, wrapped, template);
    try {
      byte[] value = token.getAttrValues(temp, CKA_VALUE).value();
      if (value == null) {
        throw new HsmException(
            HsmException.Kind.DEVICE_ERROR, "the token withheld an unwrapped value");
      }
      return value;
    } finally {
      token.destroyObject(temp);
    }
  }

  private void refuseExisting(String label) {
    keys.forget(label);
    if (keys.lookup(caller, label).isPresent()) {
      throw new HsmException(
          HsmException.Kind.LABEL_EXISTS,
          "slot " + slotId + " already holds a key labelled '" + label + "'");
    }
  }

  private long handle(String label, KeyClass expected) {
    KeyHandles.Entry key = entry(label);
    if (key.info().keyClass() != expected) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'" + label + "' is a " + key.info().keyClass() + " key (expected: " + expected + ")");
    }
    return key.handle();
  }

  private KeyHandles.Entry entry(String label) {
    HsmKeyRef.checkLabel(label);
    return keys.lookup(caller, label)
        .orElseThrow(
            () ->
                new HsmException(
                    HsmException.Kind.KEY_NOT_FOUND,
                    "slot " + slotId + " holds no key labelled '" + label + "'"));
  }

  private static Mechanism gcm(byte[] iv, byte[] aad) {
    // An empty AAD goes as NULL: SoftHSM2 refuses a zero-length buffer, and the pool hides that.
    return new Mechanism(
        CKM_AES_GCM,
        new GCM_PARAMS(iv, aad.length == 0 ? null : aad, AesGcmCiphertext.TAG_LENGTH * 8));
  }

  private Mechanism rsa(RsaPadding padding) {
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

  private static AesGcmCiphertext splitGcm(byte[] wrapped) {
    int iv = AesGcmCiphertext.IV_LENGTH;
    int tag = AesGcmCiphertext.TAG_LENGTH;
    if (wrapped.length < iv + tag) {
      throw new HsmException(
          HsmException.Kind.INVALID_DATA,
          "wrapped key length: " + wrapped.length + " (expected: at least " + (iv + tag) + ")");
    }
    return new AesGcmCiphertext(
        Arrays.copyOfRange(wrapped, 0, iv),
        Arrays.copyOfRange(wrapped, iv, wrapped.length - tag),
        Arrays.copyOfRange(wrapped, wrapped.length - tag, wrapped.length));
  }

  private static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  private static HsmException invalid(String message) {
    return new HsmException(HsmException.Kind.INVALID_ARGUMENT, message);
  }
}

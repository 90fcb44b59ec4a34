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
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_KEY_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RO_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.TokenException;

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

  /** The largest input the session pool passes to the token in one call. */
  static final int MAX_MESSAGE_BYTES = 16 << 20;

  private final long slotId;
  private final HsmProfile profile;
  // Replaced, under the library's write lock, when the token is found again after a loss.
  private volatile PKCS11Token token;
  // The pool's own reference, used to log in again; wiped on close.
  private final char[] pin;
  private final SecureRandom random;
  private final boolean keyWrapPad;
  private final boolean aesGcm;
  private final TokenCaller caller;
  private final KeyHandles keys;
  private final Object generateLock = new Object();
  private final AtomicLong sessionsOpened;

  /**
   * @param sessionsOpened counted by the slot's {@link CountedToken}s
   * @param library held shared by every token call, exclusively to re-initialise the library
   * @param tokenLost told when the token is found lost, to bring it back
   */
  HsmSlot(
      long slotId,
      HsmProfile profile,
      PKCS11Token token,
      char[] pin,
      SecureRandom random,
      AtomicLong sessionsOpened,
      ReentrantReadWriteLock library,
      Runnable tokenLost) {
    this.sessionsOpened = sessionsOpened;
    this.pin = pin;
    this.slotId = slotId;
    this.profile = profile;
    this.token = token;
    this.random = random;
    this.keys =
        new KeyHandles(slotId, profile.maxFindObjects(), () -> this.token, this::ensureLoggedIn);
    // When the device went away every pooled session is dead, and so may be every cached handle.
    this.caller =
        new TokenCaller(
            slotId,
            library,
            () -> {
              this.token.closeAllSessions();
              keys.forgetAll();
            },
            keys::forgetAll,
            this::tokenAnswers,
            tokenLost);
    this.keyWrapPad =
        token.supportsMechanism(profile.aesKeyWrapPad(), CKF_WRAP)
            && token.supportsMechanism(profile.aesKeyWrapPad(), CKF_UNWRAP);
    this.aesGcm = Mechanisms.offersGcm(token);
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

  /**
   * Whether the slot's token is taken to be there: false from the moment it stopped answering until
   * the module found it again. Meanwhile every call fails at once with {@link
   * HsmException.Kind#TOKEN_UNAVAILABLE}.
   */
  public boolean available() {
    return !caller.lost();
  }

  /** How many times the slot's token was found lost. */
  public long losses() {
    return caller.losses();
  }

  /** How many C_OpenSession calls this slot has made, failed ones included. */
  public long sessionsOpened() {
    return sessionsOpened.get();
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

  /**
   * Whether the token lists {@code mechanism} for a use ({@code CKF_ENCRYPT}, {@code CKF_WRAP}).
   */
  public boolean offers(long mechanism, long use) {
    return token.supportsMechanism(mechanism, use);
  }

  /** AES-GCM with a fresh random 96-bit IV and a 128-bit tag; {@code aad} may be empty. */
  public AesGcmCiphertext encryptAesGcm(String label, byte[] plaintext, byte[] aad) {
    Mechanisms.requireGcm(aesGcm, keyWrapPad, slotId, profile);
    byte[] iv = new byte[AesGcmCiphertext.IV_LENGTH];
    random.nextBytes(iv);
    Mechanism mechanism = Mechanisms.gcm(iv, aad);
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
    Mechanisms.requireGcm(aesGcm, keyWrapPad, slotId, profile);
    Mechanism mechanism = Mechanisms.gcm(ciphertext.iv(), aad);
    byte[] in = ciphertext.toToken();
    return caller.call(
        HsmCall.DECRYPT,
        true,
        "AES-GCM decryption with '" + label + "'",
        () -> token.decrypt(mechanism, handle(label, KeyClass.SECRET), in));
  }

  /** RSA encryption with a public key ({@code <label>_pk}). */
  public byte[] encryptRsa(String label, RsaPadding padding, byte[] plaintext) {
    Mechanism mechanism = Mechanisms.rsa(profile, padding);
    return caller.call(
        HsmCall.ENCRYPT,
        true,
        "RSA encryption with '" + label + "'",
        () -> token.encrypt(mechanism, handle(label, KeyClass.PUBLIC), plaintext));
  }

  /** RSA decryption with a private key. */
  public byte[] decryptRsa(String label, RsaPadding padding, byte[] ciphertext) {
    Mechanism mechanism = Mechanisms.rsa(profile, padding);
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
              () ->
                  token.encrypt(
                      Mechanisms.rsa(profile, profile.rsaOaep()),
                      entry(wrappingLabel).handle(),
                      keyBytes));
      case SECRET -> {
        if (keyWrapPad) {
          yield caller.call(
              HsmCall.WRAP,
              true,
              what,
              () -> KeyWrapBlobs.wrapPad(token, profile, entry(wrappingLabel).handle(), keyBytes));
        }
        caller.count(HsmCall.WRAP).incrementAndGet();
        AesGcmCiphertext c = encryptAesGcm(wrappingLabel, keyBytes, new byte[0]);
        yield KeyWrapBlobs.concat(c.iv(), c.ciphertext(), c.tag());
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
                  token.decrypt(
                      Mechanisms.rsa(profile, profile.rsaOaep()),
                      entry(unwrappingLabel).handle(),
                      wrapped));
      case SECRET -> {
        if (keyWrapPad) {
          yield caller.call(
              HsmCall.UNWRAP,
              true,
              what,
              () ->
                  KeyWrapBlobs.unwrapPad(token, profile, entry(unwrappingLabel).handle(), wrapped));
        }
        caller.count(HsmCall.UNWRAP).incrementAndGet();
        yield decryptAesGcm(unwrappingLabel, KeyWrapBlobs.splitGcm(wrapped), new byte[0]);
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

  // ---- loss and return (HsmModule's TokenRecovery) -------------------------------------------

  /** Whether the token answers C_GetTokenInfo; asked after failures the token did not explain. */
  boolean tokenAnswers() {
    try {
      token.getToken().getTokenInfo();
      return true;
    } catch (PKCS11Exception e) {
      return false;
    }
  }

  /** Takes the token for lost, as a failed call would (the library no longer lists the slot). */
  void markLost(String why) {
    caller.markLost(why);
  }

  /** Closes the pool's sessions; before C_Finalize, whose successor may reuse the handles. */
  void closeSessions() {
    token.closeAllSessions();
  }

  /**
   * Replaces the session pool with a new one on {@code slot}, logged in with the slot's PIN, and
   * forgets every cached handle: the token is back. Runs with the library's write lock held, so no
   * call is on the old pool.
   */
  void reopen(Slot slot) throws TokenException {
    PKCS11Token fresh =
        new PKCS11Token(new CountedToken(slot, sessionsOpened), false, pin, profile.maxSessions());
    fresh.setMaxMessageSize(MAX_MESSAGE_BYTES);
    PKCS11Token old = token;
    token = fresh;
    old.closeAllSessions();
    keys.forgetAll();
    caller.restored();
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

  private static HsmException invalid(String message) {
    return new HsmException(HsmException.Kind.INVALID_ARGUMENT, message);
  }
}

package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_UNWRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_WRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RO_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKS_RW_PUBLIC_SESSION;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * One logged-in PKCS#11 slot with keys named by label: generation and Re-key, search, attributes,
 * export, destruction, encryption, signatures, MACs and wrapping. Sessions come from the bounded
 * pool of xipki's {@link PKCS11Token}, which logs in once and logs in again when it hands out a
 * session the token has logged out; this class adds one retry when the token drops sessions or its
 * login in the middle of a call, and counts the calls it makes.
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
  private final Signatures signatures;
  private final Object generateLock = new Object();
  private final AtomicLong sessionsOpened;
  private final AtomicInteger openStreams = new AtomicInteger();

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
    this.signatures = new Signatures(slotId, caller, () -> this.token, this::entry);
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

  /** Tells {@code observer} of every token call this slot makes from now on (metrics). */
  public void observeCalls(HsmCallObserver observer) {
    caller.observe(observer);
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

  /** The streams ({@link HsmStream}) open now, each holding a token session of its own. */
  public int openStreams() {
    return openStreams.get();
  }

  /** How many times this slot found its sessions or login gone and started over. */
  public long recoveries() {
    return caller.recoveries();
  }

  /** How many cached key handles turned out stale (the object gone) and were looked up again. */
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
    return KeyGeneration.aes(this, label, bits, sensitive);
  }

  /** Generates an RSA pair of 2048, 3072 or 4096 bits: {@code label} and {@code label_pk}. */
  public HsmKeyInfo generateRsa(String label, int bits, boolean sensitive) {
    return KeyGeneration.rsa(this, label, bits, sensitive);
  }

  /** Generates an EC pair on a NIST curve for ECDSA, labelled as an RSA pair. */
  public HsmKeyInfo generateEc(String label, EcCurve curve, boolean sensitive) {
    return KeyGeneration.ec(this, label, curve, sensitive);
  }

  /**
   * Generates an HMAC key for one hash: a generic secret of {@code bits} (a multiple of 8, at least
   * the hash length, at most 4096) that CKA_ALLOWED_MECHANISMS binds to that hash's HMAC, so one
   * key never serves two algorithms. Tokens refuse CKK_SHA*_HMAC key generation (SoftHSM2), hence
   * the generic key type.
   */
  public HsmKeyInfo generateHmac(String label, HashAlgorithm hash, int bits, boolean sensitive) {
    return KeyGeneration.hmac(this, label, hash, bits, sensitive);
  }

  /**
   * Makes the next version of a key (see {@link HsmKeyVersion}): a key of the same algorithm,
   * length or curve and sensitivity under the next free version label, {@code label.v2} after
   * {@code label}; a pair's public key follows as {@code label.v2_pk}. The old version stays, so
   * the caller can link both by their labels. Name the private key of a pair.
   */
  public HsmRekey rekey(String label) {
    return KeyGeneration.rekey(this, label);
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
   * The keys that match a query (for Locate), sorted by label: at most {@link KeyQuery#maxKeys()},
   * after reading at most {@link KeySearch#MAX_SCANNED} objects of each class from the token.
   */
  public List<HsmKeyInfo> findKeys(KeyQuery query) {
    return KeySearch.find(caller, token, slotId, query);
  }

  /** The key with this label, or {@link HsmException.Kind#KEY_NOT_FOUND}; as {@link #find}. */
  public HsmKeyInfo info(String label) {
    return find(label)
        .orElseThrow(
            () ->
                new HsmException(
                    HsmException.Kind.KEY_NOT_FOUND,
                    "slot " + slotId + " holds no key labelled '" + label + "'"));
  }

  /** Removes the key from the token (a pair is two: {@code label} and {@code label_pk}). */
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

  /** The DER SubjectPublicKeyInfo of an RSA or EC public key (EC: RFC 5480, named curve). */
  public byte[] exportPublicKey(String label) {
    return KeyExport.publicKey(this, label);
  }

  /**
   * The value of a key that may leave the HSM: raw bytes of a secret key, PKCS#8 DER of a private
   * key, SubjectPublicKeyInfo DER of a public key. Sensitive or non-extractable keys fail with
   * {@link HsmException.Kind#NOT_EXPORTABLE}. The caller owns (and should wipe) the returned array.
   */
  public byte[] exportValue(String label) {
    return KeyExport.value(this, label);
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
    return encryptAesGcm(label, plaintext, aad, AesGcmCiphertext.TAG_LENGTH);
  }

  /**
   * AES-GCM with a fresh random 96-bit IV, the Additional Authenticated Data {@code aad} (may be
   * empty) and a tag of {@code tagLength} bytes, 12 to 16 ({@link
   * HsmException.Kind#INVALID_ARGUMENT} otherwise).
   */
  public AesGcmCiphertext encryptAesGcm(String label, byte[] plaintext, byte[] aad, int tagLength) {
    Mechanisms.requireGcm(aesGcm, keyWrapPad, slotId, profile);
    AesGcmCiphertext.checkTagLength(tagLength);
    byte[] iv = new byte[AesGcmCiphertext.IV_LENGTH];
    random.nextBytes(iv);
    Mechanism mechanism = Mechanisms.gcm(iv, aad, tagLength);
    byte[] out =
        caller.call(
            HsmCall.ENCRYPT,
            true,
            "AES-GCM encryption with '" + label + "'",
            () ->
                token.encrypt(
                    mechanism, handle(label, KeyClass.SECRET, KeyAlgorithm.AES), plaintext));
    return AesGcmCiphertext.fromToken(iv, out, tagLength);
  }

  /**
   * Checks the tag (of the length the ciphertext carries) and decrypts; a wrong key, IV, AAD or tag
   * fails with {@link HsmException.Kind#INVALID_DATA}.
   */
  public byte[] decryptAesGcm(String label, AesGcmCiphertext ciphertext, byte[] aad) {
    Mechanisms.requireGcm(aesGcm, keyWrapPad, slotId, profile);
    Mechanism mechanism = Mechanisms.gcm(ciphertext.iv(), aad, ciphertext.tagLength());
    byte[] in = ciphertext.toToken();
    return caller.call(
        HsmCall.DECRYPT,
        true,
        "AES-GCM decryption with '" + label + "'",
        () -> token.decrypt(mechanism, handle(label, KeyClass.SECRET, KeyAlgorithm.AES), in));
  }

  /** RSA encryption with a public key ({@code <label>_pk}). */
  public byte[] encryptRsa(String label, RsaPadding padding, byte[] plaintext) {
    Mechanism mechanism = Mechanisms.rsa(profile, padding);
    return caller.call(
        HsmCall.ENCRYPT,
        true,
        "RSA encryption with '" + label + "'",
        () ->
            token.encrypt(mechanism, handle(label, KeyClass.PUBLIC, KeyAlgorithm.RSA), plaintext));
  }

  /** RSA decryption with a private key. */
  public byte[] decryptRsa(String label, RsaPadding padding, byte[] ciphertext) {
    Mechanism mechanism = Mechanisms.rsa(profile, padding);
    return caller.call(
        HsmCall.DECRYPT,
        true,
        "RSA decryption with '" + label + "'",
        () ->
            token.decrypt(
                mechanism, handle(label, KeyClass.PRIVATE, KeyAlgorithm.RSA), ciphertext));
  }

  /**
   * Signs {@code data} with a private key; the token hashes where it can, else the hash is computed
   * here. RSA signatures are the PKCS#1 octet string; ECDSA signatures are returned DER-encoded
   * ({@code ECDSA-Sig-Value}, RFC 3279), as KMIP clients and the JDK's {@code SHA256withECDSA}
   * expect, not the token's {@code r || s}. A key of the wrong class or algorithm fails with {@link
   * HsmException.Kind#INVALID_KEY}, a mechanism the token lacks with {@link
   * HsmException.Kind#UNSUPPORTED}.
   */
  public byte[] sign(String label, SignatureAlgorithm algorithm, byte[] data) {
    return signatures.sign(label, algorithm, data, false);
  }

  /**
   * As {@link #sign}, over a digest the caller computed with the algorithm's hash (of the hash's
   * length, else {@link HsmException.Kind#INVALID_ARGUMENT}).
   */
  public byte[] signDigest(String label, SignatureAlgorithm algorithm, byte[] digest) {
    return signatures.sign(label, algorithm, digest, true);
  }

  /**
   * Whether {@code signature} (ECDSA: DER, as {@link #sign} returns it) is a valid signature of
   * {@code data} by the public key {@code label} (a {@code *_pk} label). A malformed signature is
   * invalid, not an error.
   */
  public boolean verify(String label, SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
    return signatures.verify(label, algorithm, data, false, signature);
  }

  /** As {@link #verify}, over a digest the caller computed with the algorithm's hash. */
  public boolean verifyDigest(
      String label, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
    return signatures.verify(label, algorithm, digest, true, signature);
  }

  /**
   * The HMAC of {@code data} with an HMAC key for this hash (or a generic secret at least as long
   * as the hash).
   */
  public byte[] mac(String label, HashAlgorithm hash, byte[] data) {
    return signatures.mac(label, hash, data);
  }

  /** Whether {@code mac} is the full HMAC of {@code data}, compared in constant time. */
  public boolean verifyMac(String label, HashAlgorithm hash, byte[] data, byte[] mac) {
    return signatures.verifyMac(label, hash, data, mac);
  }

  /**
   * An HSM key, wrapped inside the HSM by C_WrapKey so that even a sensitive key can leave it:
   * under an AES key with AES key wrap with padding (RFC 5649) where the token offers it, or under
   * an RSA public key with RSA-OAEP (secret keys only). Without key wrap with padding, a key that
   * may leave in clear is read and sealed with AES-GCM ({@code iv || ciphertext || tag}, as {@link
   * #wrap} does), and a sensitive one is refused with {@link HsmException.Kind#UNSUPPORTED}. A key
   * that is not extractable fails with {@link HsmException.Kind#NOT_EXPORTABLE}.
   */
  public byte[] wrapKey(String wrappingLabel, String keyLabel) {
    return KeyExport.wrapKey(this, wrappingLabel, keyLabel);
  }

  /**
   * Wraps a key blob held by the caller (a KMS key) under an HSM key: RSA-OAEP-SHA256 with a public
   * key, AES key wrap with padding with an AES key where the token has it, AES-GCM ({@code iv ||
   * ciphertext || tag}) otherwise.
   */
  public byte[] wrap(String wrappingLabel, byte[] keyBytes) {
    return KeyWrapBlobs.wrapBlob(this, wrappingLabel, keyBytes);
  }

  /** Wraps key bytes under the RSA public key {@code label} by C_WrapKey, in the token. */
  public byte[] wrapRsa(String label, RsaPadding padding, byte[] keyBytes) {
    return KeyWrapBlobs.wrapRsa(this, label, padding, keyBytes);
  }

  /**
   * Undoes {@link #wrap} inside the HSM and returns the key blob to the caller, who owns and wipes
   * it.
   */
  public byte[] unwrap(String unwrappingLabel, byte[] wrapped) {
    return KeyWrapBlobs.unwrapBlob(this, unwrappingLabel, wrapped);
  }

  /**
   * Unwraps a key blob inside the token into a sensitive, non-extractable session object of {@code
   * algorithm} (AES or an HMAC), so that a stored key serves crypto calls without its value ever in
   * this process: AES key wrap with padding under an AES key where the token offers it (what {@link
   * #wrap} and {@link #wrapKey} make), else the AES-GCM blob of the fallback, decrypted and created
   * as the object; RSA-OAEP under a private key. {@link #unwrap} is the form that returns the
   * bytes, through a non-sensitive object.
   */
  public HsmSessionKey unwrapToSession(
      String unwrappingLabel, byte[] wrapped, KeyAlgorithm algorithm) {
    return KeyWrapBlobs.unwrapToSession(this, unwrappingLabel, wrapped, algorithm);
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

  /** The current session pool (a new one after the token came back). */
  PKCS11Token token() {
    return token;
  }

  TokenCaller caller() {
    return caller;
  }

  AtomicInteger streams() {
    return openStreams;
  }

  Signatures signatures() {
    return signatures;
  }

  SecureRandom random() {
    return random;
  }

  /** Held while a key is generated, so that two requests cannot both take a free label. */
  Object generateLock() {
    return generateLock;
  }

  void refuseExisting(String label) {
    keys.forget(label);
    if (keys.lookup(caller, label).isPresent()) {
      throw new HsmException(
          HsmException.Kind.LABEL_EXISTS,
          "slot " + slotId + " already holds a key labelled '" + label + "'");
    }
  }

  long handle(String label, KeyClass expected, KeyAlgorithm algorithm) {
    KeyHandles.Entry key = entry(label);
    if (key.info().keyClass() != expected || key.info().algorithm() != algorithm) {
      throw new HsmException(
          HsmException.Kind.INVALID_KEY,
          "'"
              + label
              + "' is a key of type "
              + key.info().algorithm()
              + " "
              + key.info().keyClass()
              + " (expected: "
              + algorithm
              + " "
              + expected
              + ")");
    }
    return key.handle();
  }

  KeyHandles.Entry entry(String label) {
    HsmKeyRef.checkLabel(label);
    return keys.lookup(caller, label)
        .orElseThrow(
            () ->
                new HsmException(
                    HsmException.Kind.KEY_NOT_FOUND,
                    "slot " + slotId + " holds no key labelled '" + label + "'"));
  }

  static HsmException invalid(String message) {
    return new HsmException(HsmException.Kind.INVALID_ARGUMENT, message);
  }
}

package io.arca.server.op;

import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.CipherParts;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.MacParts;
import io.arca.server.store.ObjectRecord;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a key can do, whoever holds it: the server's stored key material ({@link StoredKeyBacking})
 * or a PKCS#11 token ({@code hsm.HsmKeyBacking}). {@link KeyBackings} hands each handler the
 * backing of the object it names; the handler has made every check that does not depend on where
 * the key lives (access, state, dates, usage mask, usage limits, the protocol version's rules)
 * before it calls here, so a backing only runs the cipher or changes the key. A backing refuses
 * what it cannot do with one {@link io.arca.kmip.KmipException} naming the reason.
 */
public interface KeyBacking {

  /**
   * Makes a symmetric key that Create asked for under the identifier the client chose, and returns
   * that identifier (the handler sets the ID Placeholder and the batch's undo).
   */
  String create(Create.Request request, RequestContext context);

  /** Makes a key pair that Create Key Pair asked for; the private key's identifier comes first. */
  CreateKeyPair.Response createKeyPair(CreateKeyPair.Request request, RequestContext context);

  /**
   * Encrypts {@code plaintext} with {@code key}: the ciphertext without any tag, the IV used (null
   * when the client gave one or the mode has none) and the authentication tag of an AEAD.
   */
  AesCipher.Encrypted encrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString plaintext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context);

  /**
   * The length of the authentication tag Decrypt must find after the ciphertext of a client before
   * KMIP 1.4, or 0 when the key and parameters make no tag.
   */
  int tagBytes(ObjectRecord key, CryptographicParameters parameters);

  /**
   * Decrypts {@code ciphertext} (without its tag) with {@code key}, checking the tag of an AEAD.
   */
  ByteString decrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      byte @Nullable [] tag,
      RequestContext context);

  /**
   * {@link #encrypt} from memory alone, on the event loop: empty when the key's material is not in
   * memory already (always for a token's key, and for key pairs, whose arithmetic is for a worker).
   */
  default Optional<AesCipher.Encrypted> encryptInMemory(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString plaintext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData) {
    return Optional.empty();
  }

  /** {@link #decrypt} from memory alone, as {@link #encryptInMemory}. */
  default Optional<ByteString> decryptInMemory(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      byte @Nullable [] tag) {
    return Optional.empty();
  }

  /**
   * Signs {@code input} with the private key {@code key}: the data, or with {@code digested} the
   * digest of the data the client computed. RSA signatures are the PKCS#1 octet string, ECDSA
   * signatures DER ({@code ECDSA-Sig-Value}).
   */
  byte[] sign(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      RequestContext context);

  /**
   * Whether {@code signature} is a valid signature of {@code input} (the data, or with {@code
   * digested} its digest) by the public key {@code key}. A malformed signature is not valid; it is
   * no error.
   */
  boolean verify(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signature,
      RequestContext context);

  /** The MAC of {@code data} with {@code key}, by the algorithm the handler chose. */
  byte[] mac(ObjectRecord key, MacEngine.Algorithm algorithm, byte[] data, RequestContext context);

  /** Whether {@code mac} is the MAC of {@code data} with {@code key}, compared in constant time. */
  boolean macVerify(
      ObjectRecord key,
      MacEngine.Algorithm algorithm,
      byte[] data,
      byte[] mac,
      RequestContext context);

  /**
   * Wraps the bytes of another key with {@code key}, for Get and Export with a Key Wrapping
   * Specification that names it: an AES key by NIST Key Wrap or AES Key Wrap Padding, an RSA public
   * key by OAEP, as {@code parameters} say (the handler has checked access, state, the algorithm
   * and the Wrap Key usage).
   */
  byte[] wrap(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] keyBytes,
      RequestContext context);

  /**
   * Undoes a wrap with {@code key}: an AES key as {@link #wrap} does, or an RSA private key by
   * OAEP, for a key registered or imported wrapped under it.
   */
  byte[] unwrap(
      ObjectRecord key, CryptographicParameters parameters, byte[] wrapped, RequestContext context);

  /**
   * Refuses a key that cannot be a base of Derive Key here, whose derivation reads the key's value
   * in the server; stored keys can all be.
   */
  default void checkDerivable(ObjectRecord key, RequestContext context) {}

  /**
   * Starts an encryption ({@code encrypt}) or decryption with {@code key} over several requests
   * (Init Indicator, Correlation Value, Final Indicator), which {@link CryptoStreams} holds between
   * them and closes on every way out. An encryption without {@code iv} draws one.
   */
  CipherParts startCipher(
      ObjectRecord key,
      CryptographicParameters parameters,
      boolean encrypt,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context);

  /** Starts a MAC with {@code key} over several requests, as {@link #startCipher}. */
  MacParts startMac(ObjectRecord key, MacEngine.Algorithm algorithm, RequestContext context);

  /**
   * Makes the replacement of {@code key} (Re-key, or Re-key Key Pair of a private key) where the
   * backing keeps its keys whole, and returns the replacement's identifier. The HSM makes the next
   * version of the key's label in the same slot; stored keys, whose attributes travel with them,
   * are replaced by the handlers themselves and never come here.
   */
  String rekey(ObjectRecord key, RequestContext context);

  /**
   * Destroys the object's key material for good; the handler has checked that nothing stored still
   * needs it.
   */
  void destroy(ObjectRecord object, RequestContext context);
}

package io.arca.server.tls;

import io.arca.server.config.Password;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.jspecify.annotations.Nullable;

/**
 * The server's private key and certificate chain, read from PEM files or a PKCS#12 store and
 * checked to belong together: the key signs a random challenge that the certificate's public key
 * must verify. Without that check a mismatched pair would load fine and fail every handshake, which
 * is how a reload would take a running server down.
 */
final class ServerKey {
  private final PrivateKey privateKey;
  private final X509Certificate[] chain;

  private ServerKey(PrivateKey privateKey, X509Certificate[] chain) {
    this.privateKey = privateKey;
    this.chain = chain.clone();
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  X509Certificate[] chain() {
    return chain.clone();
  }

  /** The server certificate (the first of the chain). */
  X509Certificate certificate() {
    return chain[0];
  }

  /**
   * Reads the key and chain: PEM certificate and key files, or one PKCS#12 file when {@code key} is
   * null.
   *
   * @throws IOException naming what cannot be read, or that the key is not the certificate's
   */
  static ServerKey load(Path certificate, @Nullable Path key, @Nullable Password password)
      throws IOException {
    char[] chars = password == null ? null : password.toCharArray();
    try {
      ServerKey loaded =
          key != null ? fromPem(certificate, key, chars) : fromPkcs12(certificate, chars);
      loaded.checkPair();
      return loaded;
    } catch (GeneralSecurityException | OperatorCreationException | PKCSException e) {
      throw new IOException(
          "cannot read the server key or certificate ("
              + certificate
              + (key == null ? "" : ", " + key)
              + "): "
              + e.getMessage(),
          e);
    } finally {
      if (chars != null) {
        Arrays.fill(chars, '\0');
      }
    }
  }

  private static ServerKey fromPem(Path certificate, Path key, char @Nullable [] password)
      throws IOException, GeneralSecurityException, OperatorCreationException, PKCSException {
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(certificate)) {
      for (Certificate read : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) read);
      }
    }
    if (chain.isEmpty()) {
      throw new IOException("no certificate in " + certificate);
    }
    return new ServerKey(privateKey(key, password), chain.toArray(X509Certificate[]::new));
  }

  private static PrivateKey privateKey(Path file, char @Nullable [] password)
      throws IOException, OperatorCreationException, PKCSException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (pem instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (password == null
          && (pem instanceof PKCS8EncryptedPrivateKeyInfo || pem instanceof PEMEncryptedKeyPair)) {
        throw new IOException(file + " is encrypted and no password was given");
      }
      if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted && password != null) {
        return converter.getPrivateKey(
            encrypted.decryptPrivateKeyInfo(
                new JceOpenSSLPKCS8DecryptorProviderBuilder().build(password)));
      }
      if (pem instanceof PEMEncryptedKeyPair encrypted && password != null) {
        return converter
            .getKeyPair(
                encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(password)))
            .getPrivate();
      }
      throw new IOException("no private key in " + file);
    }
  }

  private static ServerKey fromPkcs12(Path file, char @Nullable [] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    for (String alias : Collections.list(store.aliases())) {
      Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
      if (chain != null
          && chain.length > 0
          && store.getKey(alias, password) instanceof PrivateKey key) {
        return new ServerKey(
            key,
            Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
      }
    }
    throw new IOException("no private key with a certificate chain in " + file);
  }

  /** Signs a random challenge with the key and verifies it with the certificate. */
  private void checkPair() throws IOException, GeneralSecurityException {
    String algorithm =
        switch (privateKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "Ed448", "EdDSA" -> "EdDSA";
          default ->
              throw new IOException(
                  "cannot check a " + privateKey.getAlgorithm() + " key against its certificate");
        };
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(privateKey);
    signer.update(challenge);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    try {
      verifier.initVerify(certificate().getPublicKey());
    } catch (InvalidKeyException e) {
      throw new IOException(
          "the private key does not match the server certificate (another key type)", e);
    }
    verifier.update(challenge);
    if (!verifier.verify(signature)) {
      throw new IOException("the private key does not match the server certificate");
    }
  }

  @Override
  public String toString() {
    return "ServerKey[" + certificate().getSubjectX500Principal() + "]";
  }
}

package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashAlgorithmTest {

  /**
   * The DigestInfo that CKM_RSA_PKCS signs is what the JDK's PKCS#1 v1.5 signature holds: opening
   * the JDK's signature with the public key shows it after the padding.
   */
  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void digestInfoIsWhatPkcs1SignaturesCarry(HashAlgorithm hash) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    byte[] data = {1, 2, 3};
    Signature jdk = Signature.getInstance(hash.jcaName().replace("-", "") + "withRSA");
    jdk.initSign(pair.getPrivate());
    jdk.update(data);
    byte[] signature = jdk.sign();
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();

    byte[] em =
        new BigInteger(1, signature)
            .modPow(publicKey.getPublicExponent(), publicKey.getModulus())
            .toByteArray();
    byte[] digestInfo = hash.digestInfo(hash.digest(data));

    assertThat(java.util.Arrays.copyOfRange(em, em.length - digestInfo.length, em.length))
        .isEqualTo(digestInfo);
    Cipher raw = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    raw.init(Cipher.ENCRYPT_MODE, (RSAPrivateKey) pair.getPrivate());
    assertThat(raw.doFinal(digestInfo)).isEqualTo(signature);
  }
}

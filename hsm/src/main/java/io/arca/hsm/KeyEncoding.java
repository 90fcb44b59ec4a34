package io.arca.hsm;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.AttributeVector;

/**
 * Turns RSA key attributes read from a token into the standard DER encodings, using the JDK's own
 * encoders.
 */
final class KeyEncoding {

  private KeyEncoding() {}

  static byte[] rsaPublicKey(AttributeVector values) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(
              new RSAPublicKeySpec(need(values.modulus()), need(values.publicExponent())))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new HsmException(
          HsmException.Kind.DEVICE_ERROR, "the token returned an unusable RSA public key", null, e);
    }
  }

  static byte[] rsaPrivateKey(String label, AttributeVector v) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(
              new RSAPrivateCrtKeySpec(
                  need(v.modulus()),
                  need(v.publicExponent()),
                  need(v.privateExponent()),
                  need(v.prime1()),
                  need(v.prime2()),
                  need(v.exponent1()),
                  need(v.exponent2()),
                  need(v.coefficient())))
          .getEncoded();
    } catch (GeneralSecurityException | IllegalStateException e) {
      // No cause: the JDK's message could describe the key's numbers.
      throw new HsmException(
          HsmException.Kind.NOT_EXPORTABLE,
          "the token did not return every component of '" + label + "'");
    }
  }

  private static BigInteger need(@Nullable BigInteger value) {
    if (value == null) {
      throw new IllegalStateException("missing RSA component");
    }
    return value;
  }
}

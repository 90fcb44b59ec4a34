package io.arca.hsm;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.AttributeVector;

/**
 * Turns RSA and EC key attributes read from a token into the standard DER encodings, using the
 * JDK's own encoders.
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

  /**
   * The SubjectPublicKeyInfo of an EC public key (RFC 5480, named curve). CKA_EC_POINT is the DER
   * OCTET STRING of the uncompressed point (PKCS#11 2.40); some tokens and wrappers give the bare
   * point, which is told apart by its length.
   */
  static byte[] ecPublicKey(String label, EcCurve curve, byte[] ecPoint) {
    int n = curve.coordinateBytes();
    byte[] point = ecPoint.length == 1 + 2 * n ? ecPoint : octetStringContent(ecPoint);
    if (point.length != 1 + 2 * n || point[0] != 0x04) {
      throw new HsmException(
          HsmException.Kind.DEVICE_ERROR,
          "the token returned an EC point for '" + label + "' that is not an uncompressed point");
    }
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + n)),
            new BigInteger(1, Arrays.copyOfRange(point, 1 + n, 1 + 2 * n)));
    try {
      return KeyFactory.getInstance("EC")
          .generatePublic(new ECPublicKeySpec(w, parameters(curve)))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new HsmException(
          HsmException.Kind.DEVICE_ERROR,
          "the token returned an unusable EC public key for '" + label + "'",
          null,
          e);
    }
  }

  /** The PKCS#8 of an EC private key whose scalar (CKA_VALUE) the token let out. */
  static byte[] ecPrivateKey(String label, EcCurve curve, byte[] scalar) {
    BigInteger s = new BigInteger(1, scalar);
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(s, parameters(curve)))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      // No cause: the JDK's message could describe the key.
      throw new HsmException(
          HsmException.Kind.NOT_EXPORTABLE,
          "the token returned an unusable value for '" + label + "'");
    }
  }

  private static ECParameterSpec parameters(EcCurve curve) throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(curve.jcaName()));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  /**
   * The content of a DER OCTET STRING with a one- or two-byte length, or empty if it is not one.
   */
  private static byte[] octetStringContent(byte[] der) {
    if (der.length < 2 || der[0] != 0x04) {
      return new byte[0];
    }
    int length = der[1] & 0xff;
    int header = 2;
    if (length == 0x81 && der.length > 2) {
      length = der[2] & 0xff;
      header = 3;
    }
    return header + length == der.length
        ? Arrays.copyOfRange(der, header, der.length)
        : new byte[0];
  }
}

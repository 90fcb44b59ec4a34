package io.arca.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden data from outside Java: throw-away keys that OpenSSL 3.0 wrote in each format ({@code
 * openssl ecparam -genkey}, {@code genpkey}, {@code pkcs8 -topk8 -nocrypt}, {@code rsa
 * -traditional}, {@code -pubout}, {@code -RSAPublicKey_out}). Every format must convert into every
 * other byte for byte as OpenSSL wrote it, which checks the DER details (fixed-length EC scalars,
 * where the curve and public point go) against an independent implementation.
 */
class OpenSslFixturesTest {
  private static final String RSA_1024_PKCS1 =
      "MIICXQIBAAKBgQCsOlPngs+vv5dVaKiQ81JtjX6zJTLdyOFejMjIKxtpS0+ePHSRYp6KlSMlyFS9donPvXqHe4/7Q9EgOqNqgfdDamPoioq0cfRewuVRuXPHVBd4ycwjUzfs/IOZOqd+AZ2mvp9ODCheFUnf2kfOGucV7BLQWkvsDFsxyUyYJrV7/QIDAQABAoGBAJEe3NA4ozOdprCq7U6mGJCDJ31gHMpQl8YJrq0r1X8VnFLi8f4HMTvoiqMteGnk1h6btAExFpNMA4y6nDQEqwlbOExa2RSu6a1j60//vR9+POfvZXlrI+UYBC89/TrQFmmUNJkbx2JJq1HT3z0TeHbce72wFi6aV0D90ERdWx8pAkEA2GiV+a3BTW014ezfGgHEbvXgxiC9ksacUnNFKXDRY99XPHEjgycW0IdFxXMDj76WlMFb7PSQYnB1jORlp394QwJBAMu8jiipU8pjHCtRFdO922tT1g8V7zXq97GdQHwTnUi1DxrKiTc3o0tV6Zb0QTx2YL19Obz+px+X9gC1zz7XFr8CQEV+4Jq7t9XbenBBFyxM4P4ZK8O0g+x8p3q61b0HI9cExAj+9D6L8QGqTzenRb+FnunKZnDj4PIb10QVnKd7ge0CQQC7Is2dEbNSMej87LTU0g4KLm5vWuFnMBUlwuApV8bfstdV73VMD8Hg/9/YdTC6va0sQCrZqzqM7YLbsiPTf7N3AkBoOzbKaFZCwpHjhoA2QlaK2i/YAl9Hj+an2uljsxqF+Gms65RhhywbeDeA+YVaVjkKj/YxrLe60RfWYwGt66NC";
  private static final String RSA_1024_PKCS8 =
      "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAKw6U+eCz6+/l1VoqJDzUm2NfrMlMt3I4V6MyMgrG2lLT548dJFinoqVIyXIVL12ic+9eod7j/tD0SA6o2qB90NqY+iKirRx9F7C5VG5c8dUF3jJzCNTN+z8g5k6p34Bnaa+n04MKF4VSd/aR84a5xXsEtBaS+wMWzHJTJgmtXv9AgMBAAECgYEAkR7c0DijM52msKrtTqYYkIMnfWAcylCXxgmurSvVfxWcUuLx/gcxO+iKoy14aeTWHpu0ATEWk0wDjLqcNASrCVs4TFrZFK7prWPrT/+9H3485+9leWsj5RgELz39OtAWaZQ0mRvHYkmrUdPfPRN4dtx7vbAWLppXQP3QRF1bHykCQQDYaJX5rcFNbTXh7N8aAcRu9eDGIL2SxpxSc0UpcNFj31c8cSODJxbQh0XFcwOPvpaUwVvs9JBicHWM5GWnf3hDAkEAy7yOKKlTymMcK1EV073ba1PWDxXvNer3sZ1AfBOdSLUPGsqJNzejS1XplvRBPHZgvX05vP6nH5f2ALXPPtcWvwJARX7gmru31dt6cEEXLEzg/hkrw7SD7HynerrVvQcj1wTECP70PovxAapPN6dFv4We6cpmcOPg8hvXRBWcp3uB7QJBALsizZ0Rs1Ix6PzstNTSDgoubm9a4WcwFSXC4ClXxt+y11XvdUwPweD/39h1MLq9rSxAKtmrOoztgtuyI9N/s3cCQGg7NspoVkLCkeOGgDZCVoraL9gCX0eP5qfa6WOzGoX4aazrlGGHLBt4N4D5hVpWOQqP9jGst7rRF9ZjAa3ro0I=";
  private static final String RSA_1024_PUBLIC_PKCS1 =
      "MIGJAoGBAKw6U+eCz6+/l1VoqJDzUm2NfrMlMt3I4V6MyMgrG2lLT548dJFinoqVIyXIVL12ic+9eod7j/tD0SA6o2qB90NqY+iKirRx9F7C5VG5c8dUF3jJzCNTN+z8g5k6p34Bnaa+n04MKF4VSd/aR84a5xXsEtBaS+wMWzHJTJgmtXv9AgMBAAE=";
  private static final String RSA_1024_SPKI =
      "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCsOlPngs+vv5dVaKiQ81JtjX6zJTLdyOFejMjIKxtpS0+ePHSRYp6KlSMlyFS9donPvXqHe4/7Q9EgOqNqgfdDamPoioq0cfRewuVRuXPHVBd4ycwjUzfs/IOZOqd+AZ2mvp9ODCheFUnf2kfOGucV7BLQWkvsDFsxyUyYJrV7/QIDAQAB";
  private static final String P256_SEC1 =
      "MHcCAQEEIIWnsxnRvqHgFxy6jzjhBqlwmLWtULQbu/XIa9d4gqAxoAoGCCqGSM49AwEHoUQDQgAELg1GdPYnwDccEnO6i1t4N6BHTXAuGLoFJlVS93pVv5erUbAt5C3HICNbaNrFdy6rBOoSm7N17kWdDfbdJh9TJg==";
  private static final String P256_PKCS8 =
      "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghaezGdG+oeAXHLqPOOEGqXCYta1QtBu79chr13iCoDGhRANCAAQuDUZ09ifANxwSc7qLW3g3oEdNcC4YugUmVVL3elW/l6tRsC3kLccgI1to2sV3LqsE6hKbs3XuRZ0N9t0mH1Mm";
  private static final String P256_SPKI =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELg1GdPYnwDccEnO6i1t4N6BHTXAuGLoFJlVS93pVv5erUbAt5C3HICNbaNrFdy6rBOoSm7N17kWdDfbdJh9TJg==";
  private static final String ED25519_PKCS8 =
      "MC4CAQAwBQYDK2VwBCIEIJ2eJjPxsGUJfbm3UXVyAE64rTteS/Hg6YuQ/Rj09B0A";
  private static final String ED25519_SPKI =
      "MCowBQYDK2VwAyEAzyHMIemCmThSi5Ytbtw1d4wo/OGTQDvHVB5W8Pg1DCE=";

  @Test
  void rsaKeysConvertExactlyAsOpenSslWritesThem() {
    assertEveryConversionIsOpenSsls(
        ObjectType.PRIVATE_KEY,
        CryptographicAlgorithm.RSA,
        Map.of(KeyFormatType.PKCS_1, RSA_1024_PKCS1, KeyFormatType.PKCS_8, RSA_1024_PKCS8));
    assertEveryConversionIsOpenSsls(
        ObjectType.PUBLIC_KEY,
        CryptographicAlgorithm.RSA,
        Map.of(KeyFormatType.PKCS_1, RSA_1024_PUBLIC_PKCS1, KeyFormatType.X_509, RSA_1024_SPKI));
    assertThat(
            KeyFormats.isPair(
                key(
                    ObjectType.PRIVATE_KEY,
                    CryptographicAlgorithm.RSA,
                    KeyFormatType.PKCS_8,
                    RSA_1024_PKCS8),
                key(
                    ObjectType.PUBLIC_KEY,
                    CryptographicAlgorithm.RSA,
                    KeyFormatType.X_509,
                    RSA_1024_SPKI)))
        .isTrue();
  }

  @Test
  void ecKeysConvertExactlyAsOpenSslWritesThem() {
    assertEveryConversionIsOpenSsls(
        ObjectType.PRIVATE_KEY,
        CryptographicAlgorithm.EC,
        Map.of(KeyFormatType.ECPRIVATEKEY, P256_SEC1, KeyFormatType.PKCS_8, P256_PKCS8));
    ClearKey privateKey =
        key(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.EC,
            KeyFormatType.ECPRIVATEKEY,
            P256_SEC1);
    try (ClearKey derived = KeyFormats.publicKeyOf(privateKey);
        ClearKey spki = KeyFormats.convert(derived, KeyFormatType.X_509)) {
      assertThat(bytes(spki)).isEqualTo(Base64.getDecoder().decode(P256_SPKI));
      assertThat(derived.length()).isEqualTo(256);
    }
  }

  @Test
  void ed25519KeysConvertExactlyAsOpenSslWritesThem() {
    ClearKey privateKey =
        key(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.ED25519,
            KeyFormatType.PKCS_8,
            ED25519_PKCS8);
    try (ClearKey raw = KeyFormats.convert(privateKey, KeyFormatType.RAW);
        ClearKey back = KeyFormats.convert(raw, KeyFormatType.PKCS_8);
        ClearKey derived = KeyFormats.publicKeyOf(privateKey)) {
      assertThat(bytes(back)).isEqualTo(Base64.getDecoder().decode(ED25519_PKCS8));
      assertThat(bytes(derived)).isEqualTo(Base64.getDecoder().decode(ED25519_SPKI));
    }
  }

  private static void assertEveryConversionIsOpenSsls(
      ObjectType objectType,
      CryptographicAlgorithm algorithm,
      Map<KeyFormatType, String> fixtures) {
    fixtures.forEach(
        (from, source) ->
            fixtures.forEach(
                (to, expected) -> {
                  try (ClearKey converted =
                      KeyFormats.convert(key(objectType, algorithm, from, source), to)) {
                    assertThat(bytes(converted))
                        .as("%s %s from %s to %s", algorithm, objectType, from, to)
                        .isEqualTo(Base64.getDecoder().decode(expected));
                  }
                }));
  }

  private static ClearKey key(
      ObjectType objectType,
      CryptographicAlgorithm algorithm,
      KeyFormatType format,
      String base64) {
    return new ClearKey(
        objectType,
        algorithm,
        0,
        new Encoded(format, ByteString.copyOf(Base64.getDecoder().decode(base64))));
  }

  private static byte[] bytes(ClearKey key) {
    return ((Encoded) key.material()).bytes().toByteArray();
  }
}

package io.arca.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private-key PEM forms the client reads. */
class ClientTlsTest {
  @TempDir Path dir;

  @Test
  void aSec1EcKeyIsReadWithOrWithoutItsPublicKeyAndPkcs8AsWell() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
    PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    // The SEC1 structure inside the PKCS#8 one, as the JDK writes it: with its curve, without
    // its public key; and the same with the public key added, as OpenSSL writes it.
    org.bouncycastle.asn1.sec.ECPrivateKey withoutPublic =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, X9ObjectIdentifiers.prime256v1);
    byte[] point = pair.getPublic().getEncoded();
    org.bouncycastle.asn1.sec.ECPrivateKey withPublic =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            256,
            d,
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(point).getPublicKeyData(),
            X9ObjectIdentifiers.prime256v1);

    for (Path file :
        new Path[] {
          pem("sec1-bare.pem", "EC PRIVATE KEY", withoutPublic.getEncoded()),
          pem("sec1-full.pem", "EC PRIVATE KEY", withPublic.getEncoded()),
          pem("pkcs8.pem", "PRIVATE KEY", pkcs8.getEncoded())
        }) {
      PrivateKey read = ClientTls.privateKey(file);
      assertThat(read).as(file.getFileName().toString()).isInstanceOf(ECPrivateKey.class);
      assertThat(((ECPrivateKey) read).getS()).isEqualTo(d);
    }
  }

  @Test
  void aFileWithoutAPrivateKeyOrWithABrokenOneIsRefusedByName() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    Path publicOnly =
        pem("public.pem", "PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded());
    Path broken = pem("broken.pem", "EC PRIVATE KEY", new byte[] {0x30, 0x00});

    assertThatThrownBy(() -> ClientTls.privateKey(publicOnly))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("public.pem")
        .hasMessageContaining("no unencrypted private key");
    assertThatThrownBy(() -> ClientTls.privateKey(broken))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("broken.pem");
  }

  private Path pem(String name, String type, byte[] der) throws IOException {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    }
    return Files.writeString(dir.resolve(name), text.toString(), StandardCharsets.US_ASCII);
  }
}

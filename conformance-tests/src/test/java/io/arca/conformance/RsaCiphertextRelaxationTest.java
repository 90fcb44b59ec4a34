package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.text.KmipXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RSA Encrypt's output is accepted only when a private key registered in the folder decrypts
 * both the recorded and the returned ciphertext to the request's data (VERIFIED_RSA_CIPHERTEXT).
 */
class RsaCiphertextRelaxationTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] PLAINTEXT = "the data".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;
  private KeyPair pair;
  private RsaKeyRing ring;

  @BeforeEach
  void registerTheKeyInACompanionFile() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pair = generator.generateKeyPair();
    String register =
        "<KMIP><RequestMessage><RequestHeader><ProtocolVersion>"
            + "<ProtocolVersionMajor type=\"Integer\" value=\"2\"/>"
            + "<ProtocolVersionMinor type=\"Integer\" value=\"1\"/></ProtocolVersion>"
            + "<BatchCount type=\"Integer\" value=\"1\"/></RequestHeader>"
            + "<BatchItem><Operation type=\"Enumeration\" value=\"Register\"/><RequestPayload>"
            + "<ObjectType type=\"Enumeration\" value=\"PrivateKey\"/><Attributes>"
            + "<CryptographicParameters>"
            + "<PaddingMethod type=\"Enumeration\" value=\"OAEP\"/>"
            + "<HashingAlgorithm type=\"Enumeration\" value=\"SHA_256\"/>"
            + "</CryptographicParameters></Attributes>"
            + "<PrivateKey><KeyBlock><KeyFormatType type=\"Enumeration\" value=\"PKCS_8\"/>"
            + "<KeyValue><KeyMaterial type=\"ByteString\" value=\""
            + HEX.formatHex(pair.getPrivate().getEncoded())
            + "\"/></KeyValue>"
            + "<CryptographicAlgorithm type=\"Enumeration\" value=\"RSA\"/>"
            + "<CryptographicLength type=\"Integer\" value=\"2048\"/>"
            + "</KeyBlock></PrivateKey></RequestPayload></BatchItem></RequestMessage></KMIP>";
    Files.writeString(folder.resolve("CS-AC-M-OAEP-2-21.xml"), register);
    ring = RsaKeyRing.of(folder);
  }

  private byte[] encrypt(byte[] plaintext) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        pair.getPublic(),
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    return cipher.doFinal(plaintext);
  }

  private static String encryptMessage(String tag, String payload) {
    return "<"
        + tag
        + "Message><"
        + tag
        + "Header><ProtocolVersion>"
        + "<ProtocolVersionMajor type=\"Integer\" value=\"2\"/>"
        + "<ProtocolVersionMinor type=\"Integer\" value=\"1\"/></ProtocolVersion>"
        + "<BatchCount type=\"Integer\" value=\"1\"/></"
        + tag
        + "Header><BatchItem><Operation type=\"Enumeration\" value=\"Encrypt\"/>"
        + (tag.equals("Response") ? "<ResultStatus type=\"Enumeration\" value=\"Success\"/>" : "")
        + "<"
        + tag
        + "Payload><UniqueIdentifier type=\"TextString\" value=\"pub\"/>"
        + payload
        + "</"
        + tag
        + "Payload></BatchItem></"
        + tag
        + "Message>";
  }

  private static String data(byte[] bytes) {
    return "<Data type=\"ByteString\" value=\"" + HEX.formatHex(bytes) + "\"/>";
  }

  private boolean matches(byte[] recorded, byte[] returned) {
    TtlvStructure request =
        (TtlvStructure) KmipXml.read(encryptMessage("Request", data(PLAINTEXT)));
    Ttlv expected = KmipXml.read(encryptMessage("Response", data(recorded)));
    Ttlv actual = KmipXml.read(encryptMessage("Response", data(returned)));
    return new ResponseMatcher(new Bindings(), new HashSet<>(), Instant.now(), request, ring)
            .compare(expected, actual)
        == null;
  }

  @Test
  void aFreshCiphertextOfTheSameDataUnderTheRegisteredKeyMatches() throws Exception {
    assertThat(matches(encrypt(PLAINTEXT), encrypt(PLAINTEXT))).isTrue();
  }

  @Test
  void aCiphertextOfOtherDataDoesNotMatch() throws Exception {
    byte[] other = encrypt("other data".getBytes(StandardCharsets.UTF_8));
    assertThat(matches(encrypt(PLAINTEXT), other)).isFalse();
  }

  @Test
  void withoutAKeyThatDecryptsTheRecordedCiphertextNothingIsRelaxed() throws Exception {
    byte[] notUnderTheRingsKey = new byte[256];
    notUnderTheRingsKey[1] = 1;
    assertThat(matches(notUnderTheRingsKey, encrypt(PLAINTEXT))).isFalse();
  }
}

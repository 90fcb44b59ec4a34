package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the runner takes and in which order it runs them. */
class CaseFileTest {
  @TempDir Path dir;

  private static final String HEADER_14 =
      """
      <KMIP>
      <RequestMessage>
        <RequestHeader>
          <ProtocolVersion>
            <ProtocolVersionMajor type="Integer" value="1"/>
            <ProtocolVersionMinor type="Integer" value="4"/>
          </ProtocolVersion>
          <BatchCount type="Integer" value="1"/>
        </RequestHeader>
      </RequestMessage>
      </KMIP>
      """;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aFileNamedOutsideTheOasisPatternIsItsOwnProfileAtItsHeadersVersion() throws Exception {
    CaseFile named = CaseFile.of(file("vendor certificate test.xml", HEADER_14));

    assertThat(named.name()).isEqualTo("vendor certificate test");
    assertThat(named.profile()).isEqualTo("vendor certificate test");
    assertThat(named.version()).isEqualTo("1.4");
    assertThat(named.mandatory()).isTrue();
  }

  @Test
  void aFileWithoutAHeaderHasAnUnknownVersionAndIsStillTaken() throws Exception {
    CaseFile named = CaseFile.of(file("notes.xml", "<KMIP></KMIP>"));

    assertThat(named.version()).isEqualTo("?");
  }

  @Test
  void theOasisNamesStillSayProfileTestAndVersion() {
    CaseFile oasis = CaseFile.of(Path.of("CS-BC-M-OAEP-1-21.xml"));

    assertThat(oasis.profile()).isEqualTo("CS-BC");
    assertThat(oasis.test()).isEqualTo("OAEP-1");
    assertThat(oasis.version()).isEqualTo("2.1");
  }

  @Test
  void aSetupFileRunsBeforeTheCasesOfItsProfile() throws Exception {
    for (String name :
        List.of(
            "PKCS11-M-2-14.xml",
            "PKCS11-O-1-14.xml",
            "PKCS11-M-1-14.xml",
            "PKCS11-M-SETUP-14.xml")) {
      file(name, HEADER_14);
    }

    List<String> order = CaseFile.find(List.of(dir)).stream().map(CaseFile::name).toList();

    assertThat(order)
        .containsExactly("PKCS11-M-SETUP-14", "PKCS11-M-1-14", "PKCS11-M-2-14", "PKCS11-O-1-14");
  }
}

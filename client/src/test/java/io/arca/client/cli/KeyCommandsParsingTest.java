package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key commands' parsing, file naming, output forms and exit codes, with no server. */
class KeyCommandsParsingTest {
  @Test
  void aMissingKeyIdIsAUsageError() {
    KeyCommandsEndToEndTest.Run run = KeyCommandsEndToEndTest.arca("sym", "encrypt", "file");

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(run.err()).contains("--key-id");
  }

  @Test
  void aGroupWithoutItsCommandIsAUsageErrorListingThem() {
    KeyCommandsEndToEndTest.Run run = KeyCommandsEndToEndTest.arca("rsa", "keys");

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(run.err()).contains("create").contains("export").contains("destroy");
  }

  @Test
  void anUnknownExportFormatIsAUsageError() {
    KeyCommandsEndToEndTest.Run run =
        KeyCommandsEndToEndTest.arca(
            "rsa",
            "keys",
            "export",
            "-k",
            "x",
            "--key-format",
            "pem",
            "out",
            "--ca",
            "ca.pem",
            "--cert",
            "c",
            "--key",
            "k");

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
  }

  @Test
  void aMissingConfigurationFileIsAUsageErrorNamingIt() {
    KeyCommandsEndToEndTest.Run run =
        KeyCommandsEndToEndTest.arca("locate", "--conf", "/nonexistent/arca.toml");

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(run.err()).contains("no such file: /nonexistent/arca.toml");
  }

  @Test
  void bothRsaSizeSpellingsAreAccepted() {
    for (String flag : List.of("--size_in_bits", "--size-in-bits")) {
      AsymCommands.RsaCreate create = new AsymCommands.RsaCreate();
      new picocli.CommandLine(create).parseArgs(flag, "3072", "hsm::4::mykey", "--sensitive");
      assertThat(create.bits).isEqualTo(3072);
      assertThat(create.requestedId).isEqualTo("hsm::4::mykey");
      assertThat(create.options.sensitive).isTrue();
    }
  }

  @Test
  void symmetricCreateTakesTheGuidesFlags() {
    SymCommands.CreateKey create = new SymCommands.CreateKey();
    new picocli.CommandLine(create)
        .parseArgs(
            "--algorithm",
            "aes",
            "--number-of-bits",
            "128",
            "--sensitive",
            "--wrapping-key-id",
            "hsm::4::mykey_pk",
            "--tag",
            "a",
            "--tag",
            "b",
            "my_sym_key");

    assertThat(create.bits).isEqualTo(128);
    assertThat(create.requestedId).isEqualTo("my_sym_key");
    assertThat(create.options.wrappingKeyId).isEqualTo("hsm::4::mykey_pk");
    assertThat(create.options.common()).hasSize(3);
    assertThat(create.options.secret(create.requestedId)).hasSize(2);
  }

  @Test
  void symmetricCreateMakesHmacKeysForTheMacOperations() {
    SymCommands.CreateKey create = new SymCommands.CreateKey();
    new picocli.CommandLine(create)
        .parseArgs("--algorithm", "hmac-sha384", "-l", "384", "--sensitive", "hsm::1::mac");

    assertThat(create.attributes())
        .contains(
            io.arca.kmip.attribute.Attribute.of(
                new io.arca.kmip.ttlv.TtlvEnumeration(
                    io.arca.kmip.Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                    io.arca.kmip.CryptographicAlgorithm.HMAC_SHA384.value())),
            io.arca.kmip.attribute.Attribute.of(
                new io.arca.kmip.ttlv.TtlvInteger(
                    io.arca.kmip.Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    io.arca.kmip.CryptographicUsageMask.MAC_GENERATE.value()
                        | io.arca.kmip.CryptographicUsageMask.MAC_VERIFY.value())),
            io.arca.kmip.attribute.Attribute.of(
                new io.arca.kmip.ttlv.TtlvTextString(
                    io.arca.kmip.Tag.UNIQUE_IDENTIFIER.code(), "hsm::1::mac")));
    SymCommands.CreateKey des = new SymCommands.CreateKey();
    new picocli.CommandLine(des).parseArgs("--algorithm", "des");
    assertThatThrownBy(des::attributes).hasMessageContaining("hmac-sha256");
  }

  @Test
  void outputFilesReplaceTheExtensionAsTheGuideShows() {
    assertThat(Files2.withExtension(Path.of("/tmp/secret.txt"), "enc"))
        .isEqualTo(Path.of("/tmp/secret.enc"));
    assertThat(Files2.withExtension(Path.of("/tmp/secret.enc"), "plain"))
        .isEqualTo(Path.of("/tmp/secret.plain"));
    assertThat(Files2.withExtension(Path.of("notes"), "enc")).isEqualTo(Path.of("notes.enc"));
    assertThat(Files2.withExtension(Path.of(".hidden"), "enc")).isEqualTo(Path.of(".hidden.enc"));
  }

  @Test
  void jsonOutputEscapesWhatItQuotes() {
    Output output =
        new Output()
            .line("ignored in JSON")
            .field("id", "a\"b\\c\n")
            .field("ids", List.of("x", "y"));

    assertThat(output.json()).isEqualTo("{\"id\": \"a\\\"b\\\\c\\n\", \"ids\": [\"x\", \"y\"]}");
  }

  @Test
  void rsaSchemesMapToKmipParameters() {
    assertThat(AsymCommands.rsaParameters("ckm-rsa-pkcs-oaep").paddingMethod())
        .isEqualTo(io.arca.kmip.PaddingMethod.OAEP.value());
    assertThat(AsymCommands.rsaParameters("CKM-RSA-PKCS").paddingMethod())
        .isEqualTo(io.arca.kmip.PaddingMethod.PKCS1_V1_5.value());
    assertThat(AsymCommands.rsaParameters("ckm-rsa-pkcs-oaep").hashingAlgorithm())
        .isEqualTo(io.arca.kmip.HashingAlgorithm.SHA_256.value());
    assertThat(AsymCommands.rsaParameters("ckm-rsa-pkcs-oaep", "SHA-1").hashingAlgorithm())
        .isEqualTo(io.arca.kmip.HashingAlgorithm.SHA_1.value());
    assertThat(
            AsymCommands.rsaParameters("ckm-rsa-pkcs-oaep", "sha1").maskGeneratorHashingAlgorithm())
        .isEqualTo(io.arca.kmip.HashingAlgorithm.SHA_1.value());
    assertThat(AsymCommands.rsaParameters("ckm-rsa-pkcs", "sha1").hashingAlgorithm()).isNull();
    assertThatThrownBy(() -> AsymCommands.rsaParameters("ckm-rsa-pkcs-oaep", "md5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--hashing-algorithm md5");
    assertThatThrownBy(() -> AsymCommands.rsaParameters("rsa-pss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ckm-rsa-pkcs-oaep");
  }

  @Test
  void attributeValuesReadAsPlainWordsAndOneLineStructures() {
    assertThat(
            AttributesCommands.valueOf(
                new io.arca.kmip.ttlv.TtlvEnumeration(
                    io.arca.kmip.Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                    io.arca.kmip.CryptographicAlgorithm.AES.value())))
        .isEqualTo("AES");
    assertThat(
            AttributesCommands.valueOf(
                new io.arca.kmip.ttlv.TtlvInteger(
                    io.arca.kmip.Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)))
        .isEqualTo("256");
    assertThat(AttributesCommands.valueOf(NewKeyOptions.name("payroll").value()))
        .doesNotContain("\n")
        .contains("\"payroll\"");
  }
}

package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.KmipXml;
import org.junit.jupiter.api.Test;

/** The spellings published test-case files use are read as the spec's and written as the spec's. */
class PublishedSpellingsTest {
  private static final String PUBLISHED =
      """
      <Attributes>
        <CryptographicUsageMask type="Integer" value="Sign ContentCommitment Verify"/>
        <ResultReason type="Enumeration" value="NotAuthorized"/>
        <SplitKeyMethod type="Enumeration" value="PolynomialSharingGF2_16"/>
        <Description type="TextString" value="ContentCommitment NotAuthorized"/>
      </Attributes>
      """;

  @Test
  void thePublishedSpellingsAreReadAsTheSpecsValues() {
    TtlvStructure read = (TtlvStructure) KmipXml.read(PublishedSpellings.normalized(PUBLISHED));

    assertThat(read.first(Tag.CRYPTOGRAPHIC_USAGE_MASK.code()))
        .isEqualTo(
            new TtlvInteger(
                Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                CryptographicUsageMask.SIGN.value()
                    | CryptographicUsageMask.VERIFY.value()
                    | CryptographicUsageMask.CONTENT_COMMITMENT_NON_REPUDIATION.value()));
    assertThat(read.first(Tag.RESULT_REASON.code()))
        .isEqualTo(
            new TtlvEnumeration(Tag.RESULT_REASON.code(), ResultReason.PERMISSION_DENIED.value()));
    assertThat(read.first(Tag.SPLIT_KEY_METHOD.code()))
        .isEqualTo(
            new TtlvEnumeration(
                Tag.SPLIT_KEY_METHOD.code(), SplitKeyMethod.POLYNOMIAL_SHARING_GF_216.value()));
  }

  @Test
  void aTextThatHappensToHoldSuchAWordIsLeftAsItIs() {
    TtlvStructure read = (TtlvStructure) KmipXml.read(PublishedSpellings.normalized(PUBLISHED));

    Ttlv description = read.first(Tag.DESCRIPTION.code());
    assertThat(description)
        .isEqualTo(new TtlvTextString(Tag.DESCRIPTION.code(), "ContentCommitment NotAuthorized"));
  }

  @Test
  void whatIsWrittenBackUsesTheSpecsNames() {
    String written = KmipXml.write(KmipXml.read(PublishedSpellings.normalized(PUBLISHED)));

    assertThat(written)
        .contains("ContentCommitmentNonRepudiation", "PermissionDenied", "PolynomialSharingGF216")
        .doesNotContain("\"NotAuthorized\"", "GF2_16");
  }

  @Test
  void withoutTheTableTheCodecRefusesThePublishedSpellings() {
    // What the runner met before it knew them: the file could not be read at all.
    assertThatThrownBy(() -> KmipXml.read(PUBLISHED)).isInstanceOf(RuntimeException.class);
  }
}

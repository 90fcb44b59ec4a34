package io.arca.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Spot checks of the generated vocabulary against values read in the specification text. */
class VocabularyTest {

  @Test
  void tagCodesMatchTheSpecTagTable() {
    // KMIP 1.4 Table 288 and 2.1 Table 487.
    assertThat(Tag.UNIQUE_IDENTIFIER.code()).isEqualTo(0x420094);
    assertThat(Tag.REQUEST_MESSAGE.code()).isEqualTo(0x420078);
    assertThat(Tag.BATCH_ITEM.code()).isEqualTo(0x42000F);
    assertThat(Tag.PROTECTION_STORAGE_MASK.code()).isEqualTo(0x42015E);
  }

  @Test
  void tagLookupsFindTheSameConstant() {
    assertThat(Tag.byCode(0x420094)).isEqualTo(Tag.UNIQUE_IDENTIFIER);
    assertThat(Tag.byXmlName("UniqueIdentifier")).isEqualTo(Tag.UNIQUE_IDENTIFIER);
    assertThat(Tag.bySpecName("Unique Identifier")).isEqualTo(Tag.UNIQUE_IDENTIFIER);
    assertThat(Tag.UNIQUE_IDENTIFIER.value()).isEqualTo(0x420094);
  }

  @Test
  void otherVendorsAndUnassignedTagsHaveNoConstant() {
    assertThat(Tag.byCode(0x540001)).isEqualTo(Tag.ARCA_USER); // Arca's own, arca-extensions.tsv
    assertThat(Tag.byCode(0x540FFF)).isNull();
    assertThat(Tag.byCode(0x420000)).isNull();
    assertThat(Tag.byCode(0x42FFFF)).isNull();
    assertThat(Tag.byCode(-1)).isNull();
  }

  @Test
  void tagCountIsPlausible() {
    long v14 =
        Arrays.stream(Tag.values()).filter(t -> !t.since().isAtLeast(ProtocolVersion.V2_0)).count();
    assertThat(v14).as("tags of 1.4 (about 300)").isBetween(280L, 310L);
    // Arca's own extension tags (0x54xxxx) grow with its extension operations; not counted.
    long standard = Arrays.stream(Tag.values()).filter(t -> t.code() < 0x540000).count();
    assertThat(standard).as("tags of 1.0 to 2.1").isBetween(360L, 380L);
  }

  @Test
  void oneXOnlyTagsKeepTheirLastVersion() {
    assertThat(Tag.TEMPLATE_ATTRIBUTE.until()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(Tag.ATTRIBUTE_INDEX.until()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(Tag.OPERATION_POLICY_NAME.until()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(Tag.ATTRIBUTE_NAME.until()).isNull();
    assertThat(Tag.ATTRIBUTES.since()).isEqualTo(ProtocolVersion.V2_0);
    assertThat(Tag.SENSITIVE.since()).isEqualTo(ProtocolVersion.V1_4);
  }

  @Test
  void itemTypesComeFromTheSpec() {
    assertThat(Tag.CRYPTOGRAPHIC_LENGTH.itemTypes()).containsExactly(ItemType.INTEGER);
    assertThat(Tag.UNIQUE_IDENTIFIER.itemTypes())
        .containsExactlyInAnyOrder(ItemType.TEXT_STRING, ItemType.ENUMERATION, ItemType.INTEGER);
    assertThat(Tag.ATTRIBUTE_VALUE.itemTypes()).isEmpty();
  }

  @Test
  void enumerationValuesMatchTheSpec() {
    assertThat(Operation.CREATE.value()).isEqualTo(1);
    assertThat(Operation.DISCOVER_VERSIONS.value()).isEqualTo(0x1E);
    assertThat(ObjectType.SYMMETRIC_KEY.value()).isEqualTo(2);
    assertThat(ResultReason.GENERAL_FAILURE.value()).isEqualTo(0x100);
    assertThat(ResultReason.INVALID_MESSAGE.value()).isEqualTo(4);
    assertThat(CryptographicAlgorithm.AES.value()).isEqualTo(3);
    assertThat(CryptographicUsageMask.ENCRYPT.value()).isEqualTo(0x4);
    assertThat(HashingAlgorithm.SHA_256.xmlName()).isEqualTo("SHA_256");
    assertThat(CryptographicAlgorithm.DES3.xmlName()).isEqualTo("DES3");
  }

  @Test
  void enumerationLookupsResolveCurrentAndOlderSpellings() {
    assertThat(CryptographicAlgorithm.byValue(3)).isEqualTo(CryptographicAlgorithm.AES);
    assertThat(CryptographicAlgorithm.byValue(0x80000001)).isNull();
    assertThat(HashingAlgorithm.byXmlName("SHA3_256")).isEqualTo(HashingAlgorithm.SHA3_256);
    assertThat(HashingAlgorithm.byXmlName("SHA_3_256")).isEqualTo(HashingAlgorithm.SHA3_256);
    assertThat(MaskGenerator.byXmlName("MGF1")).isEqualTo(MaskGenerator.MGF1);
  }

  @Test
  void tagsLinkToTheEnumerationOfTheirValues() {
    assertThat(Enumerations.forTag(Tag.CRYPTOGRAPHIC_ALGORITHM.code()))
        .isEqualTo(Enumerations.byName("CryptographicAlgorithm"));
    assertThat(present(Enumerations.forTag(Tag.MASK_GENERATOR_HASHING_ALGORITHM.code())).xmlName())
        .isEqualTo("HashingAlgorithm");
    assertThat(present(Enumerations.forTag(Tag.ATTRIBUTE_REFERENCE.code())).xmlName())
        .isEqualTo("Tag");
    assertThat(present(Enumerations.forTag(Tag.CRYPTOGRAPHIC_USAGE_MASK.code())).isMask()).isTrue();
    assertThat(Enumerations.forTag(Tag.CRYPTOGRAPHIC_LENGTH.code())).isNull();
    assertThat(Enumerations.forTag(0x540001)).isNull();
  }

  @Test
  void enumerationTypesLookUpByValueAndName() {
    EnumerationType algorithms = present(Enumerations.byName("CryptographicAlgorithm"));
    assertThat(algorithms.byValue(3)).isEqualTo(CryptographicAlgorithm.AES);
    assertThat(algorithms.byXmlName("AES")).isEqualTo(CryptographicAlgorithm.AES);
    assertThat(present(Enumerations.byName("Tag")).byValue(0x420094))
        .isEqualTo(Tag.UNIQUE_IDENTIFIER);
    assertThat(present(Enumerations.byName("ItemType")).byXmlName("TextString"))
        .isEqualTo(ItemType.TEXT_STRING);
    EnumerationType adHoc = new EnumerationType("Small", false, List.of(ObjectType.CERTIFICATE));
    assertThat(adHoc.byValue(1)).isEqualTo(ObjectType.CERTIFICATE);
    assertThat(adHoc.byValue(2)).isNull();
  }

  @Test
  void protocolVersionsCompareAndPrint() {
    assertThat(ProtocolVersion.V2_1.isAtLeast(ProtocolVersion.V1_4)).isTrue();
    assertThat(ProtocolVersion.V1_2.isAtLeast(ProtocolVersion.V1_3)).isFalse();
    assertThat(ProtocolVersion.V2_1).hasToString("2.1");
    assertThat(new ProtocolVersion(1, 4)).isEqualTo(ProtocolVersion.V1_4);
  }

  @Test
  void operationsAndResultReasonsKnowTheirFirstVersionInsideOneX() {
    // Numbered in the order they were added: 1.1 Re-key Key Pair and Discover Versions, 1.2 the
    // cryptographic services, 1.4 Import and Export; 1.1 Encoding Option Error, 1.2 the
    // attestation reasons, 1.4 Sensitive, Not Extractable and Object Already Exists.
    assertThat(Operation.PUT.since()).isEqualTo(ProtocolVersion.V1_0);
    assertThat(Operation.DISCOVER_VERSIONS.since()).isEqualTo(ProtocolVersion.V1_1);
    assertThat(Operation.RE_KEY_KEY_PAIR.since()).isEqualTo(ProtocolVersion.V1_1);
    assertThat(Operation.ENCRYPT.since()).isEqualTo(ProtocolVersion.V1_2);
    assertThat(Operation.JOIN_SPLIT_KEY.since()).isEqualTo(ProtocolVersion.V1_2);
    assertThat(Operation.EXPORT.since()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED.since())
        .isEqualTo(ProtocolVersion.V1_0);
    assertThat(ResultReason.ENCODING_OPTION_ERROR.since()).isEqualTo(ProtocolVersion.V1_1);
    assertThat(ResultReason.ATTESTATION_FAILED.since()).isEqualTo(ProtocolVersion.V1_2);
    assertThat(ResultReason.SENSITIVE.since()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(ResultReason.NOT_EXTRACTABLE.isDefinedIn(ProtocolVersion.V1_3)).isFalse();
    assertThat(ResultReason.GENERAL_FAILURE.since()).isEqualTo(ProtocolVersion.V1_0);
  }

  @Test
  void enumerationValuesKnowTheVersionsThatDefineThem() {
    // KMIP 2.1 Table 470 adds Ping; 2.0 Table 432 adds Log; 2.0 drops the Template object type.
    assertThat(Operation.PING.since()).isEqualTo(ProtocolVersion.V2_1);
    assertThat(Operation.LOG.since()).isEqualTo(ProtocolVersion.V2_0);
    assertThat(Operation.CREATE.since()).isEqualTo(ProtocolVersion.V1_0);
    assertThat(ObjectType.TEMPLATE.until()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(Operation.PING.isDefinedIn(ProtocolVersion.V2_0)).isFalse();
    assertThat(Operation.PING.isDefinedIn(ProtocolVersion.V2_1)).isTrue();
    assertThat(ObjectType.TEMPLATE.isDefinedIn(ProtocolVersion.V1_4)).isTrue();
    assertThat(ObjectType.TEMPLATE.isDefinedIn(ProtocolVersion.V2_0)).isFalse();
    assertThat(CryptographicUsageMask.ENCRYPT.isDefinedIn(ProtocolVersion.V1_0)).isTrue();
    assertThat(ItemType.INTERVAL.isDefinedIn(ProtocolVersion.V1_0)).isTrue();
    assertThat(ItemType.DATE_TIME_EXTENDED.isDefinedIn(ProtocolVersion.V1_4)).isFalse();
    assertThat(ItemType.DATE_TIME_EXTENDED.isDefinedIn(ProtocolVersion.V2_0)).isTrue();
  }

  @Test
  void everyGeneratedValueHasAFirstVersionNoLaterThanItsLast() {
    for (EnumerationType type : Enumerations.all()) {
      for (KmipEnumeration value : type.values()) {
        ProtocolVersion last = value.until();
        assertThat(last == null || last.isAtLeast(value.since())).as("%s", value).isTrue();
      }
    }
  }

  private static EnumerationType present(@Nullable EnumerationType type) {
    assertThat(type).isNotNull();
    return Objects.requireNonNull(type);
  }
}

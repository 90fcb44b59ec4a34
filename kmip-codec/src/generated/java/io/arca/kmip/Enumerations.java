// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every enumeration and mask of KMIP 1.0 to 2.1 as an {@link EnumerationType}, and which one the
 * values of each tag belong to (the same name for most tags; the spec's references otherwise,
 * e.g. Mask Generator Hashing Algorithm holds a Hashing Algorithm).
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public final class Enumerations {
  private static final List<EnumerationType> ALL =
      List.of(
          EnumerationType.of("AdjustmentType", false, AdjustmentType.INDEX),
          EnumerationType.of("AlternativeNameType", false, AlternativeNameType.INDEX),
          EnumerationType.of("AsynchronousIndicator", false, AsynchronousIndicator.INDEX),
          EnumerationType.of("AttestationType", false, AttestationType.INDEX),
          EnumerationType.of("BatchErrorContinuationOption", false, BatchErrorContinuationOption.INDEX),
          EnumerationType.of("BlockCipherMode", false, BlockCipherMode.INDEX),
          EnumerationType.of("CancellationResult", false, CancellationResult.INDEX),
          EnumerationType.of("CertificateRequestType", false, CertificateRequestType.INDEX),
          EnumerationType.of("CertificateType", false, CertificateType.INDEX),
          EnumerationType.of("ClientRegistrationMethod", false, ClientRegistrationMethod.INDEX),
          EnumerationType.of("CredentialType", false, CredentialType.INDEX),
          EnumerationType.of("CryptographicAlgorithm", false, CryptographicAlgorithm.INDEX),
          EnumerationType.of("CryptographicUsageMask", true, CryptographicUsageMask.INDEX),
          EnumerationType.of("DRBGAlgorithm", false, DRBGAlgorithm.INDEX),
          EnumerationType.of("Data", false, Data.INDEX),
          EnumerationType.of("DerivationMethod", false, DerivationMethod.INDEX),
          EnumerationType.of("DestroyAction", false, DestroyAction.INDEX),
          EnumerationType.of("DigitalSignatureAlgorithm", false, DigitalSignatureAlgorithm.INDEX),
          EnumerationType.of("EncodingOption", false, EncodingOption.INDEX),
          EnumerationType.of("EndpointRole", false, EndpointRole.INDEX),
          EnumerationType.of("FIPS186Variation", false, FIPS186Variation.INDEX),
          EnumerationType.of("HashingAlgorithm", false, HashingAlgorithm.INDEX),
          EnumerationType.of("InteropFunction", false, InteropFunction.INDEX),
          EnumerationType.of("ItemType", false, new EnumerationIndex<>(List.of(ItemType.values()), Map.of())),
          EnumerationType.of("KeyCompressionType", false, KeyCompressionType.INDEX),
          EnumerationType.of("KeyFormatType", false, KeyFormatType.INDEX),
          EnumerationType.of("KeyRoleType", false, KeyRoleType.INDEX),
          EnumerationType.of("KeyValueLocationType", false, KeyValueLocationType.INDEX),
          EnumerationType.of("KeyWrapType", false, KeyWrapType.INDEX),
          EnumerationType.of("LinkType", false, LinkType.INDEX),
          EnumerationType.of("MaskGenerator", false, MaskGenerator.INDEX),
          EnumerationType.of("NISTKeyType", false, NISTKeyType.INDEX),
          EnumerationType.of("NameType", false, NameType.INDEX),
          EnumerationType.of("ObjectGroupMember", false, ObjectGroupMember.INDEX),
          EnumerationType.of("ObjectType", false, ObjectType.INDEX),
          EnumerationType.of("Operation", false, Operation.INDEX),
          EnumerationType.of("PKCS_11Function", false, PKCS_11Function.INDEX),
          EnumerationType.of("PKCS_11ReturnCode", false, PKCS_11ReturnCode.INDEX),
          EnumerationType.of("PaddingMethod", false, PaddingMethod.INDEX),
          EnumerationType.of("ProcessingStage", false, ProcessingStage.INDEX),
          EnumerationType.of("ProfileName", false, ProfileName.INDEX),
          EnumerationType.of("ProtectionLevel", false, ProtectionLevel.INDEX),
          EnumerationType.of("ProtectionStorageMask", true, ProtectionStorageMask.INDEX),
          EnumerationType.of("PutFunction", false, PutFunction.INDEX),
          EnumerationType.of("QueryFunction", false, QueryFunction.INDEX),
          EnumerationType.of("RNGAlgorithm", false, RNGAlgorithm.INDEX),
          EnumerationType.of("RNGMode", false, RNGMode.INDEX),
          EnumerationType.of("RecommendedCurve", false, RecommendedCurve.INDEX),
          EnumerationType.of("ResultReason", false, ResultReason.INDEX),
          EnumerationType.of("ResultStatus", false, ResultStatus.INDEX),
          EnumerationType.of("RevocationReasonCode", false, RevocationReasonCode.INDEX),
          EnumerationType.of("RotateNameType", false, RotateNameType.INDEX),
          EnumerationType.of("SecretDataType", false, SecretDataType.INDEX),
          EnumerationType.of("ShreddingAlgorithm", false, ShreddingAlgorithm.INDEX),
          EnumerationType.of("SplitKeyMethod", false, SplitKeyMethod.INDEX),
          EnumerationType.of("State", false, State.INDEX),
          EnumerationType.of("StorageStatusMask", true, StorageStatusMask.INDEX),
          EnumerationType.of("TicketType", false, TicketType.INDEX),
          EnumerationType.of("UniqueIdentifier", false, UniqueIdentifier.INDEX),
          EnumerationType.of("UnwrapMode", false, UnwrapMode.INDEX),
          EnumerationType.of("UsageLimitsUnit", false, UsageLimitsUnit.INDEX),
          EnumerationType.of("ValidationAuthorityType", false, ValidationAuthorityType.INDEX),
          EnumerationType.of("ValidationType", false, ValidationType.INDEX),
          EnumerationType.of("ValidityIndicator", false, ValidityIndicator.INDEX),
          EnumerationType.of("WrappingMethod", false, WrappingMethod.INDEX),
          EnumerationType.of("Tag", false, new EnumerationIndex<>(List.of(Tag.values()), Map.of())));

  private static final Map<String, EnumerationType> BY_NAME = new HashMap<>();
  private static final EnumerationType[] BY_TAG = new EnumerationType[0x177];

  static {
    for (EnumerationType t : ALL) {
      BY_NAME.put(t.xmlName(), t);
    }
    link(Tag.ASYNCHRONOUS_INDICATOR, "AsynchronousIndicator");
    link(Tag.BATCH_ERROR_CONTINUATION_OPTION, "BatchErrorContinuationOption");
    link(Tag.BLOCK_CIPHER_MODE, "BlockCipherMode");
    link(Tag.CANCELLATION_RESULT, "CancellationResult");
    link(Tag.CERTIFICATE_REQUEST_TYPE, "CertificateRequestType");
    link(Tag.CERTIFICATE_TYPE, "CertificateType");
    link(Tag.CREDENTIAL_TYPE, "CredentialType");
    link(Tag.CRYPTOGRAPHIC_ALGORITHM, "CryptographicAlgorithm");
    link(Tag.CRYPTOGRAPHIC_USAGE_MASK, "CryptographicUsageMask");
    link(Tag.DERIVATION_METHOD, "DerivationMethod");
    link(Tag.HASHING_ALGORITHM, "HashingAlgorithm");
    link(Tag.KEY_COMPRESSION_TYPE, "KeyCompressionType");
    link(Tag.KEY_FORMAT_TYPE, "KeyFormatType");
    link(Tag.LINK_TYPE, "LinkType");
    link(Tag.NAME_TYPE, "NameType");
    link(Tag.OBJECT_TYPE, "ObjectType");
    link(Tag.OPERATION, "Operation");
    link(Tag.PADDING_METHOD, "PaddingMethod");
    link(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER, "UniqueIdentifier");
    link(Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER, "UniqueIdentifier");
    link(Tag.PUT_FUNCTION, "PutFunction");
    link(Tag.QUERY_FUNCTION, "QueryFunction");
    link(Tag.RECOMMENDED_CURVE, "RecommendedCurve");
    link(Tag.RESULT_REASON, "ResultReason");
    link(Tag.RESULT_STATUS, "ResultStatus");
    link(Tag.REVOCATION_REASON_CODE, "RevocationReasonCode");
    link(Tag.KEY_ROLE_TYPE, "KeyRoleType");
    link(Tag.SECRET_DATA_TYPE, "SecretDataType");
    link(Tag.SPLIT_KEY_METHOD, "SplitKeyMethod");
    link(Tag.STATE, "State");
    link(Tag.STORAGE_STATUS_MASK, "StorageStatusMask");
    link(Tag.UNIQUE_IDENTIFIER, "UniqueIdentifier");
    link(Tag.USAGE_LIMITS_UNIT, "UsageLimitsUnit");
    link(Tag.VALIDITY_INDICATOR, "ValidityIndicator");
    link(Tag.WRAPPING_METHOD, "WrappingMethod");
    link(Tag.ENCODING_OPTION, "EncodingOption");
    link(Tag.EXTENSION_TYPE, "ItemType");
    link(Tag.OBJECT_GROUP_MEMBER, "ObjectGroupMember");
    link(Tag.DIGITAL_SIGNATURE_ALGORITHM, "DigitalSignatureAlgorithm");
    link(Tag.KEY_VALUE_LOCATION_TYPE, "KeyValueLocationType");
    link(Tag.ALTERNATIVE_NAME_TYPE, "AlternativeNameType");
    link(Tag.DATA, "Data");
    link(Tag.ATTESTATION_TYPE, "AttestationType");
    link(Tag.RNG_ALGORITHM, "RNGAlgorithm");
    link(Tag.DRBG_ALGORITHM, "DRBGAlgorithm");
    link(Tag.FIPS186_VARIATION, "FIPS186Variation");
    link(Tag.VALIDATION_AUTHORITY_TYPE, "ValidationAuthorityType");
    link(Tag.VALIDATION_TYPE, "ValidationType");
    link(Tag.PROFILE_NAME, "ProfileName");
    link(Tag.UNWRAP_MODE, "UnwrapMode");
    link(Tag.DESTROY_ACTION, "DestroyAction");
    link(Tag.SHREDDING_ALGORITHM, "ShreddingAlgorithm");
    link(Tag.RNG_MODE, "RNGMode");
    link(Tag.CLIENT_REGISTRATION_METHOD, "ClientRegistrationMethod");
    link(Tag.KEY_WRAP_TYPE, "KeyWrapType");
    link(Tag.MASK_GENERATOR, "MaskGenerator");
    link(Tag.MASK_GENERATOR_HASHING_ALGORITHM, "HashingAlgorithm");
    link(Tag.TAG, "Tag");
    link(Tag.NIST_KEY_TYPE, "NISTKeyType");
    link(Tag.ATTRIBUTE_REFERENCE, "Tag");
    link(Tag.PROTECTION_LEVEL, "ProtectionLevel");
    link(Tag.TICKET_TYPE, "TicketType");
    link(Tag.ENDPOINT_ROLE, "EndpointRole");
    link(Tag.ADJUSTMENT_TYPE, "AdjustmentType");
    link(Tag.PKCS_11_FUNCTION, "PKCS_11Function");
    link(Tag.PKCS_11_RETURN_CODE, "PKCS_11ReturnCode");
    link(Tag.PROTECTION_STORAGE_MASK, "ProtectionStorageMask");
    link(Tag.INTEROP_FUNCTION, "InteropFunction");
    link(Tag.ROTATE_NAME_TYPE, "RotateNameType");
    link(Tag.PROCESSING_STAGE, "ProcessingStage");
  }

  private Enumerations() {}

  private static void link(Tag tag, String enumeration) {
    EnumerationType type = BY_NAME.get(enumeration);
    if (type == null) {
      throw new IllegalStateException("no enumeration " + enumeration + " for " + tag);
    }
    BY_TAG[tag.code() - 0x420000] = type;
  }

  /** The enumeration or mask the values of this tag belong to, or null. */
  public static @Nullable EnumerationType forTag(int tag) {
    int i = tag - 0x420000;
    return i >= 0 && i < BY_TAG.length ? BY_TAG[i] : null;
  }

  /** The enumeration or mask with this XML name (e.g. CryptographicAlgorithm), or null. */
  public static @Nullable EnumerationType byName(String xmlName) {
    return BY_NAME.get(xmlName);
  }

  /** Every enumeration and mask, sorted by name, the tag enumeration last. */
  public static List<EnumerationType> all() {
    return ALL;
  }
}

// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every tag of KMIP 1.0 to 2.1 (KMIP 2.1 §11.56, KMIP 1.4 §9.1.3.1), with its spec and XML names,
 * the item types the spec gives it and the versions that define it, and Arca's own vendor
 * extension tags (0x54xxxx, from arca-extensions.tsv). The wire keeps raw tag numbers, so
 * other vendors' tags pass through without a constant here.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
@SuppressWarnings("ImmutableEnumChecker") // itemTypes is a Set.of
public enum Tag implements KmipEnumeration {
  /** Activation Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ACTIVATION_DATE(0x420001, "ActivationDate", "Activation Date", 10, 0, ItemType.DATE_TIME),
  /** Application Data (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  APPLICATION_DATA(0x420002, "ApplicationData", "Application Data", 10, 0, ItemType.TEXT_STRING),
  /** Application Namespace (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  APPLICATION_NAMESPACE(
      0x420003,
      "ApplicationNamespace",
      "Application Namespace",
      10,
      0,
      ItemType.TEXT_STRING),
  /** Application Specific Information (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  APPLICATION_SPECIFIC_INFORMATION(
      0x420004,
      "ApplicationSpecificInformation",
      "Application Specific Information",
      10,
      0,
      ItemType.STRUCTURE),
  /** Archive Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ARCHIVE_DATE(0x420005, "ArchiveDate", "Archive Date", 10, 0, ItemType.DATE_TIME),
  /** Asynchronous Correlation Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ASYNCHRONOUS_CORRELATION_VALUE(
      0x420006,
      "AsynchronousCorrelationValue",
      "Asynchronous Correlation Value",
      10,
      0,
      ItemType.BYTE_STRING),
  /** Asynchronous Indicator (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ASYNCHRONOUS_INDICATOR(
      0x420007,
      "AsynchronousIndicator",
      "Asynchronous Indicator",
      10,
      0,
      ItemType.BOOLEAN,
      ItemType.ENUMERATION),
  /** Attribute (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ATTRIBUTE(0x420008, "Attribute", "Attribute", 10, 0, ItemType.STRUCTURE),
  /** Attribute Index (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  ATTRIBUTE_INDEX(0x420009, "AttributeIndex", "Attribute Index", 10, 14, ItemType.INTEGER),
  /** Attribute Name (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ATTRIBUTE_NAME(0x42000A, "AttributeName", "Attribute Name", 10, 0, ItemType.TEXT_STRING),
  /** Attribute Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ATTRIBUTE_VALUE(0x42000B, "AttributeValue", "Attribute Value", 10, 0),
  /** Authentication (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  AUTHENTICATION(0x42000C, "Authentication", "Authentication", 10, 0, ItemType.STRUCTURE),
  /** Batch Count (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  BATCH_COUNT(0x42000D, "BatchCount", "Batch Count", 10, 0, ItemType.INTEGER),
  /** Batch Error Continuation Option (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  BATCH_ERROR_CONTINUATION_OPTION(
      0x42000E,
      "BatchErrorContinuationOption",
      "Batch Error Continuation Option",
      10,
      0,
      ItemType.ENUMERATION),
  /** Batch Item (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  BATCH_ITEM(0x42000F, "BatchItem", "Batch Item", 10, 0, ItemType.STRUCTURE),
  /** Batch Order Option (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  BATCH_ORDER_OPTION(0x420010, "BatchOrderOption", "Batch Order Option", 10, 0, ItemType.BOOLEAN),
  /** Block Cipher Mode (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  BLOCK_CIPHER_MODE(0x420011, "BlockCipherMode", "Block Cipher Mode", 10, 0, ItemType.ENUMERATION),
  /** Cancellation Result (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CANCELLATION_RESULT(0x420012, "CancellationResult", "Cancellation Result", 10, 0),
  /** Certificate (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE(0x420013, "Certificate", "Certificate", 10, 0, ItemType.STRUCTURE),
  /** Certificate Identifier (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_IDENTIFIER(
      0x420014,
      "CertificateIdentifier",
      "Certificate Identifier",
      10,
      14,
      ItemType.STRUCTURE),
  /** Certificate Issuer (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_ISSUER(
      0x420015,
      "CertificateIssuer",
      "Certificate Issuer",
      10,
      14,
      ItemType.STRUCTURE),
  /** Certificate Issuer Alternative Name (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_ISSUER_ALTERNATIVE_NAME(
      0x420016,
      "CertificateIssuerAlternativeName",
      "Certificate Issuer Alternative Name",
      10,
      14,
      ItemType.TEXT_STRING),
  /** Certificate Issuer Distinguished Name (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_ISSUER_DISTINGUISHED_NAME(
      0x420017,
      "CertificateIssuerDistinguishedName",
      "Certificate Issuer Distinguished Name",
      10,
      14,
      ItemType.TEXT_STRING),
  /** Certificate Request (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_REQUEST(
      0x420018,
      "CertificateRequest",
      "Certificate Request",
      10,
      0,
      ItemType.STRUCTURE),
  /** Certificate Request Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_REQUEST_TYPE(
      0x420019,
      "CertificateRequestType",
      "Certificate Request Type",
      10,
      0,
      ItemType.ENUMERATION),
  /** Certificate Subject (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_SUBJECT(
      0x42001A,
      "CertificateSubject",
      "Certificate Subject",
      10,
      14,
      ItemType.STRUCTURE),
  /** Certificate Subject Alternative Name (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_SUBJECT_ALTERNATIVE_NAME(
      0x42001B,
      "CertificateSubjectAlternativeName",
      "Certificate Subject Alternative Name",
      10,
      14,
      ItemType.TEXT_STRING),
  /** Certificate Subject Distinguished Name (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CERTIFICATE_SUBJECT_DISTINGUISHED_NAME(
      0x42001C,
      "CertificateSubjectDistinguishedName",
      "Certificate Subject Distinguished Name",
      10,
      14,
      ItemType.TEXT_STRING),
  /** Certificate Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_TYPE(0x42001D, "CertificateType", "Certificate Type", 10, 0, ItemType.ENUMERATION),
  /** Certificate Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_VALUE(0x42001E, "CertificateValue", "Certificate Value", 10, 0, ItemType.BYTE_STRING),
  /** Common Template-Attribute (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  COMMON_TEMPLATE_ATTRIBUTE(
      0x42001F,
      "CommonTemplateAttribute",
      "Common Template-Attribute",
      10,
      14),
  /** Compromise Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  COMPROMISE_DATE(0x420020, "CompromiseDate", "Compromise Date", 10, 0, ItemType.DATE_TIME),
  /** Compromise Occurrence Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  COMPROMISE_OCCURRENCE_DATE(
      0x420021,
      "CompromiseOccurrenceDate",
      "Compromise Occurrence Date",
      10,
      0,
      ItemType.DATE_TIME),
  /** Contact Information (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CONTACT_INFORMATION(
      0x420022,
      "ContactInformation",
      "Contact Information",
      10,
      0,
      ItemType.TEXT_STRING),
  /** Credential (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CREDENTIAL(0x420023, "Credential", "Credential", 10, 0, ItemType.STRUCTURE),
  /** Credential Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CREDENTIAL_TYPE(0x420024, "CredentialType", "Credential Type", 10, 0, ItemType.ENUMERATION),
  /** Credential Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CREDENTIAL_VALUE(0x420025, "CredentialValue", "Credential Value", 10, 0),
  /** Criticality Indicator (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRITICALITY_INDICATOR(
      0x420026,
      "CriticalityIndicator",
      "Criticality Indicator",
      10,
      0,
      ItemType.BOOLEAN),
  /** CRT Coefficient (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRT_COEFFICIENT(0x420027, "CRTCoefficient", "CRT Coefficient", 10, 0, ItemType.BIG_INTEGER),
  /** Cryptographic Algorithm (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRYPTOGRAPHIC_ALGORITHM(
      0x420028,
      "CryptographicAlgorithm",
      "Cryptographic Algorithm",
      10,
      0,
      ItemType.ENUMERATION),
  /** Cryptographic Domain Parameters (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRYPTOGRAPHIC_DOMAIN_PARAMETERS(
      0x420029,
      "CryptographicDomainParameters",
      "Cryptographic Domain Parameters",
      10,
      0,
      ItemType.STRUCTURE),
  /** Cryptographic Length (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRYPTOGRAPHIC_LENGTH(
      0x42002A,
      "CryptographicLength",
      "Cryptographic Length",
      10,
      0,
      ItemType.INTEGER),
  /** Cryptographic Parameters (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRYPTOGRAPHIC_PARAMETERS(
      0x42002B,
      "CryptographicParameters",
      "Cryptographic Parameters",
      10,
      0,
      ItemType.STRUCTURE),
  /** Cryptographic Usage Mask (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  CRYPTOGRAPHIC_USAGE_MASK(
      0x42002C,
      "CryptographicUsageMask",
      "Cryptographic Usage Mask",
      10,
      0,
      ItemType.INTEGER),
  /** Custom Attribute (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  CUSTOM_ATTRIBUTE(0x42002D, "CustomAttribute", "Custom Attribute", 10, 14),
  /** D (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  D(0x42002E, "D", "D", 10, 0, ItemType.BIG_INTEGER),
  /** Deactivation Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DEACTIVATION_DATE(0x42002F, "DeactivationDate", "Deactivation Date", 10, 0, ItemType.DATE_TIME),
  /** Derivation Data (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DERIVATION_DATA(0x420030, "DerivationData", "Derivation Data", 10, 0, ItemType.BYTE_STRING),
  /** Derivation Method (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DERIVATION_METHOD(0x420031, "DerivationMethod", "Derivation Method", 10, 0),
  /** Derivation Parameters (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DERIVATION_PARAMETERS(
      0x420032,
      "DerivationParameters",
      "Derivation Parameters",
      10,
      0,
      ItemType.STRUCTURE),
  /** Destroy Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DESTROY_DATE(0x420033, "DestroyDate", "Destroy Date", 10, 0, ItemType.DATE_TIME),
  /** Digest (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DIGEST(0x420034, "Digest", "Digest", 10, 0, ItemType.STRUCTURE),
  /** Digest Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  DIGEST_VALUE(0x420035, "DigestValue", "Digest Value", 10, 0, ItemType.BYTE_STRING),
  /** Encryption Key Information (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ENCRYPTION_KEY_INFORMATION(
      0x420036,
      "EncryptionKeyInformation",
      "Encryption Key Information",
      10,
      0,
      ItemType.STRUCTURE),
  /** G (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  G(0x420037, "G", "G", 10, 0, ItemType.BIG_INTEGER),
  /** Hashing Algorithm (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  HASHING_ALGORITHM(0x420038, "HashingAlgorithm", "Hashing Algorithm", 10, 0, ItemType.ENUMERATION),
  /** Initial Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  INITIAL_DATE(0x420039, "InitialDate", "Initial Date", 10, 0, ItemType.DATE_TIME),
  /** Initialization Vector (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  INITIALIZATION_VECTOR(
      0x42003A,
      "InitializationVector",
      "Initialization Vector",
      10,
      0,
      ItemType.BYTE_STRING),
  /** Issuer (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  ISSUER(0x42003B, "Issuer", "Issuer", 10, 14, ItemType.TEXT_STRING),
  /** Iteration Count (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  ITERATION_COUNT(0x42003C, "IterationCount", "Iteration Count", 10, 0, ItemType.INTEGER),
  /** IV/Counter/Nonce (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  IV_COUNTER_NONCE(0x42003D, "IVCounterNonce", "IV/Counter/Nonce", 10, 0, ItemType.BYTE_STRING),
  /** J (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  J(0x42003E, "J", "J", 10, 0, ItemType.BIG_INTEGER),
  /** Key (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY(0x42003F, "Key", "Key", 10, 0, ItemType.BYTE_STRING),
  /** Key Block (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_BLOCK(0x420040, "KeyBlock", "Key Block", 10, 0, ItemType.STRUCTURE),
  /** Key Compression Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_COMPRESSION_TYPE(
      0x420041,
      "KeyCompressionType",
      "Key Compression Type",
      10,
      0,
      ItemType.ENUMERATION),
  /** Key Format Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_FORMAT_TYPE(0x420042, "KeyFormatType", "Key Format Type", 10, 0, ItemType.ENUMERATION),
  /** Key Material (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_MATERIAL(
      0x420043,
      "KeyMaterial",
      "Key Material",
      10,
      0,
      ItemType.BYTE_STRING,
      ItemType.STRUCTURE),
  /** Key Part Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_PART_IDENTIFIER(
      0x420044,
      "KeyPartIdentifier",
      "Key Part Identifier",
      10,
      0,
      ItemType.INTEGER),
  /** Key Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_VALUE(0x420045, "KeyValue", "Key Value", 10, 0, ItemType.BYTE_STRING, ItemType.STRUCTURE),
  /** Key Wrapping Data (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_WRAPPING_DATA(0x420046, "KeyWrappingData", "Key Wrapping Data", 10, 0, ItemType.STRUCTURE),
  /** Key Wrapping Specification (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_WRAPPING_SPECIFICATION(
      0x420047,
      "KeyWrappingSpecification",
      "Key Wrapping Specification",
      10,
      0,
      ItemType.STRUCTURE),
  /** Last Change Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  LAST_CHANGE_DATE(0x420048, "LastChangeDate", "Last Change Date", 10, 0, ItemType.DATE_TIME),
  /** Lease Time (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  LEASE_TIME(0x420049, "LeaseTime", "Lease Time", 10, 0, ItemType.INTERVAL),
  /** Link (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  LINK(0x42004A, "Link", "Link", 10, 0, ItemType.STRUCTURE),
  /** Link Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  LINK_TYPE(0x42004B, "LinkType", "Link Type", 10, 0, ItemType.ENUMERATION),
  /** Linked Object Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  LINKED_OBJECT_IDENTIFIER(
      0x42004C,
      "LinkedObjectIdentifier",
      "Linked Object Identifier",
      10,
      0,
      ItemType.ENUMERATION,
      ItemType.INTEGER,
      ItemType.TEXT_STRING),
  /** MAC/Signature (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MAC_SIGNATURE(0x42004D, "MACSignature", "MAC/Signature", 10, 0, ItemType.BYTE_STRING),
  /** MAC/Signature Key Information (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MAC_SIGNATURE_KEY_INFORMATION(
      0x42004E,
      "MACSignatureKeyInformation",
      "MAC/Signature Key Information",
      10,
      0,
      ItemType.STRUCTURE),
  /** Maximum Items (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MAXIMUM_ITEMS(0x42004F, "MaximumItems", "Maximum Items", 10, 0),
  /** Maximum Response Size (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MAXIMUM_RESPONSE_SIZE(
      0x420050,
      "MaximumResponseSize",
      "Maximum Response Size",
      10,
      0,
      ItemType.INTEGER),
  /** Message Extension (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MESSAGE_EXTENSION(0x420051, "MessageExtension", "Message Extension", 10, 0, ItemType.STRUCTURE),
  /** Modulus (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  MODULUS(0x420052, "Modulus", "Modulus", 10, 0, ItemType.BIG_INTEGER),
  /** Name (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  NAME(0x420053, "Name", "Name", 10, 0, ItemType.STRUCTURE),
  /** Name Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  NAME_TYPE(0x420054, "NameType", "Name Type", 10, 0, ItemType.ENUMERATION),
  /** Name Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  NAME_VALUE(0x420055, "NameValue", "Name Value", 10, 0, ItemType.TEXT_STRING),
  /** Object Group (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_GROUP(
      0x420056,
      "ObjectGroup",
      "Object Group",
      10,
      0,
      ItemType.STRUCTURE,
      ItemType.TEXT_STRING),
  /** Object Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_TYPE(0x420057, "ObjectType", "Object Type", 10, 0, ItemType.ENUMERATION),
  /** Offset (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OFFSET(0x420058, "Offset", "Offset", 10, 0),
  /** Opaque Data Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OPAQUE_DATA_TYPE(0x420059, "OpaqueDataType", "Opaque Data Type", 10, 0, ItemType.ENUMERATION),
  /** Opaque Data Value (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OPAQUE_DATA_VALUE(0x42005A, "OpaqueDataValue", "Opaque Data Value", 10, 0, ItemType.BYTE_STRING),
  /** Opaque Object (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OPAQUE_OBJECT(0x42005B, "OpaqueObject", "Opaque Object", 10, 0, ItemType.STRUCTURE),
  /** Operation (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  OPERATION(0x42005C, "Operation", "Operation", 10, 0, ItemType.ENUMERATION),
  /** Operation Policy Name (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  OPERATION_POLICY_NAME(
      0x42005D,
      "OperationPolicyName",
      "Operation Policy Name",
      10,
      14,
      ItemType.TEXT_STRING),
  /** P (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  P(0x42005E, "P", "P", 10, 0, ItemType.BIG_INTEGER),
  /** Padding Method (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PADDING_METHOD(0x42005F, "PaddingMethod", "Padding Method", 10, 0, ItemType.ENUMERATION),
  /** Prime Exponent P (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIME_EXPONENT_P(0x420060, "PrimeExponentP", "Prime Exponent P", 10, 0, ItemType.BIG_INTEGER),
  /** Prime Exponent Q (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIME_EXPONENT_Q(0x420061, "PrimeExponentQ", "Prime Exponent Q", 10, 0, ItemType.BIG_INTEGER),
  /** Prime Field Size (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIME_FIELD_SIZE(0x420062, "PrimeFieldSize", "Prime Field Size", 10, 0, ItemType.BIG_INTEGER),
  /** Private Exponent (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIVATE_EXPONENT(0x420063, "PrivateExponent", "Private Exponent", 10, 0, ItemType.BIG_INTEGER),
  /** Private Key (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIVATE_KEY(0x420064, "PrivateKey", "Private Key", 10, 0, ItemType.STRUCTURE),
  /** Private Key Template-Attribute (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  PRIVATE_KEY_TEMPLATE_ATTRIBUTE(
      0x420065,
      "PrivateKeyTemplateAttribute",
      "Private Key Template-Attribute",
      10,
      14),
  /** Private Key Unique Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PRIVATE_KEY_UNIQUE_IDENTIFIER(
      0x420066,
      "PrivateKeyUniqueIdentifier",
      "Private Key Unique Identifier",
      10,
      0),
  /** Process Start Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PROCESS_START_DATE(0x420067, "ProcessStartDate", "Process Start Date", 10, 0, ItemType.DATE_TIME),
  /** Protect Stop Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PROTECT_STOP_DATE(0x420068, "ProtectStopDate", "Protect Stop Date", 10, 0, ItemType.DATE_TIME),
  /** Protocol Version (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PROTOCOL_VERSION(0x420069, "ProtocolVersion", "Protocol Version", 10, 0, ItemType.STRUCTURE),
  /** Protocol Version Major (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PROTOCOL_VERSION_MAJOR(
      0x42006A,
      "ProtocolVersionMajor",
      "Protocol Version Major",
      10,
      0,
      ItemType.INTEGER),
  /** Protocol Version Minor (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PROTOCOL_VERSION_MINOR(
      0x42006B,
      "ProtocolVersionMinor",
      "Protocol Version Minor",
      10,
      0,
      ItemType.INTEGER),
  /** Public Exponent (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PUBLIC_EXPONENT(0x42006C, "PublicExponent", "Public Exponent", 10, 0, ItemType.BIG_INTEGER),
  /** Public Key (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PUBLIC_KEY(0x42006D, "PublicKey", "Public Key", 10, 0, ItemType.STRUCTURE),
  /** Public Key Template-Attribute (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  PUBLIC_KEY_TEMPLATE_ATTRIBUTE(
      0x42006E,
      "PublicKeyTemplateAttribute",
      "Public Key Template-Attribute",
      10,
      14),
  /** Public Key Unique Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PUBLIC_KEY_UNIQUE_IDENTIFIER(
      0x42006F,
      "PublicKeyUniqueIdentifier",
      "Public Key Unique Identifier",
      10,
      0),
  /** Put Function (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PUT_FUNCTION(0x420070, "PutFunction", "Put Function", 10, 0),
  /** Q (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  Q(0x420071, "Q", "Q", 10, 0, ItemType.BIG_INTEGER),
  /** Q String (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  Q_STRING(0x420072, "QString", "Q String", 10, 0, ItemType.BYTE_STRING),
  /** Qlength (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  QLENGTH(0x420073, "Qlength", "Qlength", 10, 0, ItemType.INTEGER),
  /** Query Function (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  QUERY_FUNCTION(0x420074, "QueryFunction", "Query Function", 10, 0),
  /** Recommended Curve (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RECOMMENDED_CURVE(0x420075, "RecommendedCurve", "Recommended Curve", 10, 0, ItemType.ENUMERATION),
  /** Replaced Unique Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REPLACED_UNIQUE_IDENTIFIER(
      0x420076,
      "ReplacedUniqueIdentifier",
      "Replaced Unique Identifier",
      10,
      0),
  /** Request Header (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REQUEST_HEADER(0x420077, "RequestHeader", "Request Header", 10, 0, ItemType.STRUCTURE),
  /** Request Message (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REQUEST_MESSAGE(0x420078, "RequestMessage", "Request Message", 10, 0, ItemType.STRUCTURE),
  /** Request Payload (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REQUEST_PAYLOAD(0x420079, "RequestPayload", "Request Payload", 10, 0),
  /** Response Header (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESPONSE_HEADER(0x42007A, "ResponseHeader", "Response Header", 10, 0, ItemType.STRUCTURE),
  /** Response Message (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESPONSE_MESSAGE(0x42007B, "ResponseMessage", "Response Message", 10, 0, ItemType.STRUCTURE),
  /** Response Payload (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESPONSE_PAYLOAD(0x42007C, "ResponsePayload", "Response Payload", 10, 0),
  /** Result Message (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESULT_MESSAGE(0x42007D, "ResultMessage", "Result Message", 10, 0, ItemType.TEXT_STRING),
  /** Result Reason (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESULT_REASON(0x42007E, "ResultReason", "Result Reason", 10, 0, ItemType.ENUMERATION),
  /** Result Status (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  RESULT_STATUS(0x42007F, "ResultStatus", "Result Status", 10, 0, ItemType.ENUMERATION),
  /** Revocation Message (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REVOCATION_MESSAGE(
      0x420080,
      "RevocationMessage",
      "Revocation Message",
      10,
      0,
      ItemType.TEXT_STRING),
  /** Revocation Reason (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REVOCATION_REASON(0x420081, "RevocationReason", "Revocation Reason", 10, 0, ItemType.STRUCTURE),
  /** Revocation Reason Code (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  REVOCATION_REASON_CODE(
      0x420082,
      "RevocationReasonCode",
      "Revocation Reason Code",
      10,
      0,
      ItemType.ENUMERATION),
  /** Key Role Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  KEY_ROLE_TYPE(0x420083, "KeyRoleType", "Key Role Type", 10, 0, ItemType.ENUMERATION),
  /** Salt (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SALT(0x420084, "Salt", "Salt", 10, 0, ItemType.BYTE_STRING),
  /** Secret Data (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SECRET_DATA(0x420085, "SecretData", "Secret Data", 10, 0, ItemType.STRUCTURE),
  /** Secret Data Type (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SECRET_DATA_TYPE(0x420086, "SecretDataType", "Secret Data Type", 10, 0, ItemType.ENUMERATION),
  /** Serial Number (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  SERIAL_NUMBER(0x420087, "SerialNumber", "Serial Number", 10, 14, ItemType.TEXT_STRING),
  /** Server Information (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_INFORMATION(
      0x420088,
      "ServerInformation",
      "Server Information",
      10,
      0,
      ItemType.STRUCTURE),
  /** Split Key (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SPLIT_KEY(0x420089, "SplitKey", "Split Key", 10, 0, ItemType.STRUCTURE),
  /** Split Key Method (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SPLIT_KEY_METHOD(0x42008A, "SplitKeyMethod", "Split Key Method", 10, 0, ItemType.ENUMERATION),
  /** Split Key Parts (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SPLIT_KEY_PARTS(0x42008B, "SplitKeyParts", "Split Key Parts", 10, 0, ItemType.INTEGER),
  /** Split Key Threshold (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SPLIT_KEY_THRESHOLD(
      0x42008C,
      "SplitKeyThreshold",
      "Split Key Threshold",
      10,
      0,
      ItemType.INTEGER),
  /** State (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  STATE(0x42008D, "State", "State", 10, 0, ItemType.ENUMERATION),
  /** Storage Status Mask (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  STORAGE_STATUS_MASK(0x42008E, "StorageStatusMask", "Storage Status Mask", 10, 0),
  /** Symmetric Key (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  SYMMETRIC_KEY(0x42008F, "SymmetricKey", "Symmetric Key", 10, 0, ItemType.STRUCTURE),
  /** Template (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  TEMPLATE(0x420090, "Template", "Template", 10, 14, ItemType.STRUCTURE),
  /** Template-Attribute (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.1 Table 288). */
  TEMPLATE_ATTRIBUTE(0x420091, "TemplateAttribute", "Template-Attribute", 10, 14),
  /** Time Stamp (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  TIME_STAMP(0x420092, "TimeStamp", "Time Stamp", 10, 0, ItemType.DATE_TIME),
  /** Unique Batch Item ID (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  UNIQUE_BATCH_ITEM_ID(
      0x420093,
      "UniqueBatchItemID",
      "Unique Batch Item ID",
      10,
      0,
      ItemType.BYTE_STRING),
  /** Unique Identifier (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  UNIQUE_IDENTIFIER(
      0x420094,
      "UniqueIdentifier",
      "Unique Identifier",
      10,
      0,
      ItemType.ENUMERATION,
      ItemType.INTEGER,
      ItemType.TEXT_STRING),
  /** Usage Limits (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  USAGE_LIMITS(0x420095, "UsageLimits", "Usage Limits", 10, 0, ItemType.STRUCTURE),
  /** Usage Limits Count (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  USAGE_LIMITS_COUNT(
      0x420096,
      "UsageLimitsCount",
      "Usage Limits Count",
      10,
      0,
      ItemType.LONG_INTEGER),
  /** Usage Limits Total (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  USAGE_LIMITS_TOTAL(
      0x420097,
      "UsageLimitsTotal",
      "Usage Limits Total",
      10,
      0,
      ItemType.LONG_INTEGER),
  /** Usage Limits Unit (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  USAGE_LIMITS_UNIT(0x420098, "UsageLimitsUnit", "Usage Limits Unit", 10, 0, ItemType.ENUMERATION),
  /** Username (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  USERNAME(0x420099, "Username", "Username", 10, 0, ItemType.TEXT_STRING),
  /** Validity Date (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  VALIDITY_DATE(0x42009A, "ValidityDate", "Validity Date", 10, 0),
  /** Validity Indicator (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  VALIDITY_INDICATOR(0x42009B, "ValidityIndicator", "Validity Indicator", 10, 0),
  /** Vendor Extension (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  VENDOR_EXTENSION(0x42009C, "VendorExtension", "Vendor Extension", 10, 0, ItemType.STRUCTURE),
  /** Vendor Identification (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  VENDOR_IDENTIFICATION(
      0x42009D,
      "VendorIdentification",
      "Vendor Identification",
      10,
      0,
      ItemType.TEXT_STRING),
  /** Wrapping Method (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  WRAPPING_METHOD(0x42009E, "WrappingMethod", "Wrapping Method", 10, 0, ItemType.ENUMERATION),
  /** X (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  X(0x42009F, "X", "X", 10, 0, ItemType.BIG_INTEGER),
  /** Y (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  Y(0x4200A0, "Y", "Y", 10, 0, ItemType.BIG_INTEGER),
  /** Password (KMIP 1.0+; KMIP 2.1 §11.56 Table 487). */
  PASSWORD(0x4200A1, "Password", "Password", 10, 0, ItemType.TEXT_STRING),
  /** Device Identifier (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  DEVICE_IDENTIFIER(0x4200A2, "DeviceIdentifier", "Device Identifier", 11, 0, ItemType.TEXT_STRING),
  /** Encoding Option (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  ENCODING_OPTION(0x4200A3, "EncodingOption", "Encoding Option", 11, 0, ItemType.ENUMERATION),
  /** Extension Information (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_INFORMATION(
      0x4200A4,
      "ExtensionInformation",
      "Extension Information",
      11,
      0,
      ItemType.STRUCTURE),
  /** Extension Name (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_NAME(0x4200A5, "ExtensionName", "Extension Name", 11, 0, ItemType.TEXT_STRING),
  /** Extension Tag (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_TAG(0x4200A6, "ExtensionTag", "Extension Tag", 11, 0, ItemType.INTEGER),
  /** Extension Type (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_TYPE(
      0x4200A7,
      "ExtensionType",
      "Extension Type",
      11,
      0,
      ItemType.ENUMERATION,
      ItemType.INTEGER),
  /** Fresh (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  FRESH(0x4200A8, "Fresh", "Fresh", 11, 0, ItemType.BOOLEAN),
  /** Machine Identifier (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  MACHINE_IDENTIFIER(
      0x4200A9,
      "MachineIdentifier",
      "Machine Identifier",
      11,
      0,
      ItemType.TEXT_STRING),
  /** Media Identifier (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  MEDIA_IDENTIFIER(0x4200AA, "MediaIdentifier", "Media Identifier", 11, 0, ItemType.TEXT_STRING),
  /** Network Identifier (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  NETWORK_IDENTIFIER(
      0x4200AB,
      "NetworkIdentifier",
      "Network Identifier",
      11,
      0,
      ItemType.TEXT_STRING),
  /** Object Group Member (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_GROUP_MEMBER(0x4200AC, "ObjectGroupMember", "Object Group Member", 11, 0),
  /** Certificate Length (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_LENGTH(0x4200AD, "CertificateLength", "Certificate Length", 11, 0, ItemType.INTEGER),
  /** Digital Signature Algorithm (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  DIGITAL_SIGNATURE_ALGORITHM(
      0x4200AE,
      "DigitalSignatureAlgorithm",
      "Digital Signature Algorithm",
      11,
      0,
      ItemType.ENUMERATION),
  /** Certificate Serial Number (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SERIAL_NUMBER(
      0x4200AF,
      "CertificateSerialNumber",
      "Certificate Serial Number",
      11,
      0,
      ItemType.BYTE_STRING),
  /** Device Serial Number (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  DEVICE_SERIAL_NUMBER(
      0x4200B0,
      "DeviceSerialNumber",
      "Device Serial Number",
      11,
      0,
      ItemType.TEXT_STRING),
  /** Issuer Alternative Name (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  ISSUER_ALTERNATIVE_NAME(
      0x4200B1,
      "IssuerAlternativeName",
      "Issuer Alternative Name",
      11,
      0,
      ItemType.BYTE_STRING),
  /** Issuer Distinguished Name (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  ISSUER_DISTINGUISHED_NAME(
      0x4200B2,
      "IssuerDistinguishedName",
      "Issuer Distinguished Name",
      11,
      0,
      ItemType.BYTE_STRING),
  /** Subject Alternative Name (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  SUBJECT_ALTERNATIVE_NAME(
      0x4200B3,
      "SubjectAlternativeName",
      "Subject Alternative Name",
      11,
      0,
      ItemType.BYTE_STRING),
  /** Subject Distinguished Name (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  SUBJECT_DISTINGUISHED_NAME(
      0x4200B4,
      "SubjectDistinguishedName",
      "Subject Distinguished Name",
      11,
      0,
      ItemType.BYTE_STRING),
  /** X.509 Certificate Identifier (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  X_509_CERTIFICATE_IDENTIFIER(
      0x4200B5,
      "X_509CertificateIdentifier",
      "X.509 Certificate Identifier",
      11,
      0,
      ItemType.STRUCTURE),
  /** X.509 Certificate Issuer (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  X_509_CERTIFICATE_ISSUER(
      0x4200B6,
      "X_509CertificateIssuer",
      "X.509 Certificate Issuer",
      11,
      0,
      ItemType.STRUCTURE),
  /** X.509 Certificate Subject (KMIP 1.1+; KMIP 2.1 §11.56 Table 487). */
  X_509_CERTIFICATE_SUBJECT(
      0x4200B7,
      "X_509CertificateSubject",
      "X.509 Certificate Subject",
      11,
      0,
      ItemType.STRUCTURE),
  /** Key Value Location (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  KEY_VALUE_LOCATION(0x4200B8, "KeyValueLocation", "Key Value Location", 12, 0, ItemType.STRUCTURE),
  /** Key Value Location Value (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  KEY_VALUE_LOCATION_VALUE(
      0x4200B9,
      "KeyValueLocationValue",
      "Key Value Location Value",
      12,
      0,
      ItemType.TEXT_STRING),
  /** Key Value Location Type (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  KEY_VALUE_LOCATION_TYPE(
      0x4200BA,
      "KeyValueLocationType",
      "Key Value Location Type",
      12,
      0,
      ItemType.ENUMERATION),
  /** Key Value Present (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  KEY_VALUE_PRESENT(0x4200BB, "KeyValuePresent", "Key Value Present", 12, 0, ItemType.BOOLEAN),
  /** Original Creation Date (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ORIGINAL_CREATION_DATE(
      0x4200BC,
      "OriginalCreationDate",
      "Original Creation Date",
      12,
      0,
      ItemType.DATE_TIME),
  /** PGP Key (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  PGP_KEY(0x4200BD, "PGPKey", "PGP Key", 12, 0, ItemType.STRUCTURE),
  /** PGP Key Version (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  PGP_KEY_VERSION(0x4200BE, "PGPKeyVersion", "PGP Key Version", 12, 0, ItemType.INTEGER),
  /** Alternative Name (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ALTERNATIVE_NAME(0x4200BF, "AlternativeName", "Alternative Name", 12, 0, ItemType.STRUCTURE),
  /** Alternative Name Value (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ALTERNATIVE_NAME_VALUE(
      0x4200C0,
      "AlternativeNameValue",
      "Alternative Name Value",
      12,
      0,
      ItemType.TEXT_STRING),
  /** Alternative Name Type (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ALTERNATIVE_NAME_TYPE(
      0x4200C1,
      "AlternativeNameType",
      "Alternative Name Type",
      12,
      0,
      ItemType.ENUMERATION),
  /** Data (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  DATA(
      0x4200C2,
      "Data",
      "Data",
      12,
      0,
      ItemType.BYTE_STRING,
      ItemType.ENUMERATION,
      ItemType.INTEGER),
  /** Signature Data (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  SIGNATURE_DATA(0x4200C3, "SignatureData", "Signature Data", 12, 0, ItemType.BYTE_STRING),
  /** Data Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  DATA_LENGTH(0x4200C4, "DataLength", "Data Length", 12, 0, ItemType.INTEGER),
  /** Random IV (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  RANDOM_IV(0x4200C5, "RandomIV", "Random IV", 12, 0, ItemType.BOOLEAN),
  /** MAC Data (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  MAC_DATA(0x4200C6, "MACData", "MAC Data", 12, 0, ItemType.BYTE_STRING),
  /** Attestation Type (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ATTESTATION_TYPE(0x4200C7, "AttestationType", "Attestation Type", 12, 0, ItemType.ENUMERATION),
  /** Nonce (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  NONCE(0x4200C8, "Nonce", "Nonce", 12, 0, ItemType.STRUCTURE),
  /** Nonce ID (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  NONCE_ID(0x4200C9, "NonceID", "Nonce ID", 12, 0, ItemType.BYTE_STRING),
  /** Nonce Value (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  NONCE_VALUE(0x4200CA, "NonceValue", "Nonce Value", 12, 0, ItemType.BYTE_STRING),
  /** Attestation Measurement (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ATTESTATION_MEASUREMENT(
      0x4200CB,
      "AttestationMeasurement",
      "Attestation Measurement",
      12,
      0,
      ItemType.BYTE_STRING),
  /** Attestation Assertion (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ATTESTATION_ASSERTION(
      0x4200CC,
      "AttestationAssertion",
      "Attestation Assertion",
      12,
      0,
      ItemType.BYTE_STRING),
  /** IV Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  IV_LENGTH(0x4200CD, "IVLength", "IV Length", 12, 0, ItemType.INTEGER),
  /** Tag Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  TAG_LENGTH(0x4200CE, "TagLength", "Tag Length", 12, 0, ItemType.INTEGER),
  /** Fixed Field Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  FIXED_FIELD_LENGTH(0x4200CF, "FixedFieldLength", "Fixed Field Length", 12, 0, ItemType.INTEGER),
  /** Counter Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  COUNTER_LENGTH(0x4200D0, "CounterLength", "Counter Length", 12, 0, ItemType.INTEGER),
  /** Initial Counter Value (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  INITIAL_COUNTER_VALUE(
      0x4200D1,
      "InitialCounterValue",
      "Initial Counter Value",
      12,
      0,
      ItemType.INTEGER),
  /** Invocation Field Length (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  INVOCATION_FIELD_LENGTH(
      0x4200D2,
      "InvocationFieldLength",
      "Invocation Field Length",
      12,
      0,
      ItemType.INTEGER),
  /** Attestation Capable Indicator (KMIP 1.2+; KMIP 2.1 §11.56 Table 487). */
  ATTESTATION_CAPABLE_INDICATOR(
      0x4200D3,
      "AttestationCapableIndicator",
      "Attestation Capable Indicator",
      12,
      0,
      ItemType.BOOLEAN),
  /** Offset Items (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  OFFSET_ITEMS(0x4200D4, "OffsetItems", "Offset Items", 13, 0),
  /** Located Items (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  LOCATED_ITEMS(0x4200D5, "LocatedItems", "Located Items", 13, 0),
  /** Correlation Value (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  CORRELATION_VALUE(0x4200D6, "CorrelationValue", "Correlation Value", 13, 0, ItemType.BYTE_STRING),
  /** Init Indicator (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  INIT_INDICATOR(0x4200D7, "InitIndicator", "Init Indicator", 13, 0, ItemType.BOOLEAN),
  /** Final Indicator (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  FINAL_INDICATOR(0x4200D8, "FinalIndicator", "Final Indicator", 13, 0, ItemType.BOOLEAN),
  /** RNG Parameters (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  RNG_PARAMETERS(0x4200D9, "RNGParameters", "RNG Parameters", 13, 0, ItemType.STRUCTURE),
  /** RNG Algorithm (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  RNG_ALGORITHM(0x4200DA, "RNGAlgorithm", "RNG Algorithm", 13, 0, ItemType.ENUMERATION),
  /** DRBG Algorithm (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  DRBG_ALGORITHM(0x4200DB, "DRBGAlgorithm", "DRBG Algorithm", 13, 0, ItemType.ENUMERATION),
  /** FIPS186 Variation (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  FIPS186_VARIATION(0x4200DC, "FIPS186Variation", "FIPS186 Variation", 13, 0, ItemType.ENUMERATION),
  /** Prediction Resistance (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  PREDICTION_RESISTANCE(
      0x4200DD,
      "PredictionResistance",
      "Prediction Resistance",
      13,
      0,
      ItemType.BOOLEAN),
  /** Random Number Generator (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  RANDOM_NUMBER_GENERATOR(
      0x4200DE,
      "RandomNumberGenerator",
      "Random Number Generator",
      13,
      0,
      ItemType.STRUCTURE),
  /** Validation Information (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_INFORMATION(
      0x4200DF,
      "ValidationInformation",
      "Validation Information",
      13,
      0,
      ItemType.STRUCTURE),
  /** Validation Authority Type (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_AUTHORITY_TYPE(
      0x4200E0,
      "ValidationAuthorityType",
      "Validation Authority Type",
      13,
      0,
      ItemType.ENUMERATION),
  /** Validation Authority Country (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_AUTHORITY_COUNTRY(
      0x4200E1,
      "ValidationAuthorityCountry",
      "Validation Authority Country",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Validation Authority URI (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_AUTHORITY_URI(
      0x4200E2,
      "ValidationAuthorityURI",
      "Validation Authority URI",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Validation Version Major (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_VERSION_MAJOR(
      0x4200E3,
      "ValidationVersionMajor",
      "Validation Version Major",
      13,
      0,
      ItemType.INTEGER),
  /** Validation Version Minor (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_VERSION_MINOR(
      0x4200E4,
      "ValidationVersionMinor",
      "Validation Version Minor",
      13,
      0,
      ItemType.INTEGER),
  /** Validation Type (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_TYPE(0x4200E5, "ValidationType", "Validation Type", 13, 0, ItemType.ENUMERATION),
  /** Validation Level (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_LEVEL(0x4200E6, "ValidationLevel", "Validation Level", 13, 0, ItemType.INTEGER),
  /** Validation Certificate Identifier (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_CERTIFICATE_IDENTIFIER(
      0x4200E7,
      "ValidationCertificateIdentifier",
      "Validation Certificate Identifier",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Validation Certificate URI (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_CERTIFICATE_URI(
      0x4200E8,
      "ValidationCertificateURI",
      "Validation Certificate URI",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Validation Vendor URI (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_VENDOR_URI(
      0x4200E9,
      "ValidationVendorURI",
      "Validation Vendor URI",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Validation Profile (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  VALIDATION_PROFILE(
      0x4200EA,
      "ValidationProfile",
      "Validation Profile",
      13,
      0,
      ItemType.TEXT_STRING),
  /** Profile Information (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  PROFILE_INFORMATION(
      0x4200EB,
      "ProfileInformation",
      "Profile Information",
      13,
      0,
      ItemType.STRUCTURE),
  /** Profile Name (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  PROFILE_NAME(0x4200EC, "ProfileName", "Profile Name", 13, 0, ItemType.ENUMERATION),
  /** Server URI (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  SERVER_URI(0x4200ED, "ServerURI", "Server URI", 13, 0, ItemType.TEXT_STRING),
  /** Server Port (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  SERVER_PORT(0x4200EE, "ServerPort", "Server Port", 13, 0, ItemType.INTEGER),
  /** Streaming Capability (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  STREAMING_CAPABILITY(
      0x4200EF,
      "StreamingCapability",
      "Streaming Capability",
      13,
      0,
      ItemType.BOOLEAN),
  /** Asynchronous Capability (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  ASYNCHRONOUS_CAPABILITY(
      0x4200F0,
      "AsynchronousCapability",
      "Asynchronous Capability",
      13,
      0,
      ItemType.BOOLEAN),
  /** Attestation Capability (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  ATTESTATION_CAPABILITY(
      0x4200F1,
      "AttestationCapability",
      "Attestation Capability",
      13,
      0,
      ItemType.BOOLEAN),
  /** Unwrap Mode (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  UNWRAP_MODE(0x4200F2, "UnwrapMode", "Unwrap Mode", 13, 0, ItemType.ENUMERATION),
  /** Destroy Action (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  DESTROY_ACTION(0x4200F3, "DestroyAction", "Destroy Action", 13, 0, ItemType.ENUMERATION),
  /** Shredding Algorithm (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  SHREDDING_ALGORITHM(
      0x4200F4,
      "ShreddingAlgorithm",
      "Shredding Algorithm",
      13,
      0,
      ItemType.ENUMERATION),
  /** RNG Mode (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  RNG_MODE(0x4200F5, "RNGMode", "RNG Mode", 13, 0, ItemType.ENUMERATION),
  /** Client Registration Method (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  CLIENT_REGISTRATION_METHOD(
      0x4200F6,
      "ClientRegistrationMethod",
      "Client Registration Method",
      13,
      0),
  /** Capability Information (KMIP 1.3+; KMIP 2.1 §11.56 Table 487). */
  CAPABILITY_INFORMATION(
      0x4200F7,
      "CapabilityInformation",
      "Capability Information",
      13,
      0,
      ItemType.STRUCTURE),
  /** Key Wrap Type (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  KEY_WRAP_TYPE(0x4200F8, "KeyWrapType", "Key Wrap Type", 14, 0),
  /** Batch Undo Capability (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  BATCH_UNDO_CAPABILITY(
      0x4200F9,
      "BatchUndoCapability",
      "Batch Undo Capability",
      14,
      0,
      ItemType.BOOLEAN),
  /** Batch Continue Capability (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  BATCH_CONTINUE_CAPABILITY(
      0x4200FA,
      "BatchContinueCapability",
      "Batch Continue Capability",
      14,
      0,
      ItemType.BOOLEAN),
  /** PKCS#12 Friendly Name (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  PKCS_12_FRIENDLY_NAME(
      0x4200FB,
      "PKCS_12FriendlyName",
      "PKCS#12 Friendly Name",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Description (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  DESCRIPTION(0x4200FC, "Description", "Description", 14, 0, ItemType.TEXT_STRING),
  /** Comment (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  COMMENT(0x4200FD, "Comment", "Comment", 14, 0),
  /** Authenticated Encryption Additional Data (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA(
      0x4200FE,
      "AuthenticatedEncryptionAdditionalData",
      "Authenticated Encryption Additional Data",
      14,
      0,
      ItemType.BYTE_STRING),
  /** Authenticated Encryption Tag (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  AUTHENTICATED_ENCRYPTION_TAG(
      0x4200FF,
      "AuthenticatedEncryptionTag",
      "Authenticated Encryption Tag",
      14,
      0,
      ItemType.BYTE_STRING),
  /** Salt Length (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  SALT_LENGTH(0x420100, "SaltLength", "Salt Length", 14, 0, ItemType.INTEGER),
  /** Mask Generator (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  MASK_GENERATOR(0x420101, "MaskGenerator", "Mask Generator", 14, 0, ItemType.ENUMERATION),
  /** Mask Generator Hashing Algorithm (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  MASK_GENERATOR_HASHING_ALGORITHM(
      0x420102,
      "MaskGeneratorHashingAlgorithm",
      "Mask Generator Hashing Algorithm",
      14,
      0,
      ItemType.ENUMERATION),
  /** P Source (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  P_SOURCE(0x420103, "PSource", "P Source", 14, 0, ItemType.BYTE_STRING),
  /** Trailer Field (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  TRAILER_FIELD(0x420104, "TrailerField", "Trailer Field", 14, 0, ItemType.INTEGER),
  /** Client Correlation Value (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CLIENT_CORRELATION_VALUE(
      0x420105,
      "ClientCorrelationValue",
      "Client Correlation Value",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Server Correlation Value (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  SERVER_CORRELATION_VALUE(
      0x420106,
      "ServerCorrelationValue",
      "Server Correlation Value",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Digested Data (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  DIGESTED_DATA(0x420107, "DigestedData", "Digested Data", 14, 0),
  /** Certificate Subject CN (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_CN(
      0x420108,
      "CertificateSubjectCN",
      "Certificate Subject CN",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject O (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_O(
      0x420109,
      "CertificateSubjectO",
      "Certificate Subject O",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject OU (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_OU(
      0x42010A,
      "CertificateSubjectOU",
      "Certificate Subject OU",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject Email (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_EMAIL(
      0x42010B,
      "CertificateSubjectEmail",
      "Certificate Subject Email",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject C (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_C(
      0x42010C,
      "CertificateSubjectC",
      "Certificate Subject C",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject ST (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_ST(
      0x42010D,
      "CertificateSubjectST",
      "Certificate Subject ST",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject L (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_L(
      0x42010E,
      "CertificateSubjectL",
      "Certificate Subject L",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject UID (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_UID(
      0x42010F,
      "CertificateSubjectUID",
      "Certificate Subject UID",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject Serial Number (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_SERIAL_NUMBER(
      0x420110,
      "CertificateSubjectSerialNumber",
      "Certificate Subject Serial Number",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject Title (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_TITLE(
      0x420111,
      "CertificateSubjectTitle",
      "Certificate Subject Title",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject DC (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_DC(
      0x420112,
      "CertificateSubjectDC",
      "Certificate Subject DC",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Subject DN Qualifier (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_SUBJECT_DN_QUALIFIER(
      0x420113,
      "CertificateSubjectDNQualifier",
      "Certificate Subject DN Qualifier",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer CN (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_CN(
      0x420114,
      "CertificateIssuerCN",
      "Certificate Issuer CN",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer O (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_O(
      0x420115,
      "CertificateIssuerO",
      "Certificate Issuer O",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer OU (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_OU(
      0x420116,
      "CertificateIssuerOU",
      "Certificate Issuer OU",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer Email (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_EMAIL(
      0x420117,
      "CertificateIssuerEmail",
      "Certificate Issuer Email",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer C (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_C(
      0x420118,
      "CertificateIssuerC",
      "Certificate Issuer C",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer ST (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_ST(
      0x420119,
      "CertificateIssuerST",
      "Certificate Issuer ST",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer L (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_L(
      0x42011A,
      "CertificateIssuerL",
      "Certificate Issuer L",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer UID (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_UID(
      0x42011B,
      "CertificateIssuerUID",
      "Certificate Issuer UID",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer Serial Number (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_SERIAL_NUMBER(
      0x42011C,
      "CertificateIssuerSerialNumber",
      "Certificate Issuer Serial Number",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer Title (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_TITLE(
      0x42011D,
      "CertificateIssuerTitle",
      "Certificate Issuer Title",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer DC (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_DC(
      0x42011E,
      "CertificateIssuerDC",
      "Certificate Issuer DC",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Certificate Issuer DN Qualifier (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_ISSUER_DN_QUALIFIER(
      0x42011F,
      "CertificateIssuerDNQualifier",
      "Certificate Issuer DN Qualifier",
      14,
      0,
      ItemType.TEXT_STRING),
  /** Sensitive (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  SENSITIVE(0x420120, "Sensitive", "Sensitive", 14, 0, ItemType.BOOLEAN),
  /** Always Sensitive (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  ALWAYS_SENSITIVE(0x420121, "AlwaysSensitive", "Always Sensitive", 14, 0),
  /** Extractable (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  EXTRACTABLE(0x420122, "Extractable", "Extractable", 14, 0, ItemType.BOOLEAN),
  /** Never Extractable (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  NEVER_EXTRACTABLE(0x420123, "NeverExtractable", "Never Extractable", 14, 0, ItemType.BOOLEAN),
  /** Replace Existing (KMIP 1.4+; KMIP 2.1 §11.56 Table 487). */
  REPLACE_EXISTING(0x420124, "ReplaceExisting", "Replace Existing", 14, 0),
  /** Attributes (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ATTRIBUTES(0x420125, "Attributes", "Attributes", 20, 0, ItemType.STRUCTURE),
  /** Common Attributes (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  COMMON_ATTRIBUTES(0x420126, "CommonAttributes", "Common Attributes", 20, 0, ItemType.STRUCTURE),
  /** Private Key Attributes (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PRIVATE_KEY_ATTRIBUTES(
      0x420127,
      "PrivateKeyAttributes",
      "Private Key Attributes",
      20,
      0,
      ItemType.STRUCTURE),
  /** Public Key Attributes (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PUBLIC_KEY_ATTRIBUTES(
      0x420128,
      "PublicKeyAttributes",
      "Public Key Attributes",
      20,
      0,
      ItemType.STRUCTURE),
  /** Extension Enumeration (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_ENUMERATION(
      0x420129,
      "ExtensionEnumeration",
      "Extension Enumeration",
      20,
      0,
      ItemType.INTEGER),
  /** Extension Attribute (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_ATTRIBUTE(
      0x42012A,
      "ExtensionAttribute",
      "Extension Attribute",
      20,
      0,
      ItemType.BOOLEAN),
  /** Extension Parent Structure Tag (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_PARENT_STRUCTURE_TAG(
      0x42012B,
      "ExtensionParentStructureTag",
      "Extension Parent Structure Tag",
      20,
      0,
      ItemType.INTEGER),
  /** Extension Description (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  EXTENSION_DESCRIPTION(
      0x42012C,
      "ExtensionDescription",
      "Extension Description",
      20,
      0,
      ItemType.TEXT_STRING),
  /** Server Name (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_NAME(0x42012D, "ServerName", "Server Name", 20, 0),
  /** Server Serial Number (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_SERIAL_NUMBER(0x42012E, "ServerSerialNumber", "Server Serial Number", 20, 0),
  /** Server Version (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_VERSION(0x42012F, "ServerVersion", "Server Version", 20, 0),
  /** Server Load (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_LOAD(0x420130, "ServerLoad", "Server Load", 20, 0),
  /** Product Name (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PRODUCT_NAME(0x420131, "ProductName", "Product Name", 20, 0),
  /** Build Level (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  BUILD_LEVEL(0x420132, "BuildLevel", "Build Level", 20, 0),
  /** Build Date (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  BUILD_DATE(0x420133, "BuildDate", "Build Date", 20, 0),
  /** Cluster Info (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  CLUSTER_INFO(0x420134, "ClusterInfo", "Cluster Info", 20, 0),
  /** Alternate Failover Endpoints (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ALTERNATE_FAILOVER_ENDPOINTS(
      0x420135,
      "AlternateFailoverEndpoints",
      "Alternate Failover Endpoints",
      20,
      0),
  /** Short Unique Identifier (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SHORT_UNIQUE_IDENTIFIER(
      0x420136,
      "ShortUniqueIdentifier",
      "Short Unique Identifier",
      20,
      0,
      ItemType.BYTE_STRING),
  /** Reserved (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  RESERVED(0x420137, "Reserved", "Reserved", 20, 0),
  /** Tag (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  TAG(0x420138, "Tag", "Tag", 20, 0),
  /** Certificate Request Unique Identifier (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER(
      0x420139,
      "CertificateRequestUniqueIdentifier",
      "Certificate Request Unique Identifier",
      20,
      0),
  /** NIST Key Type (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  NIST_KEY_TYPE(0x42013A, "NISTKeyType", "NIST Key Type", 20, 0, ItemType.ENUMERATION),
  /** Attribute Reference (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ATTRIBUTE_REFERENCE(
      0x42013B,
      "AttributeReference",
      "Attribute Reference",
      20,
      0,
      ItemType.ENUMERATION,
      ItemType.STRUCTURE),
  /** Current Attribute (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  CURRENT_ATTRIBUTE(0x42013C, "CurrentAttribute", "Current Attribute", 20, 0, ItemType.STRUCTURE),
  /** New Attribute (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  NEW_ATTRIBUTE(0x42013D, "NewAttribute", "New Attribute", 20, 0, ItemType.STRUCTURE),
  /** Certificate Request Value (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  CERTIFICATE_REQUEST_VALUE(
      0x420140,
      "CertificateRequestValue",
      "Certificate Request Value",
      20,
      0,
      ItemType.BYTE_STRING),
  /** Log Message (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  LOG_MESSAGE(0x420141, "LogMessage", "Log Message", 20, 0, ItemType.TEXT_STRING),
  /** Profile Version (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROFILE_VERSION(0x420142, "ProfileVersion", "Profile Version", 20, 0, ItemType.STRUCTURE),
  /** Profile Version Major (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROFILE_VERSION_MAJOR(
      0x420143,
      "ProfileVersionMajor",
      "Profile Version Major",
      20,
      0,
      ItemType.INTEGER),
  /** Profile Version Minor (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROFILE_VERSION_MINOR(
      0x420144,
      "ProfileVersionMinor",
      "Profile Version Minor",
      20,
      0,
      ItemType.INTEGER),
  /** Protection Level (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROTECTION_LEVEL(0x420145, "ProtectionLevel", "Protection Level", 20, 0, ItemType.ENUMERATION),
  /** Protection Period (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROTECTION_PERIOD(0x420146, "ProtectionPeriod", "Protection Period", 20, 0, ItemType.INTERVAL),
  /** Quantum Safe (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  QUANTUM_SAFE(0x420147, "QuantumSafe", "Quantum Safe", 20, 0, ItemType.BOOLEAN),
  /** Quantum Safe Capability (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  QUANTUM_SAFE_CAPABILITY(
      0x420148,
      "QuantumSafeCapability",
      "Quantum Safe Capability",
      20,
      0,
      ItemType.BOOLEAN),
  /** Ticket (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  TICKET(0x420149, "Ticket", "Ticket", 20, 0, ItemType.STRUCTURE),
  /** Ticket Type (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  TICKET_TYPE(0x42014A, "TicketType", "Ticket Type", 20, 0, ItemType.ENUMERATION),
  /** Ticket Value (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  TICKET_VALUE(0x42014B, "TicketValue", "Ticket Value", 20, 0, ItemType.BYTE_STRING),
  /** Request Count (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  REQUEST_COUNT(0x42014C, "RequestCount", "Request Count", 20, 0),
  /** Rights (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  RIGHTS(0x42014D, "Rights", "Rights", 20, 0, ItemType.STRUCTURE),
  /** Objects (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  OBJECTS(0x42014E, "Objects", "Objects", 20, 0, ItemType.STRUCTURE),
  /** Operations (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  OPERATIONS(0x42014F, "Operations", "Operations", 20, 0, ItemType.STRUCTURE),
  /** Right (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  RIGHT(0x420150, "Right", "Right", 20, 0, ItemType.STRUCTURE),
  /** Endpoint Role (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ENDPOINT_ROLE(0x420151, "EndpointRole", "Endpoint Role", 20, 0),
  /** Defaults Information (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  DEFAULTS_INFORMATION(
      0x420152,
      "DefaultsInformation",
      "Defaults Information",
      20,
      0,
      ItemType.STRUCTURE),
  /** Object Defaults (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_DEFAULTS(0x420153, "ObjectDefaults", "Object Defaults", 20, 0, ItemType.STRUCTURE),
  /** Ephemeral (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  EPHEMERAL(0x420154, "Ephemeral", "Ephemeral", 20, 0),
  /** Server Hashed Password (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  SERVER_HASHED_PASSWORD(0x420155, "ServerHashedPassword", "Server Hashed Password", 20, 0),
  /** One Time Password (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ONE_TIME_PASSWORD(0x420156, "OneTimePassword", "One Time Password", 20, 0, ItemType.TEXT_STRING),
  /** Hashed Password (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  HASHED_PASSWORD(0x420157, "HashedPassword", "Hashed Password", 20, 0, ItemType.BYTE_STRING),
  /** Adjustment Type (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ADJUSTMENT_TYPE(0x420158, "AdjustmentType", "Adjustment Type", 20, 0),
  /** PKCS#11 Interface (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PKCS_11_INTERFACE(
      0x420159,
      "PKCS_11Interface",
      "PKCS#11 Interface",
      20,
      0,
      ItemType.STRUCTURE,
      ItemType.TEXT_STRING),
  /** PKCS#11 Function (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PKCS_11_FUNCTION(
      0x42015A,
      "PKCS_11Function",
      "PKCS#11 Function",
      20,
      0,
      ItemType.ENUMERATION,
      ItemType.STRUCTURE),
  /** PKCS#11 Input Parameters (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PKCS_11_INPUT_PARAMETERS(
      0x42015B,
      "PKCS_11InputParameters",
      "PKCS#11 Input Parameters",
      20,
      0,
      ItemType.BYTE_STRING,
      ItemType.STRUCTURE),
  /** PKCS#11 Output Parameters (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PKCS_11_OUTPUT_PARAMETERS(
      0x42015C,
      "PKCS_11OutputParameters",
      "PKCS#11 Output Parameters",
      20,
      0,
      ItemType.BYTE_STRING,
      ItemType.STRUCTURE),
  /** PKCS#11 Return Code (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PKCS_11_RETURN_CODE(
      0x42015D,
      "PKCS_11ReturnCode",
      "PKCS#11 Return Code",
      20,
      0,
      ItemType.ENUMERATION,
      ItemType.STRUCTURE),
  /** Protection Storage Mask (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROTECTION_STORAGE_MASK(
      0x42015E,
      "ProtectionStorageMask",
      "Protection Storage Mask",
      20,
      0,
      ItemType.INTEGER),
  /** Protection Storage Masks (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PROTECTION_STORAGE_MASKS(
      0x42015F,
      "ProtectionStorageMasks",
      "Protection Storage Masks",
      20,
      0,
      ItemType.STRUCTURE),
  /** Interop Function (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  INTEROP_FUNCTION(0x420160, "InteropFunction", "Interop Function", 20, 0, ItemType.ENUMERATION),
  /** Interop Identifier (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  INTEROP_IDENTIFIER(0x420161, "InteropIdentifier", "Interop Identifier", 20, 0),
  /** Adjustment Value (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  ADJUSTMENT_VALUE(0x420162, "AdjustmentValue", "Adjustment Value", 20, 0),
  /** Common Protection Storage Masks (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  COMMON_PROTECTION_STORAGE_MASKS(
      0x420163,
      "CommonProtectionStorageMasks",
      "Common Protection Storage Masks",
      20,
      0),
  /** Private Protection Storage Masks (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PRIVATE_PROTECTION_STORAGE_MASKS(
      0x420164,
      "PrivateProtectionStorageMasks",
      "Private Protection Storage Masks",
      20,
      0),
  /** Public Protection Storage Masks (KMIP 2.0+; KMIP 2.1 §11.56 Table 487). */
  PUBLIC_PROTECTION_STORAGE_MASKS(
      0x420165,
      "PublicProtectionStorageMasks",
      "Public Protection Storage Masks",
      20,
      0),
  /** Object Groups (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_GROUPS(0x420166, "ObjectGroups", "Object Groups", 21, 0, ItemType.STRUCTURE),
  /** Object Types (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  OBJECT_TYPES(0x420167, "ObjectTypes", "Object Types", 21, 0, ItemType.STRUCTURE),
  /** Constraints (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  CONSTRAINTS(0x420168, "Constraints", "Constraints", 21, 0, ItemType.STRUCTURE),
  /** Constraint (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  CONSTRAINT(0x420169, "Constraint", "Constraint", 21, 0, ItemType.STRUCTURE),
  /** Rotate Interval (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_INTERVAL(0x42016A, "RotateInterval", "Rotate Interval", 21, 0, ItemType.INTERVAL),
  /** Rotate Automatic (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_AUTOMATIC(0x42016B, "RotateAutomatic", "Rotate Automatic", 21, 0, ItemType.BOOLEAN),
  /** Rotate Offset (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_OFFSET(0x42016C, "RotateOffset", "Rotate Offset", 21, 0, ItemType.INTERVAL),
  /** Rotate Date (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_DATE(0x42016D, "RotateDate", "Rotate Date", 21, 0, ItemType.DATE_TIME),
  /** Rotate Generation (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_GENERATION(0x42016E, "RotateGeneration", "Rotate Generation", 21, 0, ItemType.INTEGER),
  /** Rotate Name (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_NAME(0x42016F, "RotateName", "Rotate Name", 21, 0, ItemType.STRUCTURE),
  /** Rotate Name Value (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_NAME_VALUE(0x420170, "RotateNameValue", "Rotate Name Value", 21, 0, ItemType.TEXT_STRING),
  /** Rotate Name Type (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_NAME_TYPE(0x420171, "RotateNameType", "Rotate Name Type", 21, 0, ItemType.ENUMERATION),
  /** Rotate Latest (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ROTATE_LATEST(0x420172, "RotateLatest", "Rotate Latest", 21, 0, ItemType.BOOLEAN),
  /** Asynchronous Request (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ASYNCHRONOUS_REQUEST(
      0x420173,
      "AsynchronousRequest",
      "Asynchronous Request",
      21,
      0,
      ItemType.STRUCTURE),
  /** Submission Date (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  SUBMISSION_DATE(
      0x420174,
      "SubmissionDate",
      "Submission Date",
      21,
      0,
      ItemType.DATE_TIME_EXTENDED),
  /** Processing Stage (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  PROCESSING_STAGE(0x420175, "ProcessingStage", "Processing Stage", 21, 0, ItemType.ENUMERATION),
  /** Asynchronous Correlation Values (KMIP 2.1+; KMIP 2.1 §11.56 Table 487). */
  ASYNCHRONOUS_CORRELATION_VALUES(
      0x420176,
      "AsynchronousCorrelationValues",
      "Asynchronous Correlation Values",
      21,
      0,
      ItemType.STRUCTURE),
  /** Arca User (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  ARCA_USER(0x540001, "ArcaUser", "Arca User", 10, 0, ItemType.TEXT_STRING),
  /** Arca Access Grant (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  ARCA_ACCESS_GRANT(0x540002, "ArcaAccessGrant", "Arca Access Grant", 10, 0, ItemType.STRUCTURE),
  /** Arca Owner (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  ARCA_OWNER(0x540003, "ArcaOwner", "Arca Owner", 10, 0, ItemType.TEXT_STRING),
  /** Arca Owned Object (KMIP 1.0+; Arca extension, docs/ACCESS.md). */
  ARCA_OWNED_OBJECT(0x540004, "ArcaOwnedObject", "Arca Owned Object", 10, 0, ItemType.TEXT_STRING),
  /** Arca KEK Id (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_KEK_ID(0x540005, "ArcaKekId", "Arca KEK Id", 10, 0, ItemType.TEXT_STRING),
  /** Arca KEK State (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_KEK_STATE(0x540006, "ArcaKekState", "Arca KEK State", 10, 0, ItemType.TEXT_STRING),
  /** Arca Wrapped Count (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_WRAPPED_COUNT(
      0x540007,
      "ArcaWrappedCount",
      "Arca Wrapped Count",
      10,
      0,
      ItemType.LONG_INTEGER),
  /** Arca KEK (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_KEK(0x540008, "ArcaKek", "Arca KEK", 10, 0, ItemType.STRUCTURE),
  /** Arca Rotation State (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_ROTATION_STATE(
      0x540009,
      "ArcaRotationState",
      "Arca Rotation State",
      10,
      0,
      ItemType.TEXT_STRING),
  /** Arca Rows Moved (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_ROWS_MOVED(0x54000A, "ArcaRowsMoved", "Arca Rows Moved", 10, 0, ItemType.LONG_INTEGER),
  /** Arca Rows Total (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_ROWS_TOTAL(0x54000B, "ArcaRowsTotal", "Arca Rows Total", 10, 0, ItemType.LONG_INTEGER),
  /** Arca Deny Entry (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_DENY_ENTRY(0x54000C, "ArcaDenyEntry", "Arca Deny Entry", 10, 0, ItemType.TEXT_STRING),
  /** Arca Message (KMIP 1.0+; Arca extension, docs/OPERATIONS.md). */
  ARCA_MESSAGE(0x54000D, "ArcaMessage", "Arca Message", 10, 0, ItemType.TEXT_STRING);

  /** Tag codes run from 0x420001 upwards, so an array indexed by the low bits is the lookup. */
  private static final int BASE = 0x420000;

  /** Arca's few vendor tags (0x54xxxx) are looked up by code in a map of their own. */
  private static final Map<Integer, Tag> VENDOR_BY_CODE = new HashMap<>();

  private static final Tag[] BY_CODE = new Tag[0x177];
  private static final Map<String, Tag> BY_XML_NAME = new HashMap<>();
  private static final Map<String, Tag> BY_SPEC_NAME = new HashMap<>();

  static {
    for (Tag t : values()) {
      if (t.code >>> 16 == 0x54) {
        VENDOR_BY_CODE.put(t.code, t);
      } else {
        BY_CODE[t.code - BASE] = t;
      }
      BY_XML_NAME.put(t.xmlName, t);
      BY_SPEC_NAME.put(t.specName, t);
    }
  }

  private final int code;
  private final String xmlName;
  private final String specName;
  private final int since;
  private final int until;
  private final Set<ItemType> itemTypes;

  Tag(int code, String xmlName, String specName, int since, int until, ItemType... itemTypes) {
    this.code = code;
    this.xmlName = xmlName;
    this.specName = specName;
    this.since = since;
    this.until = until;
    this.itemTypes = Set.of(itemTypes);
  }

  /** The three-byte tag number on the wire, e.g. 0x420094. */
  public int code() {
    return code;
  }

  @Override
  public int value() {
    return code;
  }

  /** The name the KMIP XML and JSON encodings use, e.g. UniqueIdentifier. */
  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The name the specification uses, e.g. "Unique Identifier". */
  public String specName() {
    return specName;
  }

  /** The item types the spec gives this tag; empty where it varies or is not stated. */
  public Set<ItemType> itemTypes() {
    return itemTypes;
  }

  /** The first version that defines this tag. */
  @Override
  public ProtocolVersion since() {
    ProtocolVersion v = ProtocolVersion.ofTableCode(since);
    if (v == null) {
      throw new IllegalStateException("no first version for " + name());
    }
    return v;
  }

  /** The last version that defines this tag, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The tag with this number, or null (other vendors' extensions, unassigned numbers). */
  public static @Nullable Tag byCode(int code) {
    if (code >>> 16 == 0x54) {
      return VENDOR_BY_CODE.get(code);
    }
    int i = code - BASE;
    return i >= 0 && i < BY_CODE.length ? BY_CODE[i] : null;
  }

  /** The tag with this XML name (or an older spelling of it), or null. */
  public static @Nullable Tag byXmlName(String name) {
    return BY_XML_NAME.get(name);
  }

  /** The tag with this spec name, as 1.x Attribute Names write it, or null. */
  public static @Nullable Tag bySpecName(String name) {
    return BY_SPEC_NAME.get(name);
  }
}

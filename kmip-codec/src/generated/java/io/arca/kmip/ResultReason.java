// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Result Reason enumeration (KMIP 2.1 §11.46 Table 479). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ResultReason implements KmipEnumeration {
  /** Item Not Found (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  ITEM_NOT_FOUND(0x00000001, "ItemNotFound", 10, 0),
  /** Response Too Large (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  RESPONSE_TOO_LARGE(0x00000002, "ResponseTooLarge", 10, 0),
  /** Authentication Not Successful (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  AUTHENTICATION_NOT_SUCCESSFUL(0x00000003, "AuthenticationNotSuccessful", 10, 0),
  /** Invalid Message (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_MESSAGE(0x00000004, "InvalidMessage", 10, 0),
  /** Operation Not Supported (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  OPERATION_NOT_SUPPORTED(0x00000005, "OperationNotSupported", 10, 0),
  /** Missing Data (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  MISSING_DATA(0x00000006, "MissingData", 10, 0),
  /** Invalid Field (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_FIELD(0x00000007, "InvalidField", 10, 0),
  /** Feature Not Supported (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  FEATURE_NOT_SUPPORTED(0x00000008, "FeatureNotSupported", 10, 0),
  /** Operation Canceled By Requester (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  OPERATION_CANCELED_BY_REQUESTER(0x00000009, "OperationCanceledByRequester", 10, 0),
  /** Cryptographic Failure (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  CRYPTOGRAPHIC_FAILURE(0x0000000A, "CryptographicFailure", 10, 0),
  /** Illegal Operation (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.29 Table 317). */
  ILLEGAL_OPERATION(0x0000000B, "IllegalOperation", 10, 14),
  /** Permission Denied (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  PERMISSION_DENIED(0x0000000C, "PermissionDenied", 10, 0),
  /** Object Archived (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  OBJECT_ARCHIVED(0x0000000D, "ObjectArchived", 10, 0),
  /** Index Out of Bounds (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.29 Table 317). */
  INDEX_OUT_OF_BOUNDS(0x0000000E, "IndexOutOfBounds", 10, 14),
  /** Application Namespace Not Supported (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  APPLICATION_NAMESPACE_NOT_SUPPORTED(0x0000000F, "ApplicationNamespaceNotSupported", 10, 0),
  /** Key Format Type Not Supported (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  KEY_FORMAT_TYPE_NOT_SUPPORTED(0x00000010, "KeyFormatTypeNotSupported", 10, 0),
  /** Key Compression Type Not Supported (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  KEY_COMPRESSION_TYPE_NOT_SUPPORTED(0x00000011, "KeyCompressionTypeNotSupported", 10, 0),
  /** Encoding Option Error (KMIP 1.1+; KMIP 2.1 §11.46 Table 479). */
  ENCODING_OPTION_ERROR(0x00000012, "EncodingOptionError", 11, 0),
  /** Key Value Not Present (KMIP 1.2+; KMIP 2.1 §11.46 Table 479). */
  KEY_VALUE_NOT_PRESENT(0x00000013, "KeyValueNotPresent", 12, 0),
  /** Attestation Required (KMIP 1.2+; KMIP 2.1 §11.46 Table 479). */
  ATTESTATION_REQUIRED(0x00000014, "AttestationRequired", 12, 0),
  /** Attestation Failed (KMIP 1.2+; KMIP 2.1 §11.46 Table 479). */
  ATTESTATION_FAILED(0x00000015, "AttestationFailed", 12, 0),
  /** Sensitive (KMIP 1.4+; KMIP 2.1 §11.46 Table 479). */
  SENSITIVE(0x00000016, "Sensitive", 14, 0),
  /** Not Extractable (KMIP 1.4+; KMIP 2.1 §11.46 Table 479). */
  NOT_EXTRACTABLE(0x00000017, "NotExtractable", 14, 0),
  /** Object Already Exists (KMIP 1.4+; KMIP 2.1 §11.46 Table 479). */
  OBJECT_ALREADY_EXISTS(0x00000018, "ObjectAlreadyExists", 14, 0),
  /** Invalid Ticket (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_TICKET(0x00000019, "InvalidTicket", 20, 0),
  /** Usage Limit Exceeded (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  USAGE_LIMIT_EXCEEDED(0x0000001A, "UsageLimitExceeded", 20, 0),
  /** Numeric Range (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  NUMERIC_RANGE(0x0000001B, "NumericRange", 20, 0),
  /** Invalid Data Type (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_DATA_TYPE(0x0000001C, "InvalidDataType", 20, 0),
  /** Read Only Attribute (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  READ_ONLY_ATTRIBUTE(0x0000001D, "ReadOnlyAttribute", 20, 0),
  /** Multi Valued Attribute (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  MULTI_VALUED_ATTRIBUTE(0x0000001E, "MultiValuedAttribute", 20, 0),
  /** Unsupported Attribute (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNSUPPORTED_ATTRIBUTE(0x0000001F, "UnsupportedAttribute", 20, 0),
  /** Attribute Instance Not Found (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  ATTRIBUTE_INSTANCE_NOT_FOUND(0x00000020, "AttributeInstanceNotFound", 20, 0),
  /** Attribute Not Found (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  ATTRIBUTE_NOT_FOUND(0x00000021, "AttributeNotFound", 20, 0),
  /** Attribute Read Only (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  ATTRIBUTE_READ_ONLY(0x00000022, "AttributeReadOnly", 20, 0),
  /** Attribute Single Valued (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  ATTRIBUTE_SINGLE_VALUED(0x00000023, "AttributeSingleValued", 20, 0),
  /** Bad Cryptographic Parameters (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  BAD_CRYPTOGRAPHIC_PARAMETERS(0x00000024, "BadCryptographicParameters", 20, 0),
  /** Bad Password (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  BAD_PASSWORD(0x00000025, "BadPassword", 20, 0),
  /** Codec Error (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  CODEC_ERROR(0x00000026, "CodecError", 20, 0),
  /** Illegal Object Type (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  ILLEGAL_OBJECT_TYPE(0x00000028, "IllegalObjectType", 20, 0),
  /** Incompatible Cryptographic Usage Mask (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK(0x00000029, "IncompatibleCryptographicUsageMask", 20, 0),
  /** Internal Server Error (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INTERNAL_SERVER_ERROR(0x0000002A, "InternalServerError", 20, 0),
  /** Invalid Asynchronous Correlation Value (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_ASYNCHRONOUS_CORRELATION_VALUE(0x0000002B, "InvalidAsynchronousCorrelationValue", 20, 0),
  /** Invalid Attribute (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_ATTRIBUTE(0x0000002C, "InvalidAttribute", 20, 0),
  /** Invalid Attribute Value (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_ATTRIBUTE_VALUE(0x0000002D, "InvalidAttributeValue", 20, 0),
  /** Invalid Correlation Value (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_CORRELATION_VALUE(0x0000002E, "InvalidCorrelationValue", 20, 0),
  /** Invalid CSR (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_CSR(0x0000002F, "InvalidCSR", 20, 0),
  /** Invalid Object Type (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  INVALID_OBJECT_TYPE(0x00000030, "InvalidObjectType", 20, 0),
  /** Key Wrap Type Not Supported (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  KEY_WRAP_TYPE_NOT_SUPPORTED(0x00000032, "KeyWrapTypeNotSupported", 20, 0),
  /** Missing Initialization Vector (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  MISSING_INITIALIZATION_VECTOR(0x00000034, "MissingInitializationVector", 20, 0),
  /** Non Unique Name Attribute (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  NON_UNIQUE_NAME_ATTRIBUTE(0x00000035, "NonUniqueNameAttribute", 20, 0),
  /** Object Destroyed (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  OBJECT_DESTROYED(0x00000036, "ObjectDestroyed", 20, 0),
  /** Object Not Found (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  OBJECT_NOT_FOUND(0x00000037, "ObjectNotFound", 20, 0),
  /** Not Authorised (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  NOT_AUTHORISED(0x00000039, "NotAuthorised", 20, 0),
  /** Server Limit Exceeded (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  SERVER_LIMIT_EXCEEDED(0x0000003A, "ServerLimitExceeded", 20, 0),
  /** Unknown Enumeration (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNKNOWN_ENUMERATION(0x0000003B, "UnknownEnumeration", 20, 0),
  /** Unknown Message Extension (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNKNOWN_MESSAGE_EXTENSION(0x0000003C, "UnknownMessageExtension", 20, 0),
  /** Unknown Tag (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNKNOWN_TAG(0x0000003D, "UnknownTag", 20, 0),
  /** Unsupported Cryptographic Parameters (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS(0x0000003E, "UnsupportedCryptographicParameters", 20, 0),
  /** Unsupported Protocol Version (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  UNSUPPORTED_PROTOCOL_VERSION(0x0000003F, "UnsupportedProtocolVersion", 20, 0),
  /** Wrapping Object Archived (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  WRAPPING_OBJECT_ARCHIVED(0x00000040, "WrappingObjectArchived", 20, 0),
  /** Wrapping Object Destroyed (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  WRAPPING_OBJECT_DESTROYED(0x00000041, "WrappingObjectDestroyed", 20, 0),
  /** Wrapping Object Not Found (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  WRAPPING_OBJECT_NOT_FOUND(0x00000042, "WrappingObjectNotFound", 20, 0),
  /** Wrong Key Lifecycle State (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  WRONG_KEY_LIFECYCLE_STATE(0x00000043, "WrongKeyLifecycleState", 20, 0),
  /** Protection Storage Unavailable (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PROTECTION_STORAGE_UNAVAILABLE(0x00000044, "ProtectionStorageUnavailable", 20, 0),
  /** PKCS#11 Codec Error (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PKCS_11_CODEC_ERROR(0x00000045, "PKCS_11CodecError", 20, 0),
  /** PKCS#11 Invalid Function (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PKCS_11_INVALID_FUNCTION(0x00000046, "PKCS_11InvalidFunction", 20, 0),
  /** PKCS#11 Invalid Interface (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PKCS_11_INVALID_INTERFACE(0x00000047, "PKCS_11InvalidInterface", 20, 0),
  /** Private Protection Storage Unavailable (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PRIVATE_PROTECTION_STORAGE_UNAVAILABLE(0x00000048, "PrivateProtectionStorageUnavailable", 20, 0),
  /** Public Protection Storage Unavailable (KMIP 2.0+; KMIP 2.1 §11.46 Table 479). */
  PUBLIC_PROTECTION_STORAGE_UNAVAILABLE(0x00000049, "PublicProtectionStorageUnavailable", 20, 0),
  /** Unknown Object Group (KMIP 2.1+; KMIP 2.1 §11.46 Table 479). */
  UNKNOWN_OBJECT_GROUP(0x0000004A, "UnknownObjectGroup", 21, 0),
  /** Constraint Violation (KMIP 2.1+; KMIP 2.1 §11.46 Table 479). */
  CONSTRAINT_VIOLATION(0x0000004B, "ConstraintViolation", 21, 0),
  /** Duplicate Process Request (KMIP 2.1+; KMIP 2.1 §11.46 Table 479). */
  DUPLICATE_PROCESS_REQUEST(0x0000004C, "DuplicateProcessRequest", 21, 0),
  /** General Failure (KMIP 1.0+; KMIP 2.1 §11.46 Table 479). */
  GENERAL_FAILURE(0x00000100, "GeneralFailure", 10, 0);

  static final EnumerationIndex<ResultReason> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ResultReason(int value, String xmlName, int since, int until) {
    this.value = value;
    this.xmlName = xmlName;
    this.since = since;
    this.until = until;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The first version that defines this value. */
  @Override
  public ProtocolVersion since() {
    return ProtocolVersion.firstOfTableCode(since);
  }

  /** The last version that defines this value, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable ResultReason byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ResultReason byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}

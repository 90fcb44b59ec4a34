package io.arca.kmip.object;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §3.6, 2.1 §4.16 Cryptographic Parameters: how a key is to be used by a cryptographic
 * operation. Every field is optional; enumerations stay raw values so that extensions pass.
 */
public record CryptographicParameters(
    @Nullable Integer blockCipherMode,
    @Nullable Integer paddingMethod,
    @Nullable Integer hashingAlgorithm,
    @Nullable Integer keyRoleType,
    @Nullable Integer digitalSignatureAlgorithm,
    @Nullable Integer cryptographicAlgorithm,
    @Nullable Boolean randomIv,
    @Nullable Integer ivLength,
    @Nullable Integer tagLength,
    @Nullable Integer fixedFieldLength,
    @Nullable Integer invocationFieldLength,
    @Nullable Integer counterLength,
    @Nullable Integer initialCounterValue,
    @Nullable Integer saltLength,
    @Nullable Integer maskGenerator,
    @Nullable Integer maskGeneratorHashingAlgorithm,
    @Nullable ByteString pSource,
    @Nullable Integer trailerField) {

  /** No parameter set. */
  public static final CryptographicParameters NONE =
      new CryptographicParameters(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null);

  /** Decodes a Cryptographic Parameters structure. */
  public static CryptographicParameters decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "CryptographicParameters");
    CryptographicParameters parameters =
        new CryptographicParameters(
            fields.enumeration(Tag.BLOCK_CIPHER_MODE),
            fields.enumeration(Tag.PADDING_METHOD),
            fields.enumeration(Tag.HASHING_ALGORITHM),
            fields.enumeration(Tag.KEY_ROLE_TYPE),
            fields.enumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM),
            fields.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM),
            fields.bool(Tag.RANDOM_IV),
            fields.integer(Tag.IV_LENGTH),
            fields.integer(Tag.TAG_LENGTH),
            fields.integer(Tag.FIXED_FIELD_LENGTH),
            fields.integer(Tag.INVOCATION_FIELD_LENGTH),
            fields.integer(Tag.COUNTER_LENGTH),
            fields.integer(Tag.INITIAL_COUNTER_VALUE),
            fields.integer(Tag.SALT_LENGTH),
            fields.enumeration(Tag.MASK_GENERATOR),
            fields.enumeration(Tag.MASK_GENERATOR_HASHING_ALGORITHM),
            fields.bytes(Tag.P_SOURCE),
            fields.integer(Tag.TRAILER_FIELD));
    fields.finish();
    return parameters;
  }

  /** Encodes the structure in the field order of the specification. */
  public TtlvStructure encode() {
    return StructureBuilder.of(Tag.CRYPTOGRAPHIC_PARAMETERS)
        .enumeration(Tag.BLOCK_CIPHER_MODE, blockCipherMode)
        .enumeration(Tag.PADDING_METHOD, paddingMethod)
        .enumeration(Tag.HASHING_ALGORITHM, hashingAlgorithm)
        .enumeration(Tag.KEY_ROLE_TYPE, keyRoleType)
        .enumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM, digitalSignatureAlgorithm)
        .enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, cryptographicAlgorithm)
        .bool(Tag.RANDOM_IV, randomIv)
        .integer(Tag.IV_LENGTH, ivLength)
        .integer(Tag.TAG_LENGTH, tagLength)
        .integer(Tag.FIXED_FIELD_LENGTH, fixedFieldLength)
        .integer(Tag.INVOCATION_FIELD_LENGTH, invocationFieldLength)
        .integer(Tag.COUNTER_LENGTH, counterLength)
        .integer(Tag.INITIAL_COUNTER_VALUE, initialCounterValue)
        .integer(Tag.SALT_LENGTH, saltLength)
        .enumeration(Tag.MASK_GENERATOR, maskGenerator)
        .enumeration(Tag.MASK_GENERATOR_HASHING_ALGORITHM, maskGeneratorHashingAlgorithm)
        .bytes(Tag.P_SOURCE, pSource)
        .integer(Tag.TRAILER_FIELD, trailerField)
        .build();
  }
}

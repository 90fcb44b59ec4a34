package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Request Header (KMIP 1.4 Table 282, 2.1 §8.2). Absent optional fields are null; enumerations
 * keep their raw values so extension values survive. Asynchronous Indicator is a Boolean in 1.x and
 * an enumeration in 2.x: the model holds the 2.x value (1.x True is Optional, False is Prohibited).
 * The Batch Count is not stored: it is the number of batch items of the message.
 */
public record RequestHeader(
    ProtocolVersion protocolVersion,
    @Nullable Integer maximumResponseSize,
    @Nullable String clientCorrelationValue,
    @Nullable String serverCorrelationValue,
    @Nullable Integer asynchronousIndicator,
    @Nullable Boolean attestationCapableIndicator,
    List<Integer> attestationTypes,
    @Nullable Authentication authentication,
    @Nullable Integer batchErrorContinuationOption,
    @Nullable Boolean batchOrderOption,
    @Nullable Instant timeStamp) {

  /** The 2.x Asynchronous Indicator value that 1.x True maps to. */
  static final int ASYNCHRONOUS_OPTIONAL = 0x2;

  /** The 2.x Asynchronous Indicator value that 1.x False maps to. */
  static final int ASYNCHRONOUS_PROHIBITED = 0x3;

  public RequestHeader {
    attestationTypes = List.copyOf(attestationTypes);
  }

  /** A header with only the protocol version set. */
  public static RequestHeader of(ProtocolVersion protocolVersion) {
    return new RequestHeader(
        protocolVersion, null, null, null, null, null, List.of(), null, null, null, null);
  }

  static RequestHeader decode(TtlvStructure structure, String parentPath) {
    String path = parentPath + "/RequestHeader";
    ProtocolVersion version =
        Versions.decode(
            new FieldReader(structure, path, null)
                .required(Tag.PROTOCOL_VERSION.code(), TtlvStructure.class),
            path);
    FieldReader fields = new FieldReader(structure, path, version);
    fields.required(Tag.PROTOCOL_VERSION.code(), TtlvStructure.class);
    TtlvInteger maximumResponseSize =
        fields.optional(Tag.MAXIMUM_RESPONSE_SIZE.code(), TtlvInteger.class);
    TtlvTextString clientCorrelation =
        fields.optional(
            Tag.CLIENT_CORRELATION_VALUE.code(), TtlvTextString.class, ProtocolVersion.V1_4);
    TtlvTextString serverCorrelation =
        fields.optional(
            Tag.SERVER_CORRELATION_VALUE.code(), TtlvTextString.class, ProtocolVersion.V1_4);
    Integer asynchronous = decodeAsynchronousIndicator(fields, version);
    TtlvBoolean attestationCapable =
        fields.optional(
            Tag.ATTESTATION_CAPABLE_INDICATOR.code(), TtlvBoolean.class, ProtocolVersion.V1_2);
    List<TtlvEnumeration> attestationTypes =
        fields.repeated(Tag.ATTESTATION_TYPE.code(), TtlvEnumeration.class, ProtocolVersion.V1_2);
    TtlvStructure authentication = fields.optional(Tag.AUTHENTICATION.code(), TtlvStructure.class);
    TtlvEnumeration continuation =
        fields.optional(Tag.BATCH_ERROR_CONTINUATION_OPTION.code(), TtlvEnumeration.class);
    TtlvBoolean order = fields.optional(Tag.BATCH_ORDER_OPTION.code(), TtlvBoolean.class);
    TtlvDateTime timeStamp = fields.optional(Tag.TIME_STAMP.code(), TtlvDateTime.class);
    // The message checks Batch Count against its items; here it only has to be there.
    fields.required(Tag.BATCH_COUNT.code(), TtlvInteger.class);
    fields.finish(!Versions.isKnown(version));
    return new RequestHeader(
        version,
        maximumResponseSize == null ? null : maximumResponseSize.value(),
        clientCorrelation == null ? null : clientCorrelation.value(),
        serverCorrelation == null ? null : serverCorrelation.value(),
        asynchronous,
        attestationCapable == null ? null : attestationCapable.value(),
        Wire.values(attestationTypes),
        authentication == null ? null : Authentication.decode(authentication, path, version),
        continuation == null ? null : continuation.value(),
        order == null ? null : order.value(),
        timeStamp == null ? null : Wire.instant(timeStamp, fields));
  }

  private static @Nullable Integer decodeAsynchronousIndicator(
      FieldReader fields, ProtocolVersion version) {
    if (version.isAtLeast(ProtocolVersion.V2_0)) {
      TtlvEnumeration value =
          fields.optional(Tag.ASYNCHRONOUS_INDICATOR.code(), TtlvEnumeration.class);
      return value == null ? null : value.value();
    }
    TtlvBoolean value = fields.optional(Tag.ASYNCHRONOUS_INDICATOR.code(), TtlvBoolean.class);
    if (value == null) {
      return null;
    }
    return value.value() ? ASYNCHRONOUS_OPTIONAL : ASYNCHRONOUS_PROHIBITED;
  }

  /**
   * The header in the field order of its protocol version. Fields the version does not define
   * (Client Correlation Value before 1.4, attestation before 1.2) are left out.
   */
  TtlvStructure encode(int batchCount) {
    ProtocolVersion version = protocolVersion;
    List<Ttlv> items = new ArrayList<>();
    items.add(Versions.encode(version));
    if (maximumResponseSize != null) {
      items.add(new TtlvInteger(Tag.MAXIMUM_RESPONSE_SIZE.code(), maximumResponseSize));
    }
    if (version.isAtLeast(ProtocolVersion.V1_4)) {
      Wire.addText(items, Tag.CLIENT_CORRELATION_VALUE.code(), clientCorrelationValue);
      Wire.addText(items, Tag.SERVER_CORRELATION_VALUE.code(), serverCorrelationValue);
    }
    if (asynchronousIndicator != null) {
      items.add(
          version.isAtLeast(ProtocolVersion.V2_0)
              ? new TtlvEnumeration(Tag.ASYNCHRONOUS_INDICATOR.code(), asynchronousIndicator)
              : new TtlvBoolean(
                  Tag.ASYNCHRONOUS_INDICATOR.code(),
                  asynchronousIndicator != ASYNCHRONOUS_PROHIBITED));
    }
    if (version.isAtLeast(ProtocolVersion.V1_2)) {
      if (attestationCapableIndicator != null) {
        items.add(
            new TtlvBoolean(Tag.ATTESTATION_CAPABLE_INDICATOR.code(), attestationCapableIndicator));
      }
      for (int type : attestationTypes) {
        items.add(new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), type));
      }
    }
    if (authentication != null) {
      items.add(authentication.encode());
    }
    if (batchErrorContinuationOption != null) {
      items.add(
          new TtlvEnumeration(
              Tag.BATCH_ERROR_CONTINUATION_OPTION.code(), batchErrorContinuationOption));
    }
    if (batchOrderOption != null) {
      items.add(new TtlvBoolean(Tag.BATCH_ORDER_OPTION.code(), batchOrderOption));
    }
    if (timeStamp != null) {
      items.add(TtlvDateTime.of(Tag.TIME_STAMP.code(), timeStamp));
    }
    items.add(new TtlvInteger(Tag.BATCH_COUNT.code(), batchCount));
    return new TtlvStructure(Tag.REQUEST_HEADER.code(), items);
  }
}

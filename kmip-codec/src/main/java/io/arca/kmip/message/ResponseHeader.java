package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
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
 * The Response Header (KMIP 1.4 Table 284, 2.1 §8.5). The Nonce stays a raw structure; the Server
 * Hashed Password (2.0 and later) is a byte string. The Batch Count is not stored: it is the number
 * of batch items of the message.
 */
public record ResponseHeader(
    ProtocolVersion protocolVersion,
    Instant timeStamp,
    @Nullable TtlvStructure nonce,
    @Nullable ByteString serverHashedPassword,
    List<Integer> attestationTypes,
    @Nullable String clientCorrelationValue,
    @Nullable String serverCorrelationValue) {

  public ResponseHeader {
    attestationTypes = List.copyOf(attestationTypes);
    if (nonce != null && nonce.tag() != Tag.NONCE.code()) {
      throw new IllegalArgumentException("nonce tag: " + TagNames.of(nonce.tag()));
    }
  }

  /** A header with the protocol version and time stamp only. */
  public static ResponseHeader of(ProtocolVersion protocolVersion, Instant timeStamp) {
    return new ResponseHeader(protocolVersion, timeStamp, null, null, List.of(), null, null);
  }

  static ResponseHeader decode(TtlvStructure structure, String parentPath) {
    String path = parentPath + "/ResponseHeader";
    ProtocolVersion version =
        Versions.decode(
            new FieldReader(structure, path, null)
                .required(Tag.PROTOCOL_VERSION.code(), TtlvStructure.class),
            path);
    FieldReader fields = new FieldReader(structure, path, version);
    fields.required(Tag.PROTOCOL_VERSION.code(), TtlvStructure.class);
    TtlvDateTime timeStamp = fields.required(Tag.TIME_STAMP.code(), TtlvDateTime.class);
    TtlvStructure nonce =
        fields.optional(Tag.NONCE.code(), TtlvStructure.class, ProtocolVersion.V1_2);
    TtlvByteString hashedPassword =
        fields.optional(
            Tag.SERVER_HASHED_PASSWORD.code(), TtlvByteString.class, ProtocolVersion.V2_0);
    List<TtlvEnumeration> attestationTypes =
        fields.repeated(Tag.ATTESTATION_TYPE.code(), TtlvEnumeration.class, ProtocolVersion.V1_2);
    TtlvTextString clientCorrelation =
        fields.optional(
            Tag.CLIENT_CORRELATION_VALUE.code(), TtlvTextString.class, ProtocolVersion.V1_4);
    TtlvTextString serverCorrelation =
        fields.optional(
            Tag.SERVER_CORRELATION_VALUE.code(), TtlvTextString.class, ProtocolVersion.V1_4);
    fields.required(Tag.BATCH_COUNT.code(), TtlvInteger.class);
    fields.finish(!Versions.isKnown(version));
    return new ResponseHeader(
        version,
        Wire.instant(timeStamp, fields),
        nonce,
        hashedPassword == null ? null : hashedPassword.value(),
        Wire.values(attestationTypes),
        clientCorrelation == null ? null : clientCorrelation.value(),
        serverCorrelation == null ? null : serverCorrelation.value());
  }

  /** The header in its version's field order, leaving out fields the version does not define. */
  TtlvStructure encode(int batchCount) {
    ProtocolVersion version = protocolVersion;
    List<Ttlv> items = new ArrayList<>();
    items.add(Versions.encode(version));
    items.add(TtlvDateTime.of(Tag.TIME_STAMP.code(), timeStamp));
    if (version.isAtLeast(ProtocolVersion.V1_2) && nonce != null) {
      items.add(nonce);
    }
    if (version.isAtLeast(ProtocolVersion.V2_0)) {
      Wire.addBytes(items, Tag.SERVER_HASHED_PASSWORD.code(), serverHashedPassword);
    }
    if (version.isAtLeast(ProtocolVersion.V1_2)) {
      for (int type : attestationTypes) {
        items.add(new TtlvEnumeration(Tag.ATTESTATION_TYPE.code(), type));
      }
    }
    if (version.isAtLeast(ProtocolVersion.V1_4)) {
      Wire.addText(items, Tag.CLIENT_CORRELATION_VALUE.code(), clientCorrelationValue);
      Wire.addText(items, Tag.SERVER_CORRELATION_VALUE.code(), serverCorrelationValue);
    }
    items.add(new TtlvInteger(Tag.BATCH_COUNT.code(), batchCount));
    return new TtlvStructure(Tag.RESPONSE_HEADER.code(), items);
  }
}

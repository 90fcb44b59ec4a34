package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Batch Item of a request (KMIP 1.4 Table 283, 2.1 §8.3). The operation stays the raw
 * enumeration value so that an operation this server does not know can still be answered with
 * Operation Not Supported; the payload stays a raw Request Payload structure, vendor tags included,
 * for the operation layer to type. Ephemeral exists from 2.0 on; Message Extension may repeat from
 * 2.0 on.
 */
public record RequestBatchItem(
    int operation,
    @Nullable Boolean ephemeral,
    @Nullable ByteString uniqueBatchItemId,
    TtlvStructure requestPayload,
    List<TtlvStructure> messageExtensions) {

  public RequestBatchItem {
    messageExtensions = List.copyOf(messageExtensions);
    if (requestPayload.tag() != Tag.REQUEST_PAYLOAD.code()) {
      throw new IllegalArgumentException(
          "requestPayload tag: " + TagNames.of(requestPayload.tag()));
    }
  }

  /** An item with the operation and payload only. */
  public static RequestBatchItem of(int operation, TtlvStructure requestPayload) {
    return new RequestBatchItem(operation, null, null, requestPayload, List.of());
  }

  static RequestBatchItem decode(TtlvStructure structure, String path, ProtocolVersion version) {
    FieldReader fields = new FieldReader(structure, path, version);
    TtlvEnumeration operation = fields.required(Tag.OPERATION.code(), TtlvEnumeration.class);
    TtlvBoolean ephemeral =
        fields.optional(Tag.EPHEMERAL.code(), TtlvBoolean.class, ProtocolVersion.V2_0);
    TtlvByteString id = fields.optional(Tag.UNIQUE_BATCH_ITEM_ID.code(), TtlvByteString.class);
    TtlvStructure payload = fields.required(Tag.REQUEST_PAYLOAD.code(), TtlvStructure.class);
    List<TtlvStructure> extensions =
        fields.repeated(Tag.MESSAGE_EXTENSION.code(), TtlvStructure.class);
    // A batch item has no version-specific extras to tolerate: it is judged by the header's rules.
    fields.finish(false);
    if (extensions.size() > 1 && !version.isAtLeast(ProtocolVersion.V2_0)) {
      throw fields.invalid(
          "MessageExtension: repeated (expected: at most one in protocol " + version + ")");
    }
    return new RequestBatchItem(
        operation.value(),
        ephemeral == null ? null : ephemeral.value(),
        id == null ? null : id.value(),
        payload,
        extensions);
  }

  TtlvStructure encode(ProtocolVersion version) {
    List<Ttlv> items = new ArrayList<>();
    items.add(new TtlvEnumeration(Tag.OPERATION.code(), operation));
    if (ephemeral != null && version.isAtLeast(ProtocolVersion.V2_0)) {
      items.add(new TtlvBoolean(Tag.EPHEMERAL.code(), ephemeral));
    }
    Wire.addBytes(items, Tag.UNIQUE_BATCH_ITEM_ID.code(), uniqueBatchItemId);
    items.add(requestPayload);
    items.addAll(messageExtensions);
    return new TtlvStructure(Tag.BATCH_ITEM.code(), items);
  }
}

package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * A KMIP Response Message (KMIP 1.4 Table 281, 2.1 §8.4): a header and one or more batch items.
 * Decoding is as strict as for requests; encoding follows the header's protocol version.
 */
public record ResponseMessage(ResponseHeader header, List<ResponseBatchItem> batchItems) {
  private static final String PATH = "ResponseMessage";

  public ResponseMessage {
    batchItems = List.copyOf(batchItems);
    if (batchItems.isEmpty()) {
      throw new IllegalArgumentException("batchItems: empty (expected: at least one)");
    }
  }

  /** The protocol version of the message: the one its header names. */
  public ProtocolVersion protocolVersion() {
    return header.protocolVersion();
  }

  /** Decodes a Response Message; Batch Count must equal the number of batch items. */
  public static ResponseMessage decode(TtlvStructure message) {
    if (message.tag() != Tag.RESPONSE_MESSAGE.code()) {
      throw new TtlvException(
          ResultReason.INVALID_MESSAGE,
          TagNames.of(message.tag()) + ": unexpected (expected: ResponseMessage)");
    }
    FieldReader fields = new FieldReader(message, PATH, null);
    TtlvStructure headerStructure =
        fields.required(Tag.RESPONSE_HEADER.code(), TtlvStructure.class);
    List<TtlvStructure> itemStructures =
        fields.repeated(Tag.BATCH_ITEM.code(), TtlvStructure.class);
    fields.finish(false);
    if (message.items().get(0).tag() != Tag.RESPONSE_HEADER.code()) {
      throw fields.invalid("ResponseHeader: not first (expected: before the batch items)");
    }
    ResponseHeader header = ResponseHeader.decode(headerStructure, PATH);
    int batchCount = RequestMessage.batchCount(headerStructure);
    if (batchCount != itemStructures.size()) {
      throw fields.invalid(
          "BatchCount: " + batchCount + " (expected: " + itemStructures.size() + ", the items)");
    }
    if (itemStructures.isEmpty()) {
      throw fields.invalid("BatchItem: missing (expected: at least one)");
    }
    List<ResponseBatchItem> items = new ArrayList<>(itemStructures.size());
    for (int i = 0; i < itemStructures.size(); i++) {
      items.add(ResponseBatchItem.decode(itemStructures.get(i), PATH + "/BatchItem[" + i + "]"));
    }
    return new ResponseMessage(header, items);
  }

  /** The message as a TTLV tree, in the field order of the header's protocol version. */
  public TtlvStructure encode() {
    List<Ttlv> items = new ArrayList<>(batchItems.size() + 1);
    items.add(header.encode(batchItems.size()));
    for (ResponseBatchItem item : batchItems) {
      items.add(item.encode());
    }
    return new TtlvStructure(Tag.RESPONSE_MESSAGE.code(), items);
  }
}

package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A KMIP Request Message (KMIP 1.4 Table 280, 2.1 §8.1): a header and one or more batch items.
 * {@link #decode} is strict and throws {@link TtlvException} with Invalid Message naming the
 * offending field; {@link #encode} writes the fields in the order of the header's protocol version.
 */
public record RequestMessage(RequestHeader header, List<RequestBatchItem> batchItems) {
  private static final String PATH = "RequestMessage";

  // Three structure headers (8 bytes each) and two padded Integers (16 bytes each).
  private static final int PEEK_BYTES = 56;
  private static final int STRUCTURE = 0x01;
  private static final int INTEGER = 0x02;

  public RequestMessage {
    batchItems = List.copyOf(batchItems);
    if (batchItems.isEmpty()) {
      throw new IllegalArgumentException("batchItems: empty (expected: at least one)");
    }
  }

  /** The protocol version of the message: the one its header names. */
  public ProtocolVersion protocolVersion() {
    return header.protocolVersion();
  }

  /**
   * Decodes a Request Message. Beyond the header's and items' own rules: the header comes first,
   * Batch Count equals the number of batch items, and with more than one item each has a Unique
   * Batch Item ID.
   */
  public static RequestMessage decode(TtlvStructure message) {
    if (message.tag() != Tag.REQUEST_MESSAGE.code()) {
      throw new TtlvException(
          ResultReason.INVALID_MESSAGE,
          TagNames.of(message.tag()) + ": unexpected (expected: RequestMessage)");
    }
    FieldReader fields = new FieldReader(message, PATH, null);
    TtlvStructure headerStructure = fields.required(Tag.REQUEST_HEADER.code(), TtlvStructure.class);
    List<TtlvStructure> itemStructures =
        fields.repeated(Tag.BATCH_ITEM.code(), TtlvStructure.class);
    fields.finish(false);
    if (message.items().get(0).tag() != Tag.REQUEST_HEADER.code()) {
      throw fields.invalid("RequestHeader: not first (expected: before the batch items)");
    }
    RequestHeader header = RequestHeader.decode(headerStructure, PATH);
    int batchCount = batchCount(headerStructure);
    if (batchCount != itemStructures.size()) {
      throw fields.invalid(
          "BatchCount: " + batchCount + " (expected: " + itemStructures.size() + ", the items)");
    }
    if (itemStructures.isEmpty()) {
      throw fields.invalid("BatchItem: missing (expected: at least one)");
    }
    List<RequestBatchItem> items = new ArrayList<>(itemStructures.size());
    for (int i = 0; i < itemStructures.size(); i++) {
      String path = PATH + "/BatchItem[" + i + "]";
      RequestBatchItem item =
          RequestBatchItem.decode(itemStructures.get(i), path, header.protocolVersion());
      if (itemStructures.size() > 1 && item.uniqueBatchItemId() == null) {
        throw new FieldReader(itemStructures.get(i), path, null)
            .invalid("UniqueBatchItemID: missing (expected: present when BatchCount > 1)");
      }
      items.add(item);
    }
    return new RequestMessage(header, items);
  }

  static int batchCount(TtlvStructure header) {
    // The header decoder has already checked that Batch Count is present once as an Integer.
    return ((TtlvInteger) Objects.requireNonNull(header.first(Tag.BATCH_COUNT.code()))).value();
  }

  /** The message as a TTLV tree, in the field order of the header's protocol version. */
  public TtlvStructure encode() {
    List<Ttlv> items = new ArrayList<>(batchItems.size() + 1);
    items.add(header.encode(batchItems.size()));
    for (RequestBatchItem item : batchItems) {
      items.add(item.encode(header.protocolVersion()));
    }
    return new TtlvStructure(Tag.REQUEST_MESSAGE.code(), items);
  }

  /**
   * The protocol version a request names, read as leniently as possible, so that a server can
   * answer a request it cannot decode in the client's own version. Empty if the header or its
   * Protocol Version is missing or malformed.
   */
  public static Optional<ProtocolVersion> peekProtocolVersion(TtlvStructure message) {
    if (message.tag() != Tag.REQUEST_MESSAGE.code()
        || !(message.first(Tag.REQUEST_HEADER.code()) instanceof TtlvStructure header)
        || !(header.first(Tag.PROTOCOL_VERSION.code()) instanceof TtlvStructure version)
        || !(version.first(Tag.PROTOCOL_VERSION_MAJOR.code()) instanceof TtlvInteger major)
        || !(version.first(Tag.PROTOCOL_VERSION_MINOR.code()) instanceof TtlvInteger minor)
        || major.value() < 0
        || minor.value() < 0) {
      return Optional.empty();
    }
    return Optional.of(new ProtocolVersion(major.value(), minor.value()));
  }

  /**
   * The protocol version at the start of an encoded request whose TTLV may be broken further on. It
   * expects the layout every client writes, the version being the header's first field: a Request
   * Message, its Request Header, its Protocol Version, then Major and Minor as Integers. Reads with
   * absolute getters and does not move the buffer's indexes.
   */
  public static Optional<ProtocolVersion> peekProtocolVersion(ByteBuf frame) {
    int start = frame.readerIndex();
    if (frame.readableBytes() < PEEK_BYTES
        || frame.getInt(start) != (Tag.REQUEST_MESSAGE.code() << 8 | STRUCTURE)
        || frame.getInt(start + 8) != (Tag.REQUEST_HEADER.code() << 8 | STRUCTURE)
        || frame.getInt(start + 16) != (Tag.PROTOCOL_VERSION.code() << 8 | STRUCTURE)
        || frame.getInt(start + 24) != (Tag.PROTOCOL_VERSION_MAJOR.code() << 8 | INTEGER)
        || frame.getInt(start + 28) != 4
        || frame.getInt(start + 40) != (Tag.PROTOCOL_VERSION_MINOR.code() << 8 | INTEGER)
        || frame.getInt(start + 44) != 4) {
      return Optional.empty();
    }
    int major = frame.getInt(start + 32);
    int minor = frame.getInt(start + 48);
    if (major < 0 || minor < 0) {
      return Optional.empty();
    }
    return Optional.of(new ProtocolVersion(major, minor));
  }
}

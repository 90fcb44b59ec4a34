package io.arca.kmip.message;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bounds on the request fields a server stores, echoes or records, checked before any of that
 * happens. The reader's {@code DecodeLimits} bound a message as bytes; these bound what one field
 * may hold, so that a client cannot make an identifier, a name or an attribute as large as a whole
 * message and have it kept in the audit log, the database or an answer. Key material and data
 * (Register, Encrypt) are bounded only by the message and the batch item size. A field over its
 * bound is Invalid Field, which every protocol version defines.
 *
 * @param maxTextBytes the longest Text String in a request payload (names, descriptions, custom
 *     text attributes), in UTF-8 bytes
 * @param maxAttributeBytes the largest attribute as encoded, whole: a 1.x Attribute, or one item of
 *     a 2.x Attributes, Common, Private Key or Public Key Attributes, New or Current Attribute
 * @param maxBatchItems the most batch items in one message
 * @param maxBatchItemBytes the largest batch item as encoded (its payload and message extensions)
 */
public record RequestBounds(
    int maxTextBytes, int maxAttributeBytes, int maxBatchItems, int maxBatchItemBytes) {
  /**
   * The longest identifier (Unique Identifier and its kin, Link targets, Correlation Values, Unique
   * Batch Item ID, user names), in bytes. Fixed: the server makes 36-character UUIDs, and the
   * longest it names itself are {@code hsm::<slot>::<label>} ids.
   */
  public static final int MAX_IDENTIFIER_BYTES = 1024;

  /** 4 KiB texts, 16 KiB attributes, 64 batch items of 1 MiB at most. */
  public static final RequestBounds DEFAULTS = new RequestBounds(4096, 16_384, 64, 1 << 20);

  // Sorted int arrays, not sets: every field of every request is looked up, and a Set<Integer>
  // boxes each tag (tags lie outside the Integer cache).
  private static final int[] IDENTIFIERS =
      sorted(
          Tag.UNIQUE_IDENTIFIER.code(),
          Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER.code(),
          Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER.code(),
          Tag.REPLACED_UNIQUE_IDENTIFIER.code(),
          Tag.CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER.code(),
          Tag.LINKED_OBJECT_IDENTIFIER.code(),
          Tag.CORRELATION_VALUE.code(),
          Tag.ASYNCHRONOUS_CORRELATION_VALUE.code(),
          Tag.UNIQUE_BATCH_ITEM_ID.code(),
          Tag.ARCA_USER.code(),
          Tag.ARCA_OWNER.code(),
          Tag.ARCA_OWNED_OBJECT.code());

  /** Structures whose every item is one attribute (KMIP 2.x). */
  private static final int[] ATTRIBUTE_HOLDERS =
      sorted(
          Tag.ATTRIBUTES.code(),
          Tag.COMMON_ATTRIBUTES.code(),
          Tag.PRIVATE_KEY_ATTRIBUTES.code(),
          Tag.PUBLIC_KEY_ATTRIBUTES.code(),
          Tag.NEW_ATTRIBUTE.code(),
          Tag.CURRENT_ATTRIBUTE.code());

  private static final int HEADER_BYTES = 8;

  private static int[] sorted(int... tags) {
    int[] copy = tags.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static boolean isOneOf(int tag, int[] sortedTags) {
    return Arrays.binarySearch(sortedTags, tag) >= 0;
  }

  public RequestBounds {
    requireAtLeast("maxTextBytes", maxTextBytes, MAX_IDENTIFIER_BYTES);
    requireAtLeast("maxAttributeBytes", maxAttributeBytes, MAX_IDENTIFIER_BYTES);
    requireAtLeast("maxBatchItems", maxBatchItems, 1);
    requireAtLeast("maxBatchItemBytes", maxBatchItemBytes, MAX_IDENTIFIER_BYTES);
  }

  private static void requireAtLeast(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + least + ")");
    }
  }

  /**
   * Checks what the answer to the whole message would echo or count: the number of batch items,
   * each Unique Batch Item ID, the header's correlation values.
   *
   * @throws KmipException Invalid Field naming the field and its bound
   */
  public void checkMessage(RequestMessage message) {
    if (message.batchItems().size() > maxBatchItems) {
      throw invalid("BatchCount: " + message.batchItems().size(), maxBatchItems, "items");
    }
    RequestHeader header = message.header();
    checkIdentifier(Tag.CLIENT_CORRELATION_VALUE.code(), header.clientCorrelationValue());
    checkIdentifier(Tag.SERVER_CORRELATION_VALUE.code(), header.serverCorrelationValue());
    for (RequestBatchItem item : message.batchItems()) {
      ByteString id = item.uniqueBatchItemId();
      if (id != null && id.length() > MAX_IDENTIFIER_BYTES) {
        throw tooLong(Tag.UNIQUE_BATCH_ITEM_ID.code(), id.length(), MAX_IDENTIFIER_BYTES);
      }
    }
  }

  /**
   * Checks one batch item: its size, and every identifier, text and attribute of its payload.
   *
   * @throws KmipException Invalid Field naming the first field over its bound and that bound
   */
  public void checkItem(RequestBatchItem item) {
    long bytes = sizeChecked(item.requestPayload(), false);
    for (TtlvStructure extension : item.messageExtensions()) {
      bytes += TtlvWriter.encodedLength(extension);
    }
    if (bytes > maxBatchItemBytes) {
      throw invalid("RequestPayload: " + bytes + " bytes", maxBatchItemBytes, "bytes");
    }
  }

  /**
   * The encoded length of {@code item}, after checking it and everything in it.
   *
   * @param isAttribute whether the item is one attribute, whose whole size is bounded
   */
  private long sizeChecked(Ttlv item, boolean isAttribute) {
    long bytes;
    if (item instanceof TtlvStructure structure) {
      bytes = HEADER_BYTES;
      boolean holdsAttributes = isOneOf(structure.tag(), ATTRIBUTE_HOLDERS);
      List<Ttlv> items = structure.items();
      for (int i = 0; i < items.size(); i++) {
        Ttlv child = items.get(i);
        bytes += sizeChecked(child, holdsAttributes || child.tag() == Tag.ATTRIBUTE.code());
      }
    } else if (item instanceof TtlvTextString text) {
      int utf8 = ByteBufUtil.utf8Bytes(text.value());
      checkLength(text.tag(), utf8);
      bytes = HEADER_BYTES + padded(utf8);
    } else if (item instanceof TtlvByteString binary) {
      int length = binary.value().length();
      if (length > MAX_IDENTIFIER_BYTES && isOneOf(binary.tag(), IDENTIFIERS)) {
        throw tooLong(binary.tag(), length, MAX_IDENTIFIER_BYTES);
      }
      bytes = HEADER_BYTES + padded(length);
    } else {
      bytes = TtlvWriter.encodedLength(item);
    }
    if (isAttribute && bytes > maxAttributeBytes) {
      throw invalid(TagNames.of(item.tag()) + ": " + bytes + " bytes", maxAttributeBytes, "bytes");
    }
    return bytes;
  }

  private void checkLength(int tag, int utf8) {
    if (utf8 > MAX_IDENTIFIER_BYTES && isOneOf(tag, IDENTIFIERS)) {
      throw tooLong(tag, utf8, MAX_IDENTIFIER_BYTES);
    }
    if (utf8 > maxTextBytes) {
      throw tooLong(tag, utf8, maxTextBytes);
    }
  }

  private static void checkIdentifier(int tag, @Nullable String value) {
    if (value != null) {
      int utf8 = ByteBufUtil.utf8Bytes(value);
      if (utf8 > MAX_IDENTIFIER_BYTES) {
        throw tooLong(tag, utf8, MAX_IDENTIFIER_BYTES);
      }
    }
  }

  private static long padded(int length) {
    return (length + 7L) & ~7L;
  }

  private static KmipException tooLong(int tag, int bytes, int bound) {
    return invalid(TagNames.of(tag) + ": " + bytes + " bytes", bound, "bytes");
  }

  // Names the field and the bound, never the value.
  private static KmipException invalid(String what, int bound, String unit) {
    return new KmipException(
        ResultReason.INVALID_FIELD, what + " (expected: at most " + bound + " " + unit + ")");
  }
}

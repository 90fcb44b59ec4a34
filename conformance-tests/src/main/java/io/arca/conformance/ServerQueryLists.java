package io.arca.conformance;

import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Relaxation#ENCODING_PROFILE_QUERY}: the expected answer of a Query in a message-encoding
 * file, with the Operation and Object Type lists the server's TTLV port answered in place of the
 * recording server's. Everything else stays as the file has it.
 */
final class ServerQueryLists {
  /** The profile prefix of the message-encoding files. */
  static final String ENCODING_PROFILES = "MSGENC-";

  private ServerQueryLists() {}

  /** Whether every batch item of the request is a Query (which changes nothing on the server). */
  static boolean onlyQueries(Ttlv request) {
    List<Ttlv> items =
        request instanceof TtlvStructure message ? message.all(Tag.BATCH_ITEM.code()) : List.of();
    return !items.isEmpty()
        && items.stream()
            .allMatch(
                item ->
                    item instanceof TtlvStructure batchItem
                        && batchItem.first(Tag.OPERATION.code()) instanceof TtlvEnumeration e
                        && e.value() == Operation.QUERY.value());
  }

  /**
   * {@code expected} with each batch item's Operation and Object Type lists taken from the same
   * batch item of {@code reference}, where both have a response payload.
   */
  static Ttlv of(Ttlv expected, Ttlv reference) {
    if (!(expected instanceof TtlvStructure message)
        || !(reference instanceof TtlvStructure referenceMessage)) {
      return expected;
    }
    List<Ttlv> referenceItems = referenceMessage.all(Tag.BATCH_ITEM.code());
    List<Ttlv> children = new ArrayList<>();
    int index = 0;
    for (Ttlv child : message.items()) {
      if (child.tag() == Tag.BATCH_ITEM.code() && index < referenceItems.size()) {
        children.add(item(child, referenceItems.get(index)));
      } else {
        children.add(child);
      }
      if (child.tag() == Tag.BATCH_ITEM.code()) {
        index++;
      }
    }
    return new TtlvStructure(message.tag(), children);
  }

  private static Ttlv item(Ttlv expectedItem, Ttlv referenceItem) {
    if (!(expectedItem instanceof TtlvStructure item)
        || !(item.first(Tag.RESPONSE_PAYLOAD.code()) instanceof TtlvStructure payload)
        || !(referenceItem instanceof TtlvStructure reference)
        || !(reference.first(Tag.RESPONSE_PAYLOAD.code()) instanceof TtlvStructure served)) {
      return expectedItem;
    }
    List<Ttlv> fields = new ArrayList<>();
    for (Ttlv field : payload.items()) {
      if (!isServerList(field)) {
        fields.add(field);
      }
    }
    for (Ttlv field : served.items()) {
      if (isServerList(field)) {
        fields.add(field); // the payload's order is free (Relaxation.UNORDERED)
      }
    }
    List<Ttlv> children = new ArrayList<>();
    for (Ttlv child : item.items()) {
      children.add(
          child == payload ? new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), fields) : child);
    }
    return new TtlvStructure(item.tag(), children);
  }

  private static boolean isServerList(Ttlv field) {
    return field.tag() == Tag.OPERATION.code() || field.tag() == Tag.OBJECT_TYPE.code();
  }
}

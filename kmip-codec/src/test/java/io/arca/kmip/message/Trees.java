package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;

/**
 * TTLV trees of messages, written out as the OASIS test cases spell them, until the KMIP XML reader
 * and the generated vocabulary let the tests read the case files themselves.
 */
final class Trees {
  static final int CREATE = 0x01;
  static final int GET = 0x0A;
  static final int OBJECT_TYPE = 0x420057;
  static final int UNIQUE_IDENTIFIER = 0x420094;
  static final int SYMMETRIC_KEY = 0x02;
  static final long NOW = 1_700_000_000L;

  private Trees() {}

  static TtlvStructure version(ProtocolVersion version) {
    return TtlvStructure.of(
        MessageTags.PROTOCOL_VERSION,
        new TtlvInteger(MessageTags.PROTOCOL_VERSION_MAJOR, version.major()),
        new TtlvInteger(MessageTags.PROTOCOL_VERSION_MINOR, version.minor()));
  }

  static TtlvInteger batchCount(int count) {
    return new TtlvInteger(MessageTags.BATCH_COUNT, count);
  }

  static TtlvStructure header(Ttlv... fields) {
    return TtlvStructure.of(MessageTags.REQUEST_HEADER, fields);
  }

  static TtlvStructure request(TtlvStructure header, TtlvStructure... items) {
    List<Ttlv> all = new ArrayList<>();
    all.add(header);
    all.addAll(List.of(items));
    return new TtlvStructure(MessageTags.REQUEST_MESSAGE, all);
  }

  static TtlvStructure response(TtlvStructure header, TtlvStructure... items) {
    List<Ttlv> all = new ArrayList<>();
    all.add(header);
    all.addAll(List.of(items));
    return new TtlvStructure(MessageTags.RESPONSE_MESSAGE, all);
  }

  static TtlvStructure item(Ttlv... fields) {
    return TtlvStructure.of(MessageTags.BATCH_ITEM, fields);
  }

  static TtlvEnumeration operation(int operation) {
    return new TtlvEnumeration(MessageTags.OPERATION, operation);
  }

  static TtlvByteString batchItemId(int id) {
    return new TtlvByteString(
        MessageTags.UNIQUE_BATCH_ITEM_ID, ByteString.copyOf(new byte[] {(byte) id}));
  }

  static TtlvStructure requestPayload(Ttlv... fields) {
    return TtlvStructure.of(MessageTags.REQUEST_PAYLOAD, fields);
  }

  static TtlvStructure responsePayload(Ttlv... fields) {
    return TtlvStructure.of(MessageTags.RESPONSE_PAYLOAD, fields);
  }

  static TtlvDateTime timeStamp() {
    return new TtlvDateTime(MessageTags.TIME_STAMP, NOW);
  }

  static TtlvTextString uid(String value) {
    return new TtlvTextString(UNIQUE_IDENTIFIER, value);
  }

  /** A one-item request at {@code version}, as in the simplest OASIS cases (e.g. SKLC-M-1-14). */
  static TtlvStructure simpleRequest(ProtocolVersion version) {
    return request(
        header(version(version), batchCount(1)),
        item(operation(GET), requestPayload(uid("$UNIQUE_IDENTIFIER_0"))));
  }
}

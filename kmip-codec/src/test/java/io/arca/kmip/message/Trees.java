package io.arca.kmip.message;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
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
        Tag.PROTOCOL_VERSION.code(),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MAJOR.code(), version.major()),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MINOR.code(), version.minor()));
  }

  static TtlvInteger batchCount(int count) {
    return new TtlvInteger(Tag.BATCH_COUNT.code(), count);
  }

  static TtlvStructure header(Ttlv... fields) {
    return TtlvStructure.of(Tag.REQUEST_HEADER.code(), fields);
  }

  static TtlvStructure request(TtlvStructure header, TtlvStructure... items) {
    List<Ttlv> all = new ArrayList<>();
    all.add(header);
    all.addAll(List.of(items));
    return new TtlvStructure(Tag.REQUEST_MESSAGE.code(), all);
  }

  static TtlvStructure response(TtlvStructure header, TtlvStructure... items) {
    List<Ttlv> all = new ArrayList<>();
    all.add(header);
    all.addAll(List.of(items));
    return new TtlvStructure(Tag.RESPONSE_MESSAGE.code(), all);
  }

  static TtlvStructure item(Ttlv... fields) {
    return TtlvStructure.of(Tag.BATCH_ITEM.code(), fields);
  }

  static TtlvEnumeration operation(int operation) {
    return new TtlvEnumeration(Tag.OPERATION.code(), operation);
  }

  static TtlvByteString batchItemId(int id) {
    return new TtlvByteString(
        Tag.UNIQUE_BATCH_ITEM_ID.code(), ByteString.copyOf(new byte[] {(byte) id}));
  }

  static TtlvStructure requestPayload(Ttlv... fields) {
    return TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), fields);
  }

  static TtlvStructure responsePayload(Ttlv... fields) {
    return TtlvStructure.of(Tag.RESPONSE_PAYLOAD.code(), fields);
  }

  static TtlvDateTime timeStamp() {
    return new TtlvDateTime(Tag.TIME_STAMP.code(), NOW);
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

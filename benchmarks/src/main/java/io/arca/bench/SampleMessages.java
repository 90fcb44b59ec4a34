package io.arca.bench;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Typical KMIP 1.4 messages as TTLV trees: an Encrypt request and its response, a Locate response
 * with 200 identifiers and a Get Attributes response with 200 attributes of mixed types.
 */
final class SampleMessages {
  // Tags and enumeration values of KMIP 1.4 §9.1.3; switch to the generated Tag once it lands.
  private static final int REQUEST_MESSAGE = Tag.REQUEST_MESSAGE.code();
  private static final int REQUEST_HEADER = Tag.REQUEST_HEADER.code();
  private static final int RESPONSE_MESSAGE = Tag.RESPONSE_MESSAGE.code();
  private static final int RESPONSE_HEADER = Tag.RESPONSE_HEADER.code();
  private static final int PROTOCOL_VERSION = Tag.PROTOCOL_VERSION.code();
  private static final int PROTOCOL_VERSION_MAJOR = Tag.PROTOCOL_VERSION_MAJOR.code();
  private static final int PROTOCOL_VERSION_MINOR = Tag.PROTOCOL_VERSION_MINOR.code();
  private static final int TIME_STAMP = Tag.TIME_STAMP.code();
  private static final int BATCH_COUNT = Tag.BATCH_COUNT.code();
  private static final int BATCH_ITEM = Tag.BATCH_ITEM.code();
  private static final int OPERATION = Tag.OPERATION.code();
  private static final int RESULT_STATUS = Tag.RESULT_STATUS.code();
  private static final int REQUEST_PAYLOAD = Tag.REQUEST_PAYLOAD.code();
  private static final int RESPONSE_PAYLOAD = Tag.RESPONSE_PAYLOAD.code();
  private static final int UNIQUE_IDENTIFIER = Tag.UNIQUE_IDENTIFIER.code();
  private static final int CRYPTOGRAPHIC_PARAMETERS = Tag.CRYPTOGRAPHIC_PARAMETERS.code();
  private static final int BLOCK_CIPHER_MODE = Tag.BLOCK_CIPHER_MODE.code();
  private static final int TAG_LENGTH = Tag.TAG_LENGTH.code();
  private static final int DATA = Tag.DATA.code();
  private static final int IV_COUNTER_NONCE = Tag.IV_COUNTER_NONCE.code();
  private static final int AUTHENTICATED_ENCRYPTION_TAG = Tag.AUTHENTICATED_ENCRYPTION_TAG.code();
  private static final int ATTRIBUTE = Tag.ATTRIBUTE.code();
  private static final int ATTRIBUTE_NAME = Tag.ATTRIBUTE_NAME.code();
  private static final int ATTRIBUTE_INDEX = Tag.ATTRIBUTE_INDEX.code();
  private static final int ATTRIBUTE_VALUE = Tag.ATTRIBUTE_VALUE.code();
  private static final int NAME_VALUE = Tag.NAME_VALUE.code();
  private static final int NAME_TYPE = Tag.NAME_TYPE.code();

  private static final int OPERATION_LOCATE = 0x08;
  private static final int OPERATION_GET_ATTRIBUTES = 0x0B;
  private static final int OPERATION_ENCRYPT = 0x1F;
  private static final int BLOCK_CIPHER_MODE_GCM = 0x09;
  private static final int RESULT_STATUS_SUCCESS = 0x00;
  private static final long TIME = 1_700_000_000L;

  private SampleMessages() {}

  static TtlvStructure encryptRequest() {
    Random random = new Random(1);
    return TtlvStructure.of(
        REQUEST_MESSAGE,
        TtlvStructure.of(REQUEST_HEADER, protocolVersion(), new TtlvInteger(BATCH_COUNT, 1)),
        TtlvStructure.of(
            BATCH_ITEM,
            new TtlvEnumeration(OPERATION, OPERATION_ENCRYPT),
            TtlvStructure.of(
                REQUEST_PAYLOAD,
                uniqueIdentifier(random),
                TtlvStructure.of(
                    CRYPTOGRAPHIC_PARAMETERS,
                    new TtlvEnumeration(BLOCK_CIPHER_MODE, BLOCK_CIPHER_MODE_GCM),
                    new TtlvInteger(TAG_LENGTH, 16)),
                TtlvByteString.of(DATA, bytes(random, 64)),
                TtlvByteString.of(IV_COUNTER_NONCE, bytes(random, 12)))));
  }

  static TtlvStructure encryptResponse() {
    Random random = new Random(2);
    return response(
        OPERATION_ENCRYPT,
        List.of(
            uniqueIdentifier(random),
            TtlvByteString.of(DATA, bytes(random, 64)),
            TtlvByteString.of(AUTHENTICATED_ENCRYPTION_TAG, bytes(random, 16))));
  }

  static TtlvStructure locateResponse() {
    Random random = new Random(3);
    List<Ttlv> identifiers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      identifiers.add(uniqueIdentifier(random));
    }
    return response(OPERATION_LOCATE, identifiers);
  }

  /** A 1.x Get Attributes response: 200 Attribute structures cycling through the value types. */
  static TtlvStructure getAttributesResponse() {
    Random random = new Random(4);
    List<Ttlv> payload = new ArrayList<>();
    payload.add(uniqueIdentifier(random));
    for (int i = 0; i < 200; i++) {
      Ttlv value =
          switch (i % 10) {
            case 0 -> new TtlvTextString(ATTRIBUTE_VALUE, "x-custom-attribute-" + i);
            case 1 -> new TtlvEnumeration(ATTRIBUTE_VALUE, 3);
            case 2 -> new TtlvInteger(ATTRIBUTE_VALUE, 256);
            case 3 -> new TtlvDateTime(ATTRIBUTE_VALUE, TIME + i);
            case 4 -> new TtlvBoolean(ATTRIBUTE_VALUE, true);
            case 5 -> TtlvByteString.of(ATTRIBUTE_VALUE, bytes(random, 32));
            case 6 -> new TtlvLongInteger(ATTRIBUTE_VALUE, 1L << 40);
            case 7 -> new TtlvInterval(ATTRIBUTE_VALUE, 86_400);
            case 8 -> new TtlvBigInteger(ATTRIBUTE_VALUE, new BigInteger(2048, random));
            default ->
                TtlvStructure.of(
                    ATTRIBUTE_VALUE,
                    new TtlvTextString(NAME_VALUE, "key-" + i),
                    new TtlvEnumeration(NAME_TYPE, 1));
          };
      payload.add(
          TtlvStructure.of(
              ATTRIBUTE,
              new TtlvTextString(ATTRIBUTE_NAME, "Attribute " + (i % 10)),
              new TtlvInteger(ATTRIBUTE_INDEX, i / 10),
              value));
    }
    return response(OPERATION_GET_ATTRIBUTES, payload);
  }

  private static TtlvStructure response(int operation, List<Ttlv> payload) {
    return TtlvStructure.of(
        RESPONSE_MESSAGE,
        TtlvStructure.of(
            RESPONSE_HEADER,
            protocolVersion(),
            new TtlvDateTime(TIME_STAMP, TIME),
            new TtlvInteger(BATCH_COUNT, 1)),
        TtlvStructure.of(
            BATCH_ITEM,
            new TtlvEnumeration(OPERATION, operation),
            new TtlvEnumeration(RESULT_STATUS, RESULT_STATUS_SUCCESS),
            new TtlvStructure(RESPONSE_PAYLOAD, payload)));
  }

  private static TtlvStructure protocolVersion() {
    return TtlvStructure.of(
        PROTOCOL_VERSION,
        new TtlvInteger(PROTOCOL_VERSION_MAJOR, 1),
        new TtlvInteger(PROTOCOL_VERSION_MINOR, 4));
  }

  private static TtlvTextString uniqueIdentifier(Random random) {
    return new TtlvTextString(
        UNIQUE_IDENTIFIER, new UUID(random.nextLong(), random.nextLong()).toString());
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}

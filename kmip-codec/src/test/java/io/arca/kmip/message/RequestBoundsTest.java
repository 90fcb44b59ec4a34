package io.arca.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBoundsTest {
  private static final RequestBounds BOUNDS = new RequestBounds(2048, 4096, 3, 64 * 1024);

  private static RequestBatchItem item(Ttlv... fields) {
    return RequestBatchItem.of(
        Operation.GET.value(), new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), List.of(fields)));
  }

  private static TtlvTextString text(Tag tag, int bytes) {
    return new TtlvTextString(tag.code(), "u".repeat(bytes));
  }

  private static TtlvByteString bytes(Tag tag, int length) {
    return new TtlvByteString(tag.code(), ByteString.copyOf(new byte[length]));
  }

  private static void assertRefused(RequestBatchItem item, String... fragments) {
    assertThatThrownBy(() -> BOUNDS.checkItem(item))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .message()
        .contains(fragments);
  }

  @Test
  void identifierOf1024BytesPassesAnd1025IsInvalidField() {
    assertThatCode(() -> BOUNDS.checkItem(item(text(Tag.UNIQUE_IDENTIFIER, 1024))))
        .doesNotThrowAnyException();

    assertRefused(
        item(text(Tag.UNIQUE_IDENTIFIER, 1025)), "UniqueIdentifier: 1025 bytes", "at most 1024");
  }

  @Test
  void identifierLengthIsCountedInUtf8Bytes() {
    // 513 two-byte characters: 513 chars, 1026 bytes.
    assertRefused(
        item(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "é".repeat(513))), "1026 bytes");
  }

  @Test
  void identifiersAnywhereInThePayloadAreBounded() {
    TtlvStructure link =
        TtlvStructure.of(Tag.LINK.code(), text(Tag.LINKED_OBJECT_IDENTIFIER, 1025));
    assertRefused(item(TtlvStructure.of(Tag.ATTRIBUTES.code(), link)), "LinkedObjectIdentifier");
    assertRefused(item(bytes(Tag.CORRELATION_VALUE, 1025)), "CorrelationValue: 1025 bytes");
    assertRefused(
        item(text(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER, 2000)), "PrivateKeyUniqueIdentifier");
  }

  @Test
  void aNameLongerThanTheTextBoundIsInvalidField() {
    TtlvStructure name = TtlvStructure.of(Tag.NAME.code(), text(Tag.NAME_VALUE, 2049));

    assertRefused(item(name), "NameValue: 2049 bytes", "at most 2048");
  }

  @Test
  void anAttributeLargerThanItsBoundIsInvalidFieldInEitherForm() {
    // 2.x: an item of Attributes; 1.x: an Attribute structure. Byte strings alone are not
    // bounded, so only the attribute's own bound catches these.
    TtlvStructure attributes2x =
        TtlvStructure.of(
            Tag.ATTRIBUTES.code(), bytes(Tag.CERTIFICATE_SUBJECT_ALTERNATIVE_NAME, 5000));
    TtlvStructure attribute1x =
        TtlvStructure.of(
            Tag.ATTRIBUTE.code(),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "x-big"),
            bytes(Tag.ATTRIBUTE_VALUE, 5000));

    assertRefused(item(attributes2x), "bytes (expected: at most 4096 bytes)");
    assertRefused(item(TtlvStructure.of(Tag.TEMPLATE_ATTRIBUTE.code(), attribute1x)), "Attribute:");
    assertRefused(
        item(TtlvStructure.of(Tag.NEW_ATTRIBUTE.code(), bytes(Tag.ATTRIBUTE_VALUE, 5000))),
        "AttributeValue");
  }

  @Test
  void keyMaterialAndDataAreBoundedOnlyByTheItemSize() {
    assertThatCode(() -> BOUNDS.checkItem(item(bytes(Tag.DATA, 60 * 1024))))
        .doesNotThrowAnyException();

    assertRefused(item(bytes(Tag.DATA, 64 * 1024)), "RequestPayload:", "at most 65536 bytes");
  }

  @Test
  void tooManyBatchItemsAreInvalidField() {
    List<RequestBatchItem> items = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      items.add(
          new RequestBatchItem(
              Operation.GET.value(),
              null,
              ByteString.copyOf(new byte[] {(byte) i}),
              item().requestPayload(),
              List.of()));
    }
    RequestMessage four = new RequestMessage(RequestHeader.of(ProtocolVersion.V2_1), items);
    RequestMessage three =
        new RequestMessage(RequestHeader.of(ProtocolVersion.V2_1), items.subList(0, 3));

    assertThatCode(() -> BOUNDS.checkMessage(three)).doesNotThrowAnyException();
    assertThatThrownBy(() -> BOUNDS.checkMessage(four))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining("BatchCount: 4 (expected: at most 3 items)");
  }

  @Test
  void anOverlongUniqueBatchItemIdRefusesTheMessage() {
    RequestBatchItem item =
        new RequestBatchItem(
            Operation.GET.value(),
            null,
            ByteString.copyOf(new byte[1025]),
            item().requestPayload(),
            List.of());

    assertThatThrownBy(
            () ->
                BOUNDS.checkMessage(
                    new RequestMessage(RequestHeader.of(ProtocolVersion.V1_0), List.of(item))))
        .isInstanceOf(KmipException.class)
        .hasMessageContaining("UniqueBatchItemID: 1025 bytes");
  }

  @Test
  void theRefusalNeverQuotesTheValue() {
    String value = "secret-looking-" + "v".repeat(5000);

    assertThatThrownBy(
            () -> BOUNDS.checkItem(item(new TtlvTextString(Tag.DESCRIPTION.code(), value))))
        .isInstanceOf(KmipException.class)
        .message()
        .doesNotContain("secret-looking")
        .hasSizeLessThan(200);
  }

  @Test
  void boundsBelowTheIdentifierBoundAreRefused() {
    assertThatThrownBy(() -> new RequestBounds(100, 4096, 1, 4096))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTextBytes: 100 (expected: >= 1024)");
    assertThatThrownBy(() -> new RequestBounds(4096, 4096, 0, 4096))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

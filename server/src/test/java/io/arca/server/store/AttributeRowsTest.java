package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attribute a request may name comes back from its row as the same attribute. */
class AttributeRowsTest {
  static Stream<Attribute> attributes() {
    return Stream.of(
        Attribute.of(new TtlvTextString(Tag.OBJECT_GROUP.code(), "group")),
        Attribute.of(new TtlvTextString(0x540001, "vendor tag")),
        Attribute.vendor("x", "Barcode", text()),
        // 1.x custom attributes may hold any character after "x-" (KMIP 1.4 §3.1, found by the
        // request processor's fuzz target: "x-VendorAttribute:" could be stored, then not read).
        Attribute.vendor("x", "VendorAttribute:", text()),
        Attribute.vendor("x", "a:b", text()),
        Attribute.vendor("y", "c-d:e", text()),
        Attribute.vendor("acme", "x-y:z", text()),
        // A vendor identification may start like a hex tag.
        Attribute.vendor("0x12", "name", text()));
  }

  private static TtlvTextString text() {
    return new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), "value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributes")
  void readsBackTheAttributeItStored(Attribute attribute) {
    Attributes stored = Attributes.of(attribute);

    assertThat(AttributeRows.fromRows(AttributeRows.toRows(stored))).isEqualTo(stored);
  }
}

package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.GetAttributeList;
import io.arca.kmip.payload.GetAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Get Attribute List, and the version filter it shares with Get Attributes. */
class GetAttributeListHandlerTest extends AttributeTestBase {

  private List<AttributeReference> list(ProtocolVersion v, String uid) {
    return GetAttributeList.Response.decode(
            Wire.handle(
                new GetAttributeListHandler(objects),
                new GetAttributeList.Request(uid).encode(v),
                as(v)),
            v)
        .references();
  }

  private static AttributeReference tag(Tag tag) {
    return AttributeReference.tag(tag.code());
  }

  @Test
  void listsEachAttributeOnceIncludingTheRecordsOwn() {
    String uid = createKey("k", custom("ID", "a"), custom("ID", "b"));

    List<AttributeReference> names = list(V2_1, uid);

    assertThat(names)
        .contains(
            tag(Tag.UNIQUE_IDENTIFIER),
            tag(Tag.OBJECT_TYPE),
            tag(Tag.STATE),
            tag(Tag.INITIAL_DATE),
            tag(Tag.LAST_CHANGE_DATE),
            tag(Tag.NAME),
            tag(Tag.CRYPTOGRAPHIC_ALGORITHM),
            tag(Tag.FRESH),
            custom("ID", "a").reference())
        .doesNotHaveDuplicates();
    assertThat(list(V1_4, uid)).contains(custom("ID", "a").reference(), tag(Tag.FRESH));
  }

  @Test
  void aKmip10ClientIsNotToldOfAttributesItsVersionLacks() {
    String uid = createKey("k");

    assertThat(list(ProtocolVersion.V1_0, uid))
        .doesNotContain(tag(Tag.FRESH))
        .contains(tag(Tag.NAME));
    assertThat(list(ProtocolVersion.V1_1, uid)).contains(tag(Tag.FRESH));

    Attributes got =
        GetAttributes.Response.decode(
                Wire.handle(
                    new GetAttributesHandler(objects),
                    new GetAttributes.Request(uid, List.of()).encode(ProtocolVersion.V1_0),
                    as(ProtocolVersion.V1_0)),
                ProtocolVersion.V1_0)
            .attributes();
    assertThat(got.first(Tag.FRESH.code())).isNull();
    assertThat(got.first(Tag.NAME.code())).isNotNull();
  }

  @Test
  void vendorAttributesAreListedOnlyToClientsThatCanNameThem() {
    String uid =
        createKey(
            "k",
            io.arca.kmip.attribute.Attribute.vendor(
                "acme",
                "Colour",
                new io.arca.kmip.ttlv.TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), "blue")));
    assertThat(list(V2_1, uid)).contains(AttributeReference.vendor("acme", "Colour"));
    assertThat(list(V1_4, uid)).doesNotContain(AttributeReference.vendor("acme", "Colour"));
  }

  @Test
  void anotherUsersObjectIsNotFound() {
    String bobs = createKey("bob", "k");
    assertFails(ResultReason.OBJECT_NOT_FOUND, () -> list(V2_1, bobs));
    assertFails(ResultReason.OBJECT_NOT_FOUND, () -> list(V2_1, "no-such-object"));
  }
}

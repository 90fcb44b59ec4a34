package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.NOW;
import static io.arca.server.op.HandlerFixture.alice;
import static io.arca.server.op.KeyPairHandlersTest.algorithm;
import static io.arca.server.op.KeyPairHandlersTest.length;
import static io.arca.server.op.KeyPairHandlersTest.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectRecord;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-key on a real store. */
class ReKeyHandlerTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private ReKeyHandler reKey;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    reKey = new ReKeyHandler(fixture.objects(), new KeyMaker(new SecureRandom()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Attribute date(Tag tag, Duration fromNow) {
    return Attribute.of(TtlvDateTime.of(tag.code(), NOW.plus(fromNow)));
  }

  private String createAes(Attribute... extra) {
    RequestContext context = alice();
    List<Attribute> items =
        new java.util.ArrayList<>(List.of(algorithm(CryptographicAlgorithm.AES), length(128)));
    items.addAll(List.of(extra));
    return Create.Response.decode(
            Wire.handle(
                create,
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .uniqueIdentifier();
  }

  private String reKey(String uid, @Nullable Long offset) {
    RequestContext context = alice();
    String newUid =
        ReKey.Response.decode(
                Wire.handle(
                    reKey,
                    new ReKey.Request(uid, offset, null, List.of())
                        .encode(context.protocolVersion()),
                    context),
                context.protocolVersion())
            .uniqueIdentifier();
    assertThat(context.batch().idPlaceholder()).isEqualTo(newUid);
    return newUid;
  }

  private ObjectRecord record(String uid) {
    return fixture.store().find(uid).orElseThrow();
  }

  private static @Nullable String link(ObjectRecord record, LinkType type) {
    for (Attribute link : record.attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString t) {
        return t.value();
      }
    }
    return null;
  }

  @Test
  void theNewKeyIsLinkedToTheOldAndTakesItsNameAndUsage() {
    Attribute name =
        Attribute.of(
            TtlvStructure.of(
                Tag.NAME.code(),
                new TtlvTextString(Tag.NAME_VALUE.code(), "rotating"),
                new TtlvEnumeration(
                    Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
    String old =
        createAes(
            name,
            usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT),
            date(Tag.ACTIVATION_DATE, Duration.ofHours(-2)),
            date(Tag.DEACTIVATION_DATE, Duration.ofHours(22)));

    String fresh = reKey(old, 3600L);

    ObjectRecord oldKey = record(old);
    ObjectRecord newKey = record(fresh);
    assertThat(link(newKey, LinkType.REPLACED_OBJECT_LINK)).isEqualTo(old);
    assertThat(link(oldKey, LinkType.REPLACEMENT_OBJECT_LINK)).isEqualTo(fresh);
    assertThat(newKey.attributes().all(Tag.NAME.code())).hasSize(1);
    assertThat(oldKey.attributes().all(Tag.NAME.code())).isEmpty();
    assertThat(new AttributeView(newKey.attributes()).usageMask())
        .isEqualTo(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value());
    assertThat(new AttributeView(newKey.attributes()).cryptographicLength()).isEqualTo(128);
    assertThat(newKey.attributes().first(Tag.ACTIVATION_DATE.code()))
        .extracting(a -> a == null ? null : a.value())
        .isEqualTo(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), NOW.plus(Duration.ofHours(1))));
    // The old key was active for 24 hours; so is the new one, from its own activation.
    assertThat(newKey.attributes().first(Tag.DEACTIVATION_DATE.code()))
        .extracting(a -> a == null ? null : a.value())
        .isEqualTo(TtlvDateTime.of(Tag.DEACTIVATION_DATE.code(), NOW.plus(Duration.ofHours(25))));
    assertThat(newKey.state()).isEqualTo(State.PRE_ACTIVE);
  }

  @Test
  void withoutAnOffsetTheOldDatesAreCopied() {
    String old = createAes(date(Tag.ACTIVATION_DATE, Duration.ofHours(-2)));

    String fresh = reKey(old, null);

    assertThat(record(fresh).state()).isEqualTo(State.ACTIVE);
    assertThat(record(fresh).attributes().first(Tag.DIGEST.code())).isNotNull();
  }

  @Test
  void anUnknownKeyCannotBeReKeyed() {
    assertThatThrownBy(() -> reKey("nothing", null))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.OBJECT_NOT_FOUND));
  }
}

package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectGroupMember;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.State;
import io.arca.kmip.StorageStatusMask;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Locate against a real store: criteria, paging, storage status, group members, owners. */
class LocateHandlerTest extends AttributeTestBase {

  private Locate.Response locate(ProtocolVersion v, Attribute... criteria) {
    return locate(v, new Locate.Request(null, null, null, null, Attributes.of(criteria)));
  }

  private Locate.Response locate(ProtocolVersion v, Locate.Request request) {
    return locate(as(v), request);
  }

  private Locate.Response locate(RequestContext context, Locate.Request request) {
    ProtocolVersion v = context.protocolVersion();
    return Locate.Response.decode(
        Wire.handle(new LocateHandler(store), request.encode(v), context), v);
  }

  private List<String> ids(Attribute... criteria) {
    return locate(V2_1, criteria).uniqueIdentifiers();
  }

  private static Attribute mask(int bits) {
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), bits));
  }

  private static Attribute state(State state) {
    return Attribute.of(new TtlvEnumeration(Tag.STATE.code(), state.value()));
  }

  private static Attribute type(ObjectType type) {
    return Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), type.value()));
  }

  private static Locate.Request paged(
      @Nullable Integer maximum, @Nullable Integer offset, Attribute... criteria) {
    return new Locate.Request(maximum, offset, null, null, Attributes.of(criteria));
  }

  @Test
  void findsOnlyTheCallersObjectsByName() {
    String alices = createKey("shared");
    createKey("bob", "shared");
    createKey("other");

    assertThat(ids(name("shared"))).containsExactly(alices);
    assertThat(ids(name("missing"))).isEmpty();
    assertThat(
            locate(as("bob", V2_1), Locate.Request.of(Attributes.of(name("other"))))
                .uniqueIdentifiers())
        .isEmpty();
  }

  @Test
  void everyCriterionMustMatch() {
    String a = createKey("a", custom("Team", "red"), mask(CryptographicUsageMask.ENCRYPT.value()));
    String b =
        createKey(
            "b",
            custom("Team", "red"),
            mask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value()));
    createKey("c", custom("Team", "blue"));

    assertThat(ids(custom("Team", "red"))).containsExactlyInAnyOrder(a, b);
    assertThat(ids(type(ObjectType.SYMMETRIC_KEY), custom("Team", "red"), name("b")))
        .containsExactly(b);
    assertThat(ids(type(ObjectType.PRIVATE_KEY), custom("Team", "red"))).isEmpty();
    // A usage mask matches objects holding at least those bits.
    assertThat(ids(mask(CryptographicUsageMask.ENCRYPT.value()))).containsExactlyInAnyOrder(a, b);
    assertThat(ids(mask(CryptographicUsageMask.DECRYPT.value()))).containsExactly(b);
  }

  private static Attribute usageLimits(long total, long count) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.USAGE_LIMITS.code(),
            new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), total),
            new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), count),
            new TtlvEnumeration(Tag.USAGE_LIMITS_UNIT.code(), UsageLimitsUnit.OBJECT.value())));
  }

  @Test
  void usageLimitsMatchObjectsWithAtLeastTheCountAndTotal() {
    String big = createKey("big", usageLimits(100, 50));
    createKey("small", usageLimits(10, 5));

    assertThat(ids(usageLimits(20, 10))).containsExactly(big);
    assertThat(ids(usageLimits(10, 5))).hasSize(2);
  }

  @Test
  void twoInstancesOfADateAreARangeWithItsLimits() {
    String early = createKey("early", date(Tag.ACTIVATION_DATE, now.plusSeconds(100)));
    String late = createKey("late", date(Tag.ACTIVATION_DATE, now.plusSeconds(200)));

    assertThat(
            ids(
                date(Tag.ACTIVATION_DATE, now.plusSeconds(100)),
                date(Tag.ACTIVATION_DATE, now.plusSeconds(150))))
        .containsExactly(early);
    assertThat(
            ids(
                date(Tag.ACTIVATION_DATE, now.plusSeconds(250)),
                date(Tag.ACTIVATION_DATE, now.plusSeconds(100))))
        .containsExactlyInAnyOrder(early, late);
    assertThat(ids(date(Tag.ACTIVATION_DATE, now.plusSeconds(200)))).containsExactly(late);
  }

  @Test
  void stateIsTheOneTheDatesGiveAtTheRequest() {
    String uid = createKey("k", date(Tag.ACTIVATION_DATE, now.plus(Duration.ofHours(1))));
    assertThat(ids(state(State.ACTIVE))).isEmpty();
    assertThat(ids(state(State.PRE_ACTIVE))).containsExactly(uid);

    advance(Duration.ofHours(2));

    assertThat(ids(state(State.ACTIVE))).containsExactly(uid);
    assertThat(ids(state(State.PRE_ACTIVE))).isEmpty();
  }

  @Test
  void pagesMostRecentFirstAndCountsWhenAskedToPage() {
    String first = createKey("1");
    advance(Duration.ofSeconds(1));
    String second = createKey("2");
    advance(Duration.ofSeconds(1));
    String third = createKey("3");

    assertThat(ids()).containsExactly(third, second, first);
    Locate.Response page = locate(V2_1, paged(1, 1));
    assertThat(page.uniqueIdentifiers()).containsExactly(second);
    assertThat(page.locatedItems()).isEqualTo(3);
    assertThat(locate(V1_4, paged(2, null)).locatedItems()).isEqualTo(3);
    assertThat(locate(ProtocolVersion.V1_2, paged(2, null)).locatedItems()).isNull();
    assertThat(locate(V2_1).locatedItems()).isNull();
    assertThat(locate(V2_1, paged(5, 3)).uniqueIdentifiers()).isEmpty();
  }

  @Test
  void destroyedObjectsOnlyWithDestroyedStorage() {
    String kept = createKey("kept");
    String gone = createKey("gone");
    Wire.handle(new DestroyHandler(objects), new Destroy.Request(gone).encode(V2_1), as(V2_1));

    assertThat(ids()).containsExactly(kept);
    int both =
        StorageStatusMask.ON_LINE_STORAGE.value() | StorageStatusMask.DESTROYED_STORAGE.value();
    assertThat(
            locate(V2_1, new Locate.Request(null, null, both, null, Attributes.EMPTY))
                .uniqueIdentifiers())
        .containsExactlyInAnyOrder(kept, gone);
    assertThat(ids(state(State.DESTROYED))).containsExactly(gone);
  }

  @Test
  void groupMembersFreshAndDefault() {
    Attribute group = text(Tag.OBJECT_GROUP, "g");
    String old = createKey("old", group);
    advance(Duration.ofSeconds(1));
    String used = createKey("used", group, Attribute.of(new TtlvBoolean(Tag.FRESH.code(), false)));
    createKey("elsewhere");

    int fresh = ObjectGroupMember.GROUP_MEMBER_FRESH.value();
    int byDefault = ObjectGroupMember.GROUP_MEMBER_DEFAULT.value();
    assertThat(
            locate(V2_1, new Locate.Request(null, null, null, fresh, Attributes.of(group)))
                .uniqueIdentifiers())
        .containsExactly(old);
    assertThat(
            locate(V2_1, new Locate.Request(null, null, null, byDefault, Attributes.of(group)))
                .uniqueIdentifiers())
        .containsExactly(used);
  }

  @Test
  void oneMatchBecomesTheIdPlaceholderAndSeveralClearIt() {
    String only = createKey("only");
    createKey("another");
    RequestContext context = as(V2_1);

    locate(context, Locate.Request.of(Attributes.of(name("only"))));
    assertThat(context.batch().idPlaceholder()).isEqualTo(only);

    locate(context, Locate.Request.of(Attributes.EMPTY));
    assertThat(context.batch().idPlaceholder()).isNull();

    String newest = locate(context, paged(1, null)).uniqueIdentifiers().get(0);
    assertThat(context.batch().idPlaceholder()).isEqualTo(newest);
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.AdjustmentType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ItemType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.AttributeRule;
import io.arca.kmip.attribute.AttributeRules;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.AdjustAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of the attribute rules table of every version 1.0-2.1 (AttributeRules, extracted from
 * the specifications), over real mutual TLS against a running server, on a Symmetric Key: Create
 * with the attribute, then Add, Modify, Set and Adjust (2.x) and Delete Attribute, each allowed or
 * refused as the row's columns say ("initially set by", "modifiable by client", "deletable by
 * client", "multiple instances", "applies to"), with the Result Reason the operation's error table
 * names in that version, a refused request leaving the object as it was (every attribute compared)
 * and a refused Create storing nothing. The expectations come from the row and the instances the
 * object holds before each step; none is listed per attribute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributeRulesEndToEndTest {
  private static final AttributeRules RULES = AttributeRules.standard();

  /**
   * Server-set attributes that the request of a new key states: Create takes Cryptographic
   * Algorithm and Length from its template (1.4 §4.1, 2.1 §6.1.8), Register the Certificate Type of
   * what it carries (1.4 §4.3, 2.1 §6.1.45).
   */
  private static final Set<Tag> STATED_BY_REQUEST =
      Set.of(Tag.CRYPTOGRAPHIC_ALGORITHM, Tag.CRYPTOGRAPHIC_LENGTH, Tag.CERTIFICATE_TYPE);

  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;
  private AttributeSamples samples;

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 16, 1 << 20), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    List<String> targets = new ArrayList<>();
    try (VersionedClient client = client(ProtocolVersion.V1_0)) {
      for (int i = 0; i < 3; i++) {
        targets.add(
            created(client.call(Operation.CREATE, createRequest(client, List.of())), client));
      }
    }
    samples = new AttributeSamples(Instant.now(), targets);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicContainer> everyRowOfEveryVersion() {
    return AttributeRules.VERSIONS.stream()
        .map(
            v ->
                DynamicContainer.dynamicContainer(
                    "KMIP " + v,
                    RULES.table(v).stream()
                        .filter(rule -> AttributeSamples.covered(tag(rule), v))
                        .map(
                            rule ->
                                DynamicTest.dynamicTest(
                                    tag(rule).xmlName(), () -> runRow(v, rule)))));
  }

  @Test
  void onlyAFewRowsAreLeftOutAndEachIsARow() {
    assertThat(AttributeSamples.EXCLUDED.size() + AttributeSamples.NOT_AT_CREATION_IN_KMIP_2.size())
        .isLessThanOrEqualTo(3);
    Stream.concat(
            AttributeSamples.EXCLUDED.keySet().stream(),
            AttributeSamples.NOT_AT_CREATION_IN_KMIP_2.keySet().stream())
        .forEach(
            tag ->
                assertThat(
                        AttributeRules.VERSIONS.stream()
                            .anyMatch(v -> RULES.table(v).stream().anyMatch(r -> tag(r) == tag)))
                    .as("%s is a row of some table", tag)
                    .isTrue());
    // Every version's table is run: 1.0 has the fewest rows, 2.1 the most.
    assertThat(RULES.table(ProtocolVersion.V1_0)).hasSizeGreaterThan(30);
    assertThat(RULES.table(ProtocolVersion.V2_1)).hasSizeGreaterThan(70);
  }

  private void runRow(ProtocolVersion v, AttributeRule rule) throws IOException {
    try (VersionedClient client = client(v)) {
      Row row = new Row(client, tag(rule), rule);
      String uid = row.create();
      row.add(uid);
      row.modify(uid);
      if (v.isAtLeast(ProtocolVersion.V2_0)) {
        row.set(uid);
        row.adjust(uid);
      }
      row.delete(uid);
    }
  }

  /** One row of one version's table, run against one key. */
  private final class Row {
    private final VersionedClient client;
    private final ProtocolVersion v;
    private final Tag tag;
    private final AttributeRule rule;
    private final boolean v2;

    Row(VersionedClient client, Tag tag, AttributeRule rule) {
      this.client = client;
      this.v = client.version();
      this.tag = tag;
      this.rule = rule;
      this.v2 = v.isAtLeast(ProtocolVersion.V2_0);
    }

    /**
     * Create with the attribute: taken and read back when the client may set it initially (or the
     * request states it) on a key; otherwise refused and nothing stored, and the key is made
     * without it. Returns the key.
     */
    String create() throws IOException {
      if (tag == Tag.CRYPTOGRAPHIC_ALGORITHM || tag == Tag.CRYPTOGRAPHIC_LENGTH) {
        // Every Create of a key states them; the key must hold what it stated.
        String uid =
            created(client.call(Operation.CREATE, createRequest(client, List.of())), client);
        assertThat(values(all(uid))).containsExactly(samples.sample(tag, 0).value());
        return uid;
      }
      if (v2 && AttributeSamples.NOT_AT_CREATION_IN_KMIP_2.containsKey(tag)) {
        return created(client.call(Operation.CREATE, createRequest(client, List.of())), client);
      }
      Attribute value = samples.sample(tag, 0);
      Attribute name = AttributeSamples.uniqueName("create");
      List<Attribute> given = tag == Tag.NAME ? List.of(value) : List.of(name, value);
      ResponseBatchItem answer = client.call(Operation.CREATE, createRequest(client, given));
      @Nullable ResultReason refusal =
          !(rule.initiallySetByClient() || STATED_BY_REQUEST.contains(tag))
              ? reason(ResultReason.PERMISSION_DENIED, ResultReason.ATTRIBUTE_READ_ONLY)
              : notApplicable();
      if (refusal == null) {
        String uid = created(answer, client);
        assertThat(values(all(uid))).as("%s read back", tag).contains(value.value());
        return uid;
      }
      refused(answer, refusal, "Create");
      assertThat(locate(name)).as("a refused Create stores nothing").isEmpty();
      return created(client.call(Operation.CREATE, createRequest(client, List.of())), client);
    }

    /** Add Attribute: a new instance where the row lets the client give one. */
    void add(String uid) throws IOException {
      Attributes before = attributes(uid);
      int held = before.all(tag.code()).size();
      Attribute value = samples.sample(tag, 1);
      ResponseBatchItem answer =
          client.call(Operation.ADD_ATTRIBUTE, new AddAttribute.Request(uid, value).encode(v));
      @Nullable ResultReason refusal =
          !(rule.initiallySetByClient() || rule.modifiableByClient())
              ? reason(ResultReason.PERMISSION_DENIED, ResultReason.READ_ONLY_ATTRIBUTE)
              : notApplicable();
      if (refusal == null && rule.isSingleValued() && held > 0) {
        refusal = reason(ResultReason.ILLEGAL_OPERATION, ResultReason.ATTRIBUTE_SINGLE_VALUED);
      }
      if (refusal == null) {
        succeeded(answer, "Add");
        List<Ttlv> after = values(all(uid));
        assertThat(after).hasSize(held + 1).contains(value.value());
      } else {
        refusedAndUnchanged(answer, refusal, "Add", uid, before);
      }
    }

    /** Modify Attribute: an existing instance gets a new value where the client may modify it. */
    void modify(String uid) throws IOException {
      Attributes before = attributes(uid);
      List<Attribute> held = before.all(tag.code());
      @Nullable Attribute target = held.isEmpty() ? null : held.get(0);
      Attribute value = samples.sample(tag, 2);
      ModifyAttribute.Request request =
          v2
              ? new ModifyAttribute.Request(
                  uid, target == null ? null : Attribute.of(target.value()), value)
              : new ModifyAttribute.Request(
                  uid, null, value.withIndex(target == null ? 0 : target.index()));
      ResponseBatchItem answer = client.call(Operation.MODIFY_ATTRIBUTE, request.encode(v));
      @Nullable ResultReason refusal =
          !rule.modifiableByClient()
              ? reason(ResultReason.PERMISSION_DENIED, ResultReason.ATTRIBUTE_READ_ONLY)
              : notApplicable();
      if (refusal == null && target == null) {
        refusal = reason(ResultReason.INVALID_FIELD, ResultReason.ATTRIBUTE_NOT_FOUND);
      }
      if (refusal == null) {
        succeeded(answer, "Modify");
        assertThat(values(all(uid))).hasSize(held.size()).contains(value.value());
      } else {
        refusedAndUnchanged(answer, refusal, "Modify", uid, before);
      }
    }

    /** Set Attribute (2.x): adds the only instance, or replaces it; never one of several. */
    void set(String uid) throws IOException {
      Attributes before = attributes(uid);
      int held = before.all(tag.code()).size();
      Attribute value = samples.sample(tag, 1);
      ResponseBatchItem answer =
          client.call(Operation.SET_ATTRIBUTE, new SetAttribute.Request(uid, value).encode(v));
      @Nullable ResultReason refusal = singleEditRefusal(held);
      if (refusal == null) {
        succeeded(answer, "Set");
        assertThat(values(all(uid))).containsExactly(value.value());
      } else {
        refusedAndUnchanged(answer, refusal, "Set", uid, before);
      }
    }

    /**
     * Adjust Attribute (2.x): a Boolean negated, a number, interval or date moved on; a value of
     * another type is no Adjust's to move (Invalid Data Type), nor is a date the object lacks.
     */
    void adjust(String uid) throws IOException {
      Attributes before = attributes(uid);
      List<Attribute> held = before.all(tag.code());
      boolean flag = AttributeSamples.isOnly(tag, ItemType.BOOLEAN);
      AdjustmentType type = flag ? AdjustmentType.NEGATE : AdjustmentType.INCREMENT;
      Ttlv amount =
          AttributeSamples.isOnly(tag, ItemType.DATE_TIME)
                  || AttributeSamples.isOnly(tag, ItemType.INTERVAL)
              ? new TtlvInterval(Tag.ADJUSTMENT_VALUE.code(), 60)
              : new TtlvInteger(Tag.ADJUSTMENT_VALUE.code(), 1);
      ResponseBatchItem answer =
          client.call(
              Operation.ADJUST_ATTRIBUTE,
              new AdjustAttribute.Request(
                      uid, AttributeReference.tag(tag.code()), type.value(), flag ? null : amount)
                  .encode(v));
      @Nullable ResultReason refusal = singleEditRefusal(held.size());
      if (refusal == null) {
        if (!AttributeSamples.adjustable(tag)) {
          refusal =
              held.isEmpty() && tag.itemTypes().size() != 1
                  ? ResultReason.ATTRIBUTE_NOT_FOUND
                  : ResultReason.INVALID_DATA_TYPE;
        } else if (held.isEmpty() && AttributeSamples.isOnly(tag, ItemType.DATE_TIME)) {
          refusal = ResultReason.ATTRIBUTE_NOT_FOUND;
        }
      }
      if (refusal == null) {
        succeeded(answer, "Adjust");
        assertThat(values(all(uid)))
            .containsExactly(adjusted(held.isEmpty() ? null : held.get(0).value()));
      } else {
        refusedAndUnchanged(answer, refusal, "Adjust", uid, before);
      }
    }

    /** Delete Attribute: 1.x one instance by index, 2.x every instance by reference. */
    void delete(String uid) throws IOException {
      Attributes before = attributes(uid);
      List<Attribute> held = before.all(tag.code());
      AttributeReference reference = AttributeReference.tag(tag.code());
      DeleteAttribute.Request request =
          v2
              ? new DeleteAttribute.Request(uid, reference, null, null)
              : new DeleteAttribute.Request(
                  uid, reference, held.isEmpty() ? 0 : held.get(0).index(), null);
      ResponseBatchItem answer = client.call(Operation.DELETE_ATTRIBUTE, request.encode(v));
      @Nullable ResultReason refusal =
          !rule.deletableByClient()
              ? reason(ResultReason.PERMISSION_DENIED, ResultReason.ATTRIBUTE_READ_ONLY)
              : notApplicable();
      if (refusal == null && held.isEmpty()) {
        refusal = reason(ResultReason.ITEM_NOT_FOUND, ResultReason.ATTRIBUTE_NOT_FOUND);
      }
      if (refusal == null) {
        succeeded(answer, "Delete");
        assertThat(all(uid)).hasSize(v2 ? 0 : held.size() - 1);
      } else {
        refusedAndUnchanged(answer, refusal, "Delete", uid, before);
      }
    }

    /**
     * Set's and Adjust's refusal (2.x): several instances; then Read Only Attribute unless the row
     * lets the client add (no instance) or modify (one instance); then the object type.
     */
    private @Nullable ResultReason singleEditRefusal(int held) {
      if (held > 1) {
        return ResultReason.MULTI_VALUED_ATTRIBUTE;
      }
      boolean allowed =
          held == 0
              ? rule.initiallySetByClient() || rule.modifiableByClient()
              : rule.modifiableByClient();
      return allowed ? notApplicable() : ResultReason.READ_ONLY_ATTRIBUTE;
    }

    /** The refusal of an attribute a key may not have, or null where a key may. */
    private @Nullable ResultReason notApplicable() {
      boolean applies = rule.appliesTo(ObjectType.SYMMETRIC_KEY) || rule.isQualified("applies_to");
      return applies
          ? null
          : reason(ResultReason.PERMISSION_DENIED, ResultReason.INVALID_ATTRIBUTE);
    }

    private ResultReason reason(ResultReason v1, ResultReason v2reason) {
      return v2 ? v2reason : v1;
    }

    /** The value Adjust gives: negated, or one step (60 s, or 1) on from {@code before} or 0. */
    private Ttlv adjusted(@Nullable Ttlv before) {
      int code = tag.code();
      if (before instanceof TtlvBoolean b) {
        return new TtlvBoolean(code, !b.value());
      }
      if (before == null && AttributeSamples.isOnly(tag, ItemType.BOOLEAN)) {
        return new TtlvBoolean(code, true);
      }
      if (before instanceof TtlvDateTime date) {
        return new TtlvDateTime(code, date.epochSeconds() + 60);
      }
      if (before instanceof TtlvInterval interval) {
        return new TtlvInterval(code, interval.seconds() + 60);
      }
      if (before instanceof TtlvInteger integer) {
        return new TtlvInteger(code, integer.value() + 1);
      }
      if (before instanceof TtlvLongInteger integer) {
        return new TtlvLongInteger(code, integer.value() + 1);
      }
      if (AttributeSamples.isOnly(tag, ItemType.INTERVAL)) {
        return new TtlvInterval(code, 60);
      }
      if (AttributeSamples.isOnly(tag, ItemType.LONG_INTEGER)) {
        return new TtlvLongInteger(code, 1);
      }
      return new TtlvInteger(code, 1);
    }

    private void refusedAndUnchanged(
        ResponseBatchItem answer, ResultReason reason, String step, String uid, Attributes before)
        throws IOException {
      refused(answer, reason, step);
      assertThat(attributes(uid).items())
          .as("%s of %s in KMIP %s refused: the object is unchanged", step, tag, v)
          .containsExactlyElementsOf(before.items());
    }

    private void refused(ResponseBatchItem answer, ResultReason reason, String step) {
      assertThat(answer.resultStatus())
          .as("%s of %s in KMIP %s: %s", step, tag, v, answer.resultMessage())
          .isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(ResultReason.byValue(Objects.requireNonNull(answer.resultReason())))
          .as("%s of %s in KMIP %s: %s", step, tag, v, answer.resultMessage())
          .isEqualTo(reason);
    }

    private void succeeded(ResponseBatchItem answer, String step) {
      assertThat(answer.resultStatus())
          .as("%s of %s in KMIP %s: %s", step, tag, v, answer.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
    }

    /** The instances the key holds, never more than one of a single-valued attribute. */
    private List<Attribute> all(String uid) throws IOException {
      List<Attribute> held = attributes(uid).all(tag.code());
      if (rule.isSingleValued()) {
        assertThat(held).as("instances of single-valued %s in KMIP %s", tag, v).hasSizeLessThan(2);
      }
      return held;
    }

    private Attributes attributes(String uid) throws IOException {
      TtlvStructure payload =
          client.ok(Operation.GET_ATTRIBUTES, new GetAttributes.Request(uid, List.of()).encode(v));
      return GetAttributes.Response.decode(payload, v).attributes();
    }

    private List<String> locate(Attribute name) throws IOException {
      TtlvStructure payload =
          client.ok(Operation.LOCATE, Locate.Request.of(Attributes.of(name)).encode(v));
      return Locate.Response.decode(payload, v).uniqueIdentifiers();
    }
  }

  private static List<Ttlv> values(List<Attribute> attributes) {
    return attributes.stream().map(Attribute::value).toList();
  }

  private static Tag tag(AttributeRule rule) {
    return Objects.requireNonNull(rule.tag());
  }

  private VersionedClient client(ProtocolVersion v) throws IOException {
    return new VersionedClient(admin, server.port(), v);
  }

  /** A Create of an AES-256 key with {@code more} attributes, in the client's version. */
  private static TtlvStructure createRequest(VersionedClient client, List<Attribute> more) {
    // 256 bits, so that a Create asking Quantum Safe is one the server can honour.
    List<Attribute> items = TestAttributes.keyOf(CryptographicAlgorithm.AES, 256);
    items.addAll(more);
    return Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
        .encode(client.version());
  }

  private static String created(ResponseBatchItem answer, VersionedClient client) {
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(
            Objects.requireNonNull(answer.responsePayload()), client.version())
        .uniqueIdentifier();
  }
}

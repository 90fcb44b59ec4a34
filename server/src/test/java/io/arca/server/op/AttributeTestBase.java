package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.BatchState;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the attribute and Locate handler tests: a {@link HandlerFixture} store in a fresh
 * temporary directory, a request clock the test moves, requests as user "alice" unless told
 * otherwise, and keys made through the real Create handler.
 */
abstract class AttributeTestBase {
  static final String ALICE = "alice";
  static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
  static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  // One store per test class, emptied before each test: opening a database (migrations, KEK) for
  // each of the rules table's hundreds of cases cost over a minute of the build.
  @TempDir static Path dataDir;

  @SuppressWarnings("NullAway.Init")
  private static HandlerFixture fixture;

  ObjectStore store;
  ObjectAccess objects;
  Instant now = HandlerFixture.NOW;

  @BeforeAll
  static void openStore() throws Exception {
    fixture = HandlerFixture.open(dataDir);
  }

  @BeforeEach
  void emptyStore() {
    fixture.empty();
    store = fixture.store();
    objects = fixture.objects();
  }

  @AfterAll
  static void closeStore() {
    fixture.close();
  }

  /** A request of alice's in {@code version}, at the fixture's time, alone in its batch. */
  RequestContext as(ProtocolVersion version) {
    return as(ALICE, version);
  }

  RequestContext as(String user, ProtocolVersion version) {
    return new RequestContext(user, version, now, new BatchState());
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** A new AES-256 key of alice's, named {@code name}, with {@code more} attributes. */
  String createKey(String name, Attribute... more) {
    return createKey(ALICE, name, more);
  }

  String createKey(String user, String name, Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    items.add(name(name));
    items.addAll(List.of(more));
    TtlvStructure request =
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
            .encode(V2_1);
    TtlvStructure response = Wire.handle(new CreateHandler(store), request, as(user, V2_1));
    return Create.Response.decode(response, V2_1).uniqueIdentifier();
  }

  ObjectRecord record(String uid) {
    return store.find(uid).orElseThrow();
  }

  static Attribute name(String value) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), value),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  static Attribute text(Tag tag, String value) {
    return Attribute.of(new TtlvTextString(tag.code(), value));
  }

  static Attribute date(Tag tag, Instant instant) {
    return Attribute.of(TtlvDateTime.of(tag.code(), instant));
  }

  static Attribute custom(String name, String value) {
    return Attribute.vendor("x", name, new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), value));
  }

  /** Asserts that {@code call} fails with {@code reason}. */
  static void assertFails(ResultReason reason, Executable call) {
    KmipException e = assertThrows(KmipException.class, call);
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
  }
}

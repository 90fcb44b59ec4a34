package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmModule;
import io.arca.kmip.Operation;
import io.arca.kmip.PKCS_11Function;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Pkcs11;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PKCS#11 operation end to end over mutual TLS on SoftHSM2: the HSM administrator reads what
 * the library, the configured slots, their tokens and mechanisms are, in the KMIP PKCS#11 profile's
 * layout; a slot the server was not given is no slot; every function outside the allow-list
 * (C_Finalize, C_InitToken, C_Login, ...) is Permission Denied, audited with its name, and leaves
 * the token working; another user is refused and not told the operation exists; KMIP 1.x has no
 * such operation.
 */
class HsmPkcs11OperationIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final long CKR_SLOT_ID_INVALID = 0x3;
  private static final long CKM_AES_KEY_GEN = 0x1080;

  @TempDir static Path dir;
  static HsmTestServer hsm;

  @BeforeAll
  static void start() throws Exception {
    hsm = HsmTestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  @Test
  void theHsmAdministratorReadsTheLibraryAndTheConfiguredTokens() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      assertThat(returnCode(call(client, PKCS_11Function.C_INITIALIZE, null))).isZero();

      Pkcs11.Response info = ok(client, PKCS_11Function.C_GETINFO, null);
      ByteBuffer ckInfo = ByteBuffer.wrap(output(info));
      assertThat(ckInfo.remaining()).isEqualTo(2 + 32 + 8 + 32 + 2);
      ckInfo.position(2);
      assertThat(text(ckInfo, 32)).startsWith("SoftHSM");

      ByteBuffer slots = ByteBuffer.wrap(output(ok(client, PKCS_11Function.C_GETSLOTLIST, one(1))));
      assertThat(slots.getInt()).isEqualTo(2);
      assertThat(List.of(slots.getLong(), slots.getLong()))
          .containsExactlyInAnyOrder(hsm.tokens().slot1(), hsm.tokens().slot2());
      assertThat(slots.hasRemaining()).isFalse();

      ByteBuffer token =
          ByteBuffer.wrap(
              output(ok(client, PKCS_11Function.C_GETTOKENINFO, ulongs(hsm.tokens().slot1()))));
      assertThat(token.remaining()).isEqualTo(32 + 32 + 16 + 16 + 11 * 8 + 2 + 2 + 16);
      String label = text(token, 32);
      assertThat(label).isNotBlank();

      ByteBuffer slotInfo =
          ByteBuffer.wrap(
              output(ok(client, PKCS_11Function.C_GETSLOTINFO, ulongs(hsm.tokens().slot1()))));
      assertThat(slotInfo.remaining()).isEqualTo(64 + 32 + 8 + 2 + 2);
      slotInfo.position(96);
      assertThat(slotInfo.getLong() & 1).as("CKF_TOKEN_PRESENT").isEqualTo(1);

      ByteBuffer mechanisms =
          ByteBuffer.wrap(
              output(ok(client, PKCS_11Function.C_GETMECHANISMLIST, ulongs(hsm.tokens().slot1()))));
      int count = mechanisms.getInt();
      assertThat(mechanisms.remaining()).isEqualTo(count * 8);
      List<Long> types = new ArrayList<>();
      while (mechanisms.hasRemaining()) {
        types.add(mechanisms.getLong());
      }
      assertThat(types).contains(CKM_AES_KEY_GEN);

      ByteBuffer aes =
          ByteBuffer.wrap(
              output(
                  ok(
                      client,
                      PKCS_11Function.C_GETMECHANISMINFO,
                      ulongs(hsm.tokens().slot1(), CKM_AES_KEY_GEN))));
      assertThat(List.of(aes.getLong(), aes.getLong())).containsExactly(16L, 32L);
    }
  }

  @Test
  void aSlotTheServerWasNotGivenIsNoSlot() throws Exception {
    long other;
    try (HsmModule library =
        HsmModule.load(hsm.tokens().tokens().library(), hsm.tokens().profile())) {
      other =
          library.listSlots().stream()
              .mapToLong(HsmModule.SlotDescription::id)
              .filter(id -> id != hsm.tokens().slot1() && id != hsm.tokens().slot2())
              .findFirst()
              .orElseThrow(() -> new AssertionError("SoftHSM2 always lists an empty slot"));
    }
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      for (PKCS_11Function function :
          List.of(
              PKCS_11Function.C_GETSLOTINFO,
              PKCS_11Function.C_GETTOKENINFO,
              PKCS_11Function.C_GETMECHANISMLIST)) {
        Pkcs11.Response answer = ok(client, function, ulongs(other));
        assertThat((long) answer.returnCode()).as("%s", function).isEqualTo(CKR_SLOT_ID_INVALID);
        assertThat(answer.outputParameters()).isNull();
      }
    }
  }

  @Test
  void functionsOutsideTheAllowListArePermissionDeniedAuditedAndChangeNothing() throws Exception {
    List<PKCS_11Function> forbidden =
        List.of(
            PKCS_11Function.C_FINALIZE,
            PKCS_11Function.C_INITTOKEN,
            PKCS_11Function.C_INITPIN,
            PKCS_11Function.C_SETPIN,
            PKCS_11Function.C_LOGIN,
            PKCS_11Function.C_LOGOUT,
            PKCS_11Function.C_CLOSEALLSESSIONS,
            PKCS_11Function.C_OPENSESSION,
            PKCS_11Function.C_DESTROYOBJECT,
            PKCS_11Function.C_GETFUNCTIONLIST);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      for (PKCS_11Function function : forbidden) {
        ResponseBatchItem refused = call(client, function, ulongs(hsm.tokens().slot1()));
        assertThat(refused.resultStatus())
            .as("%s", function)
            .isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(refused.resultReason())
            .as("%s: %s", function, refused.resultMessage())
            .isEqualTo(ResultReason.PERMISSION_DENIED.value());
        assertThat(refused.resultMessage()).contains(function.xmlName()).contains("allow-list");
      }
      // C_Finalize was not carried out: the token still answers, and keys are still made in it.
      assertThat(
              returnCode(
                  call(client, PKCS_11Function.C_GETTOKENINFO, ulongs(hsm.tokens().slot1()))))
          .isZero();
      client.ok(
          Operation.CREATE,
          HsmRequests.createAes(
              "hsm::" + hsm.tokens().slot1() + "::after-finalize", 128, true, null));
    }
    hsm.server().audit().flush();
    List<String> audited = new ArrayList<>();
    try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
      Iterator<AuditRecord> all = new JdbcAuditRepository(database).all();
      while (all.hasNext()) {
        AuditRecord record = all.next();
        audited.add(record.entry().operation() + " " + record.entry().resultReason());
      }
    }
    assertThat(audited)
        .contains("PKCS_11 C_Finalize PermissionDenied", "PKCS_11 C_InitToken PermissionDenied");
  }

  @Test
  void malformedRequestsGetThePkcs11ResultReasons() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      ResponseBatchItem vendor =
          client.call(
              Operation.PKCS_11,
              new Pkcs11.Request(null, new Pkcs11.Function(0x80000001, true), null, null)
                  .encode(V2_1));
      assertThat(vendor.resultReason()).isEqualTo(ResultReason.PKCS_11_INVALID_FUNCTION.value());

      ResponseBatchItem otherInterface =
          client.call(
              Operation.PKCS_11,
              new Pkcs11.Request("Vendor NSS", function(PKCS_11Function.C_GETINFO), null, null)
                  .encode(V2_1));
      assertThat(otherInterface.resultReason())
          .isEqualTo(ResultReason.PKCS_11_INVALID_INTERFACE.value());

      ResponseBatchItem shortSlot =
          call(client, PKCS_11Function.C_GETTOKENINFO, ByteString.copyOf(new byte[] {0, 1}));
      assertThat(shortSlot.resultReason()).isEqualTo(ResultReason.PKCS_11_CODEC_ERROR.value());
    }
  }

  @Test
  void anotherUserIsRefusedAndQueryDoesNotOfferItToThem() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.user("alice"), hsm.port(), V2_1)) {
      ResponseBatchItem refused = call(client, PKCS_11Function.C_GETINFO, null);
      assertThat(refused.resultReason()).isEqualTo(ResultReason.PERMISSION_DENIED.value());
      assertThat(refused.resultMessage()).contains("--hsm-admin");
      assertThat(queriedOperations(client)).doesNotContain(Operation.PKCS_11.value());
    }
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      assertThat(queriedOperations(client)).contains(Operation.PKCS_11.value());
    }
  }

  @Test
  void kmipOneHasNoPkcs11OperationAndTwoZeroHasIt() throws Exception {
    for (ProtocolVersion version : List.of(ProtocolVersion.V1_2, ProtocolVersion.V1_4)) {
      try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), version)) {
        ResponseBatchItem refused = call(client, PKCS_11Function.C_GETINFO, null);
        assertThat(refused.resultReason())
            .as("%s", version)
            .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
        assertThat(queriedOperations(client)).doesNotContain(Operation.PKCS_11.value());
      }
    }
    try (KmipTestClient client =
        new KmipTestClient(hsm.admin(), hsm.port(), ProtocolVersion.V2_0)) {
      assertThat(returnCode(call(client, PKCS_11Function.C_GETINFO, null))).isZero();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static Pkcs11.Function function(PKCS_11Function function) {
    return new Pkcs11.Function(function.value(), false);
  }

  private static ResponseBatchItem call(
      KmipTestClient client, PKCS_11Function function, @Nullable ByteString input)
      throws Exception {
    return client.call(
        Operation.PKCS_11,
        new Pkcs11.Request(null, function(function), null, input).encode(client.version()));
  }

  private static Pkcs11.Response ok(
      KmipTestClient client, PKCS_11Function function, @Nullable ByteString input)
      throws Exception {
    ResponseBatchItem item = call(client, function, input);
    assertThat(item.resultStatus())
        .as("%s: %s", function, item.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    Pkcs11.Response response =
        Pkcs11.Response.decode(Objects.requireNonNull(item.responsePayload()), client.version());
    assertThat(response.function()).isEqualTo(function(function));
    return response;
  }

  private static long returnCode(ResponseBatchItem item) {
    assertThat(item.resultStatus()).as(item.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Pkcs11.Response.decode(Objects.requireNonNull(item.responsePayload()), V2_1)
        .returnCode();
  }

  private static byte[] output(Pkcs11.Response response) {
    assertThat(response.returnCode()).isZero();
    return Objects.requireNonNull(response.outputParameters()).toByteArray();
  }

  private static String text(ByteBuffer in, int length) {
    byte[] field = new byte[length];
    in.get(field);
    return new String(field, StandardCharsets.UTF_8);
  }

  private static ByteString one(int value) {
    return ByteString.copyOf(new byte[] {(byte) value});
  }

  private static ByteString ulongs(long... values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * Long.BYTES);
    for (long value : values) {
      out.putLong(value);
    }
    return ByteString.copyOf(out.array());
  }

  private static List<Integer> queriedOperations(KmipTestClient client) throws Exception {
    TtlvStructure answer =
        client.ok(
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode());
    return answer.items().stream()
        .filter(item -> item.tag() == Tag.OPERATION.code())
        .map(item -> ((TtlvEnumeration) item).value())
        .toList();
  }
}

package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.AttestationType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.DelegatedLogin;
import io.arca.kmip.payload.Login;
import io.arca.kmip.payload.Logout;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.Ticket;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Login, Logout and Delegated Login tickets as credentials over real mutual TLS (2.0 on). */
class CredentialTicketsEndToEndTest extends CredentialsEndToEndBase {
  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void loginTicketServesUntilLogout(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("login-" + text);
    Ticket ticket = login(client, version, new Login.Request(null, null, null, null));
    TtlvStructure asTicket = ticket(ticket);
    assertThat(call(client, version, asTicket, Operation.QUERY, query()).resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    ResponseBatchItem out =
        call(
            client,
            version,
            asTicket,
            Operation.LOGOUT,
            new Logout.Request(ticket).encode(version));
    assertThat(out.resultStatus()).as(out.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    ResponseBatchItem after = call(client, version, asTicket, Operation.QUERY, query());
    assertRefused(after, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(after.resultMessage()).contains("unknown or was logged out");
    // Logging out again names a ticket that is no more.
    assertRefused(
        call(
            client,
            version,
            password("alice", ALICE_PASSWORD),
            Operation.LOGOUT,
            new Logout.Request(ticket).encode(version)),
        ResultReason.INVALID_TICKET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void ticketIsRefusedBeyondItsRequestCount(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("count-" + text);
    Ticket ticket = login(client, version, new Login.Request(null, null, 2L, null));
    for (int i = 0; i < 2; i++) {
      assertThat(call(client, version, ticket(ticket), Operation.QUERY, query()).resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
    }
    ResponseBatchItem third = call(client, version, ticket(ticket), Operation.QUERY, query());
    assertRefused(third, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(third.resultMessage()).contains("used up");
  }

  @Test
  void expiredTicketIsRefused() throws Exception {
    SSLContext client = client("expired");
    Ticket ticket = login(client, V21, new Login.Request(1L, null, null, null));
    Thread.sleep(2100); // the lease is whole seconds: wait past it
    ResponseBatchItem answer = call(client, V21, ticket(ticket), Operation.QUERY, query());
    assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(answer.resultMessage()).contains("expired");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void delegatedTicketAllowsOnlyItsRights(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("delegated-" + text);
    ResponseBatchItem issued =
        call(
            client,
            version,
            password("alice", ALICE_PASSWORD),
            Operation.DELEGATED_LOGIN,
            new DelegatedLogin.Request(
                    new Login.Request(null, null, null, null),
                    List.of(DelegatedLogin.Right.of(Operation.QUERY)))
                .encode(version));
    assertThat(issued.resultStatus()).as(issued.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    Ticket ticket =
        DelegatedLogin.Response.decode(Objects.requireNonNull(issued.responsePayload()), version)
            .ticket();
    assertThat(call(client, version, ticket(ticket), Operation.QUERY, query()).resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    assertRefused(
        call(client, version, ticket(ticket), Operation.CREATE, aesKey(version)),
        ResultReason.PERMISSION_DENIED);
    // Nor does a ticket make tickets.
    assertRefused(
        call(
            client,
            version,
            ticket(ticket),
            Operation.LOGIN,
            new Login.Request(null, null, null, null).encode(version)),
        ResultReason.PERMISSION_DENIED);
  }

  @Test
  void loginIsNoOperationOfKmip1() throws Exception {
    ResponseBatchItem answer =
        call(
            client("login-1.4"),
            ProtocolVersion.V1_4,
            password("alice", ALICE_PASSWORD),
            Operation.LOGIN,
            new Login.Request(null, null, null, null).encode(V21));
    assertRefused(answer, ResultReason.OPERATION_NOT_SUPPORTED);
  }

  @Test
  void queryListsTheSessionOperations() throws Exception {
    ResponseBatchItem answer =
        call(client("query"), V21, password("alice", ALICE_PASSWORD), Operation.QUERY, query());
    Query.Response response =
        Query.Response.decode(Objects.requireNonNull(answer.responsePayload()));
    assertThat(response.operations())
        .contains(
            Operation.LOGIN.value(), Operation.LOGOUT.value(), Operation.DELEGATED_LOGIN.value());
    ResponseBatchItem types =
        call(
            client("query-attestation"),
            V21,
            password("alice", ALICE_PASSWORD),
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_ATTESTATION_TYPES.value())).encode());
    assertThat(
            Query.Response.decode(Objects.requireNonNull(types.responsePayload()))
                .attestationTypes())
        .containsExactly(AttestationType.TPM_QUOTE.value());
  }

  // ---- The failure limit ------------------------------------------------------------------------

}

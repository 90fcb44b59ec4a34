package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.EndpointRole;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.SetEndpointRole;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Quantum Safe profile's server side over mutual TLS: a key asked to be Quantum Safe is made
 * only when it is (a symmetric key of 256 bits or more), otherwise nothing is stored and the answer
 * is General Failure NOT_SAFE; Set Endpoint Role keeps Arca a server and refuses to make it a
 * client; both are KMIP 2.x operations, Operation Not Supported in 1.x and listed by Query exactly
 * where served.
 */
class QuantumSafeEndToEndTest {
  @TempDir static java.nio.file.Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Client(SSLSocket socket, ProtocolVersion version) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      socket.close();
    }

    ResponseBatchItem send(Operation operation, TtlvStructure payload) throws IOException {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(version),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      return TestClients.exchange(socket, request).batchItems().get(0);
    }
  }

  private static Client connect(ProtocolVersion version) throws IOException {
    return new Client(TestClients.connect(admin, server.port()), version);
  }

  private static Attributes key(
      CryptographicAlgorithm algorithm, int bits, boolean quantumSafe, String name) {
    return new Attributes(
        List.of(
            Attribute.of(
                new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())),
            Attribute.of(new TtlvBoolean(Tag.QUANTUM_SAFE.code(), quantumSafe)),
            TestAttributes.name(name)),
        List.of());
  }

  private static ResponseBatchItem create(Client client, Attributes attributes) throws IOException {
    return client.send(
        Operation.CREATE,
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(client.version()));
  }

  private static int located(Client client, String name) throws IOException {
    ResponseBatchItem found =
        client.send(
            Operation.LOCATE,
            Locate.Request.of(new Attributes(List.of(TestAttributes.name(name)), List.of()))
                .encode(client.version()));
    assertThat(found.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    return Locate.Response.decode(Objects.requireNonNull(found.responsePayload()), client.version())
        .uniqueIdentifiers()
        .size();
  }

  @Test
  void aKeyAskedToBeQuantumSafeIsMadeOnlyWhenItIs() throws Exception {
    try (Client client = connect(ProtocolVersion.V2_1)) {
      ResponseBatchItem aes128 =
          create(client, key(CryptographicAlgorithm.AES, 128, true, "qs-aes-128"));
      assertThat(aes128.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(aes128.resultReason()).isEqualTo(ResultReason.GENERAL_FAILURE.value());
      assertThat(aes128.resultMessage()).startsWith("NOT_SAFE").contains("AES-128");
      assertThat(located(client, "qs-aes-128")).isZero();

      ResponseBatchItem aes256 =
          create(client, key(CryptographicAlgorithm.AES, 256, true, "qs-aes-256"));
      assertThat(aes256.resultStatus()).as(aes256.resultMessage()).isEqualTo(ResultStatus.SUCCESS);

      // Without Quantum Safe the client asked for nothing of the kind.
      ResponseBatchItem plain =
          create(client, key(CryptographicAlgorithm.AES, 128, false, "qs-not-asked"));
      assertThat(plain.resultStatus()).as(plain.resultMessage()).isEqualTo(ResultStatus.SUCCESS);

      Attributes rsa =
          new Attributes(
              List.of(
                  Attribute.of(
                      new TtlvEnumeration(
                          Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
                  Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048)),
                  Attribute.of(new TtlvBoolean(Tag.QUANTUM_SAFE.code(), true))),
              List.of());
      ResponseBatchItem pair =
          client.send(
              Operation.CREATE_KEY_PAIR,
              new CreateKeyPair.Request(rsa, null, null, CreateKeyPair.KeyPairMasks.NONE)
                  .encode(client.version()));
      assertThat(pair.resultReason()).isEqualTo(ResultReason.GENERAL_FAILURE.value());
      assertThat(pair.resultMessage()).startsWith("NOT_SAFE");
    }
  }

  @Test
  void setEndpointRoleKeepsArcaAServer() throws Exception {
    try (Client client = connect(ProtocolVersion.V2_1)) {
      ResponseBatchItem kept =
          client.send(
              Operation.SET_ENDPOINT_ROLE,
              new SetEndpointRole.Request(EndpointRole.SERVER.value())
                  .encode(ProtocolVersion.V2_1));
      assertThat(kept.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(
              SetEndpointRole.Response.decode(
                      Objects.requireNonNull(kept.responsePayload()), ProtocolVersion.V2_1)
                  .endpointRole())
          .isEqualTo(EndpointRole.SERVER.value());

      ResponseBatchItem reversed =
          client.send(
              Operation.SET_ENDPOINT_ROLE,
              new SetEndpointRole.Request(EndpointRole.CLIENT.value())
                  .encode(ProtocolVersion.V2_1));
      assertThat(reversed.resultReason()).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());

      ResponseBatchItem undefined =
          client.send(
              Operation.SET_ENDPOINT_ROLE,
              new SetEndpointRole.Request(7).encode(ProtocolVersion.V2_1));
      assertThat(undefined.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());

      // The connection still serves requests as before.
      assertThat(
              create(client, key(CryptographicAlgorithm.AES, 256, false, "after-role"))
                  .resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.4", "2.0", "2.1"})
  void setEndpointRoleIsServedAndListedExactlyInKmip2(String v) throws Exception {
    ProtocolVersion version = VersionedClient.version(v);
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    try (Client client = connect(version)) {
      ResponseBatchItem query =
          client.send(
              Operation.QUERY,
              new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode());
      assertThat(
              Query.Response.decode(Objects.requireNonNull(query.responsePayload())).operations())
          .as(v)
          .matches(ops -> ops.contains(Operation.SET_ENDPOINT_ROLE.value()) == v2);
      ResponseBatchItem role =
          client.send(
              Operation.SET_ENDPOINT_ROLE,
              new SetEndpointRole.Request(EndpointRole.SERVER.value())
                  .encode(ProtocolVersion.V2_1));
      assertThat(role.resultStatus())
          .as(v)
          .isEqualTo(v2 ? ResultStatus.SUCCESS : ResultStatus.OPERATION_FAILED);
      if (!v2) {
        assertThat(role.resultReason()).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
      }
    }
  }
}

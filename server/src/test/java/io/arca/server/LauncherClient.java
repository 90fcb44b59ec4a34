package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.transport.TestClients;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A KMIP client of a server the launcher started in development mode: registers AES keys of known
 * bytes and reads them back, as the admin of that server's development PKI.
 */
final class LauncherClient {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  private final SSLContext context;
  private final int port;

  LauncherClient(Path dataDir, int port) throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dataDir.resolve("pki"));
    this.context = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    this.port = port;
  }

  /** Registers {@code count} random AES-128 keys; their identifiers and bytes. */
  Map<String, ByteString> register(int count) throws Exception {
    SecureRandom random = new SecureRandom();
    Map<String, ByteString> keys = new LinkedHashMap<>();
    try (SSLSocket socket = TestClients.connect(context, port)) {
      for (int i = 0; i < count; i++) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        ByteString key = ByteString.copyOf(bytes);
        SymmetricKey object =
            new SymmetricKey(
                KeyBlock.of(
                    KeyFormatType.RAW.value(),
                    KeyValue.Plain.of(new KeyMaterial.Bytes(key)),
                    CryptographicAlgorithm.AES.value(),
                    128));
        TtlvStructure answer =
            call(
                socket,
                Operation.REGISTER,
                Register.Request.of(object, Attributes.EMPTY).encode(V));
        keys.put(Register.Response.decode(answer, V).uniqueIdentifier(), key);
      }
    }
    return keys;
  }

  /** Asserts that every key reads back with its bytes. */
  void assertReadable(Map<String, ByteString> keys) throws Exception {
    try (SSLSocket socket = TestClients.connect(context, port)) {
      for (Map.Entry<String, ByteString> key : keys.entrySet()) {
        Get.Response got =
            Get.Response.decode(
                call(socket, Operation.GET, Get.Request.of(key.getKey()).encode(V)), V);
        KeyBlock block = Objects.requireNonNull(got.object().keyBlock());
        assertThat(((KeyValue.Plain) Objects.requireNonNull(block.keyValue())).keyMaterial())
            .as("key %s", key.getKey())
            .isEqualTo(new KeyMaterial.Bytes(key.getValue()));
      }
    }
  }

  private static TtlvStructure call(SSLSocket socket, Operation operation, TtlvStructure payload)
      throws Exception {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    ResponseBatchItem item = TestClients.exchange(socket, request).batchItems().get(0);
    assertThat(item.resultStatus()).as(item.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(item.responsePayload());
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.util.Arrays;

/**
 * MAC (KMIP 1.4 §4.33, 2.1 §6.1.29): an HMAC or CMAC of data with a symmetric key whose usage mask
 * allows MAC Generate. The data may come in parts (Init Indicator, Correlation Value, Final
 * Indicator); the MAC is answered with the last.
 */
public final class MacHandler implements OperationHandler {
  private final ObjectAccess objects;
  private final CryptoStreams streams;

  /** A handler computing MACs with the keys of {@code objects}. */
  public MacHandler(ObjectAccess objects, CryptoStreams streams) {
    this.objects = objects;
    this.streams = streams;
  }

  @Override
  public Operation operation() {
    return Operation.MAC;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Mac.Request request = Mac.Request.decode(requestPayload, version);
    boolean streaming =
        SymmetricCrypto.streaming(
            request.correlationValue(), request.initIndicator(), request.finalIndicator());
    byte[] data = MacKeys.data(request.data(), streaming);
    try {
      ByteString correlation = request.correlationValue();
      if (correlation == null) {
        MacKeys.Checked checked =
            MacKeys.check(
                objects,
                request.uniqueIdentifier(),
                request.parameters(),
                true,
                data.length,
                context);
        String uid = checked.key().uid();
        if (!streaming) {
          return response(uid, MacKeys.compute(objects, checked, data, context), version);
        }
        MacKeys.MacStream stream = MacKeys.start(objects, checked, context);
        stream.mac().update(data);
        return new Mac.Response(uid, null, streams.open(context, Operation.MAC, stream))
            .encode(version);
      }
      MacKeys.MacStream stream =
          streams.claim(context, Operation.MAC, correlation, MacKeys.MacStream.class);
      boolean last = Boolean.TRUE.equals(request.finalIndicator());
      byte[] mac = null;
      try {
        MacKeys.sameKey(request.uniqueIdentifier(), stream.uid());
        MacKeys.check(objects, stream.uid(), request.parameters(), true, data.length, context);
        stream.mac().update(data);
        if (last) {
          mac = stream.mac().finish();
        }
      } catch (RuntimeException e) {
        stream.close();
        throw e;
      }
      if (mac != null) {
        stream.close();
        return response(stream.uid(), mac, version);
      }
      streams.release(context, Operation.MAC, correlation, stream);
      return new Mac.Response(stream.uid(), null, correlation).encode(version);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  private static TtlvStructure response(String uid, byte[] mac, ProtocolVersion version) {
    return new Mac.Response(uid, ByteString.copyOf(mac), null).encode(version);
  }
}

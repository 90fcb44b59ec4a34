package io.arca.server.op;

import io.arca.kmip.AdjustmentType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AdjustAttribute;
import io.arca.kmip.payload.CreateSplitKey;
import io.arca.kmip.payload.JoinSplitKey;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The requests {@link AuthorizationMatrixTest} sends for Adjust Attribute, Create Split Key and
 * Join Split Key, and the split whose parts Join is asked to join: made by alice through the real
 * batch processor, like the matrix's own objects.
 */
final class SplitAndAdjustMatrixRows {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  private final CryptoMatrixRows.Batch batch;

  SplitAndAdjustMatrixRows(CryptoMatrixRows.Batch batch) {
    this.batch = batch;
  }

  /** Adds the three rows; {@code secondPart} names the part that the first one links to. */
  void addRows(
      Map<Operation, Function<String, TtlvStructure>> requests, UnaryOperator<String> secondPart) {
    requests.put(
        Operation.ADJUST_ATTRIBUTE,
        uid ->
            new AdjustAttribute.Request(
                    uid,
                    AttributeReference.tag(Tag.PROTECTION_PERIOD.code()),
                    AdjustmentType.INCREMENT.value(),
                    new TtlvInterval(Tag.ADJUSTMENT_VALUE.code(), 60))
                .encode(V));
    requests.put(
        Operation.CREATE_SPLIT_KEY,
        uid ->
            new CreateSplitKey.Request(
                    ObjectType.SPLIT_KEY.value(),
                    uid,
                    2,
                    2,
                    SplitKeyMethod.XOR.value(),
                    null,
                    Attributes.EMPTY,
                    List.of())
                .encode(V));
    requests.put(
        Operation.JOIN_SPLIT_KEY,
        uid ->
            new JoinSplitKey.Request(
                    ObjectType.SYMMETRIC_KEY.value(),
                    List.of(uid, secondPart.apply(uid)),
                    null,
                    Attributes.EMPTY,
                    List.of())
                .encode(V));
  }

  /** Part 1 of a new AES key of alice's split in two by XOR; its only link names part 2. */
  String splitPart() {
    Attributes aes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    TtlvStructure request =
        new CreateSplitKey.Request(
                ObjectType.SPLIT_KEY.value(),
                null,
                2,
                2,
                SplitKeyMethod.XOR.value(),
                null,
                aes,
                List.of())
            .encode(V);
    ResponseBatchItem made = batch.of("alice", Operation.CREATE_SPLIT_KEY, request);
    return CreateSplitKey.Response.decode(Objects.requireNonNull(made.responsePayload()), V)
        .uniqueIdentifiers()
        .get(0);
  }
}

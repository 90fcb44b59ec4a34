package io.arca.server.audit;

import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.persistence.AuditEntry;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an audit record says of a batch item, taken from the item and its answer without knowing the
 * operation: the identifier fields at the top of the request and response payloads (Unique
 * Identifier and the key pair's two), or the ID Placeholder the item used. Nothing else of the
 * payloads is read, so no key material, data or password can reach the log.
 */
public final class AuditEntries {
  /** Identifiers listed per record at most (a Locate may answer thousands). */
  static final int MAX_IDS = 16;

  private static final Set<Integer> ID_TAGS =
      Set.of(
          Tag.UNIQUE_IDENTIFIER.code(),
          Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER.code(),
          Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER.code());

  private AuditEntries() {}

  /**
   * The entry for one answered item.
   *
   * @param placeholder the ID Placeholder when the item started, used when it named no object
   */
  public static AuditEntry of(
      Instant now,
      String user,
      String clientAddress,
      RequestBatchItem item,
      ResponseBatchItem answer,
      @Nullable String placeholder) {
    Set<String> ids = new LinkedHashSet<>();
    int[] more = {0};
    collect(item.requestPayload(), ids, more);
    if (ids.isEmpty() && placeholder != null) {
      ids.add(placeholder);
    }
    collect(answer.responsePayload(), ids, more);
    String listed = String.join(" ", ids) + (more[0] > 0 ? " +" + more[0] + " more" : "");
    Operation operation = Operation.byValue(item.operation());
    Integer reason = answer.resultReason();
    ResultReason resultReason = reason == null ? null : ResultReason.byValue(reason);
    return new AuditEntry(
        now.toEpochMilli(),
        user,
        clientAddress,
        operation == null ? hex(item.operation()) : operation.xmlName(),
        listed.strip(),
        answer.resultStatus().xmlName(),
        reason == null ? null : resultReason == null ? hex(reason) : resultReason.xmlName());
  }

  private static void collect(@Nullable TtlvStructure payload, Set<String> ids, int[] more) {
    if (payload == null) {
      return;
    }
    for (Ttlv field : payload.items()) {
      if (ID_TAGS.contains(field.tag()) && field instanceof TtlvTextString text) {
        if (ids.size() < MAX_IDS || ids.contains(text.value())) {
          ids.add(text.value());
        } else {
          more[0]++;
        }
      }
    }
  }

  private static String hex(int value) {
    return String.format("0x%08X", value);
  }
}

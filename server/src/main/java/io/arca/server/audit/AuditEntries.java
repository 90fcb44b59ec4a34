package io.arca.server.audit;

import io.arca.kmip.Operation;
import io.arca.kmip.PKCS_11Function;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.persistence.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an audit record says of a batch item, taken from the item and its answer without knowing the
 * operation: the identifier fields at the top of the request and response payloads (Unique
 * Identifier and the key pair's two), or the ID Placeholder the item used, and for the PKCS#11
 * operation the function asked for (an enumeration, so that a refused C_Finalize says so). Nothing
 * else of the payloads is read, so no key material, data, PIN or password can reach the log.
 */
public final class AuditEntries {
  /** Identifiers listed per record at most (a Locate may answer thousands). */
  static final int MAX_IDS = 16;

  /**
   * Characters of a field kept as they are; a longer one keeps this many and then a digest of the
   * whole, so a record grows by a bounded amount whatever the client sends and still names what it
   * sent.
   */
  static final int MAX_FIELD = 64;

  private static final int UNIQUE_IDENTIFIER = Tag.UNIQUE_IDENTIFIER.code();
  private static final int PRIVATE_KEY_UNIQUE_IDENTIFIER = Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER.code();
  private static final int PUBLIC_KEY_UNIQUE_IDENTIFIER = Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER.code();

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
    // At most MAX_IDS, each once, in order: a list's linear look-up beats a hash set's at that
    // size,
    // and this runs for every answered item.
    List<String> ids = new ArrayList<>(2);
    int[] more = {0};
    collect(item.requestPayload(), ids, more);
    if (ids.isEmpty() && placeholder != null) {
      ids.add(placeholder);
    }
    collect(answer.responsePayload(), ids, more);
    String listed =
        more[0] > 0
            ? String.join(" ", ids) + " +" + more[0] + " more"
            : switch (ids.size()) {
              case 0 -> "";
              case 1 -> ids.get(0);
              default -> String.join(" ", ids);
            };
    Operation operation = Operation.byValue(item.operation());
    Integer reason = answer.resultReason();
    ResultReason resultReason = reason == null ? null : ResultReason.byValue(reason);
    return new AuditEntry(
        now.toEpochMilli(),
        bounded(user),
        bounded(clientAddress),
        operation == null ? hex(item.operation()) : described(operation, item.requestPayload()),
        listed.strip(),
        answer.resultStatus().xmlName(),
        reason == null ? null : resultReason == null ? hex(reason) : resultReason.xmlName());
  }

  /** The operation's name; the PKCS#11 operation's is followed by the function's. */
  private static String described(Operation operation, @Nullable TtlvStructure request) {
    if (operation != Operation.PKCS_11 || request == null) {
      return operation.xmlName();
    }
    for (Ttlv field : request.items()) {
      if (field.tag() == Tag.PKCS_11_FUNCTION.code()) {
        return operation.xmlName() + " " + function(field);
      }
    }
    return operation.xmlName();
  }

  private static String function(Ttlv field) {
    if (field instanceof TtlvEnumeration standard) {
      PKCS_11Function function = PKCS_11Function.byValue(standard.value());
      return function == null ? hex(standard.value()) : function.xmlName();
    }
    return field instanceof TtlvInteger vendor ? "vendor " + hex(vendor.value()) : "?";
  }

  private static void collect(@Nullable TtlvStructure payload, List<String> ids, int[] more) {
    if (payload == null) {
      return;
    }
    for (Ttlv field : payload.items()) {
      if (isIdentifier(field.tag()) && field instanceof TtlvTextString text) {
        String id = bounded(text.value());
        if (ids.contains(id)) {
          continue;
        }
        if (ids.size() < MAX_IDS) {
          ids.add(id);
        } else {
          more[0]++;
        }
      }
    }
  }

  /**
   * The field itself when it is at most {@link #MAX_FIELD} characters, else its first {@code
   * MAX_FIELD} characters, {@code …sha256:} and the SHA-256 of the whole field's UTF-8 (at most 136
   * characters).
   */
  static String bounded(String field) {
    if (field.length() <= MAX_FIELD) {
      return field;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(field.getBytes(StandardCharsets.UTF_8));
      int cut = Character.isHighSurrogate(field.charAt(MAX_FIELD - 1)) ? MAX_FIELD - 1 : MAX_FIELD;
      return field.substring(0, cut) + "\u2026sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean isIdentifier(int tag) {
    return tag == UNIQUE_IDENTIFIER
        || tag == PRIVATE_KEY_UNIQUE_IDENTIFIER
        || tag == PUBLIC_KEY_UNIQUE_IDENTIFIER;
  }

  private static String hex(int value) {
    return String.format("0x%08X", value);
  }
}

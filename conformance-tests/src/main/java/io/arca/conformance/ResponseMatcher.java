package io.arca.conformance;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares a server's response with the one a test-case file expects: exactly, apart from the
 * {@link Relaxation}s. Binds the placeholders of the expected response to what the server sent.
 */
final class ResponseMatcher {
  private static final Set<Integer> OPTIONAL =
      Set.of(Tag.SERVER_CORRELATION_VALUE.code(), Tag.RESULT_MESSAGE.code());

  private static final TtlvInteger INDEX_ZERO = new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), 0);

  private final Bindings bindings;
  private final Set<String> generated;
  private final Instant now;
  private final @Nullable TtlvStructure request;
  private final RsaKeyRing rsaKeys;

  /**
   * @param bindings the case's placeholders, bound as the response is read
   * @param generated the identifiers of objects the server created so far (grown here)
   * @param now when the request was sent
   * @param request the request as sent, for the context of each batch item
   * @param rsaKeys the RSA private keys that check an RSA Encrypt's output
   */
  ResponseMatcher(
      Bindings bindings,
      Set<String> generated,
      Instant now,
      @Nullable TtlvStructure request,
      RsaKeyRing rsaKeys) {
    this.bindings = bindings;
    this.generated = generated;
    this.now = now;
    this.request = request;
    this.rsaKeys = rsaKeys;
  }

  /** A matcher without RSA keys: an RSA Encrypt's output must then match exactly. */
  ResponseMatcher(
      Bindings bindings, Set<String> generated, Instant now, @Nullable TtlvStructure request) {
    this(bindings, generated, now, request, RsaKeyRing.EMPTY);
  }

  /**
   * What a batch item's comparison may relax, found from its operation and request; {@code
   * plaintext} is the Data an Encrypt or Sign request sent.
   */
  private record Scope(
      int operation,
      boolean generatedKey,
      boolean outputVaries,
      boolean inKey,
      @Nullable TtlvByteString plaintext) {
    static final Scope NONE = new Scope(-1, false, false, false, null);

    Scope inKeyValue() {
      return new Scope(operation, generatedKey, outputVaries, true, plaintext);
    }
  }

  /** The first difference between the expected and the actual response, or null if they match. */
  @Nullable Difference compare(Ttlv expected, Ttlv actual) {
    // First, so that a Get batched after a Create in the same message sees the created object.
    rememberGenerated(actual);
    return compare(expected, actual, Difference.tagName(expected.tag()), null, Scope.NONE);
  }

  private @Nullable Difference compare(
      Ttlv expected, Ttlv actual, String path, @Nullable TtlvStructure parent, Scope scope) {
    if (expected.tag() != actual.tag() || expected.type() != actual.type()) {
      return new Difference(path, Difference.describe(expected), Difference.describe(actual));
    }
    if (expected instanceof TtlvStructure e && actual instanceof TtlvStructure a) {
      if (e.tag() == Tag.SERVER_INFORMATION.code()
          && scope.operation() == Operation.QUERY.value()) {
        return null; // Relaxation.SERVER_VENDOR
      }
      if (isRandomNumberGenerator(e, parent)) { // Relaxation.SERVER_RNG
        return a.first(Tag.RNG_ALGORITHM.code()) != null
            ? null
            : new Difference(path, Difference.describe(expected), Difference.describe(actual));
      }
      return compareStructures(e, a, path, scope);
    }
    if (relaxed(expected, actual, parent, scope)) {
      return null;
    }
    return expected.equals(actual)
        ? null
        : new Difference(path, Difference.describe(expected), Difference.describe(actual));
  }

  private boolean relaxed(Ttlv expected, Ttlv actual, @Nullable TtlvStructure parent, Scope scope) {
    int tag = expected.tag();
    String name = Bindings.placeholder(expected);
    if (name != null) { // Relaxation.PLACEHOLDER
      Ttlv bound = bindings.get(name);
      if (expected instanceof TtlvTextString && bound != null) {
        return bound instanceof TtlvTextString b
            && b.value().equals(((TtlvTextString) actual).value());
      }
      bindings.bind(name, actual);
      return true;
    }
    if (expected instanceof TtlvDateTime e && actual instanceof TtlvDateTime a) {
      if (Relaxation.SERVER_CLOCK_TAGS.contains(tag) || isServerClockAttribute(tag, parent)) {
        return near(a, now);
      }
      if (isOperationClockDate(tag, parent) && !bindings.sent(e) && Bindings.nowOffset(e) == null) {
        return near(a, now); // Relaxation.OPERATION_CLOCK
      }
      Long offset = Bindings.nowOffset(e); // Relaxation.NOW_RELATIVE_DATE
      return offset != null && near(a, now.plusSeconds(offset));
    }
    if (tag == Tag.SERVER_CORRELATION_VALUE.code()
        || tag == Tag.RESULT_MESSAGE.code()
        || (tag == Tag.VENDOR_IDENTIFICATION.code()
            && scope.operation() == Operation.QUERY.value())) {
      return true;
    }
    if (tag == Tag.IV_COUNTER_NONCE.code()
        || (tag == Tag.DATA.code() && scope.operation() == Operation.RNG_RETRIEVE.value())) {
      return sameSize(expected, actual); // Relaxation.RANDOM_VALUE
    }
    if (scope.inKey() && scope.generatedKey()) { // Relaxation.SERVER_GENERATED_KEY
      return expected instanceof TtlvBigInteger || sameSize(expected, actual);
    }
    if (tag == Tag.DIGEST_VALUE.code() && scope.generatedKey()) { // SERVER_GENERATED_KEY
      return sameSize(expected, actual);
    }
    if (scope.outputVaries() && Relaxation.OUTPUT_TAGS.contains(tag)) {
      if (expected instanceof TtlvByteString e && actual instanceof TtlvByteString a) {
        bindings.rememberOutput(e, a);
      }
      return true;
    }
    if (tag == Tag.SIGNATURE_DATA.code() // Relaxation.VERIFIED_PSS_SIGNATURE
        && scope.operation() == Operation.SIGN.value()
        && scope.plaintext() != null
        && sameSize(expected, actual)) {
      return rsaKeys.verifiesPss(
          ((TtlvByteString) actual).value().toByteArray(), scope.plaintext().value().toByteArray());
    }
    // Relaxation.VERIFIED_RSA_CIPHERTEXT
    return tag == Tag.DATA.code()
        && scope.operation() == Operation.ENCRYPT.value()
        && scope.plaintext() != null
        && expected instanceof TtlvByteString e
        && actual instanceof TtlvByteString a
        && e.value().length() == a.value().length()
        && rsaKeys.bothDecryptTo(
            e.value().toByteArray(),
            a.value().toByteArray(),
            scope.plaintext().value().toByteArray());
  }

  private static boolean isServerClockAttribute(int tag, @Nullable TtlvStructure parent) {
    if (tag != Tag.ATTRIBUTE_VALUE.code() || parent == null) {
      return false;
    }
    return parent.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString attributeName
        && Relaxation.SERVER_CLOCK_ATTRIBUTES.contains(attributeName.value());
  }

  /** A Random Number Generator attribute, as a 2.x attribute or a 1.x Attribute Value. */
  private static boolean isRandomNumberGenerator(
      TtlvStructure expected, @Nullable TtlvStructure parent) {
    if (expected.tag() == Tag.RANDOM_NUMBER_GENERATOR.code()) {
      return true;
    }
    return expected.tag() == Tag.ATTRIBUTE_VALUE.code()
        && parent != null
        && parent.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString attributeName
        && attributeName.value().equals("Random Number Generator");
  }

  private static boolean isOperationClockDate(int tag, @Nullable TtlvStructure parent) {
    if (Relaxation.OPERATION_CLOCK_TAGS.contains(tag)) {
      return true;
    }
    return tag == Tag.ATTRIBUTE_VALUE.code()
        && parent != null
        && parent.first(Tag.ATTRIBUTE_NAME.code()) instanceof TtlvTextString attributeName
        && Relaxation.OPERATION_CLOCK_ATTRIBUTES.contains(attributeName.value());
  }

  private static boolean near(TtlvDateTime actual, Instant expected) {
    long seconds = Math.abs(actual.epochSeconds() - expected.getEpochSecond());
    return seconds <= Relaxation.CLOCK_TOLERANCE.toSeconds();
  }

  private static boolean sameSize(Ttlv expected, Ttlv actual) {
    return expected instanceof TtlvByteString e
        && actual instanceof TtlvByteString a
        && e.value().length() == a.value().length();
  }

  private @Nullable Difference compareStructures(
      TtlvStructure expected, TtlvStructure actual, String path, Scope scope) {
    int tag = expected.tag();
    if (tag == Tag.KEY_VALUE.code()) {
      scope = scope.inKeyValue();
    }
    if (tag == Tag.RESPONSE_PAYLOAD.code()) {
      scope = payloadScope(scope, actual);
    }
    if (tag == Tag.ATTRIBUTE.code()) { // Relaxation.IMPLIED_ATTRIBUTE_INDEX
      expected = withoutIndexZero(expected);
      actual = withoutIndexZero(actual);
    }
    boolean unordered =
        tag == Tag.ATTRIBUTES.code()
            || (tag == Tag.RESPONSE_PAYLOAD.code()
                && Relaxation.UNORDERED_PAYLOADS.contains(scope.operation()));
    return unordered
        ? compareUnordered(expected, actual, path, scope)
        : compareInOrder(expected, actual, path, scope);
  }

  private static TtlvStructure withoutIndexZero(TtlvStructure attribute) {
    List<Ttlv> items = new ArrayList<>(attribute.items());
    boolean removed =
        items.removeIf(item -> item.tag() == Tag.ATTRIBUTE_INDEX.code() && item.equals(INDEX_ZERO));
    return removed ? new TtlvStructure(attribute.tag(), items) : attribute;
  }

  private @Nullable Difference compareInOrder(
      TtlvStructure expected, TtlvStructure actual, String path, Scope scope) {
    List<Ttlv> e = expected.items();
    List<Ttlv> a = actual.items();
    int batchIndex = 0;
    int j = 0;
    for (int i = 0; i < e.size() || j < a.size(); i++, j++) {
      Ttlv expectedChild = i < e.size() ? e.get(i) : null;
      Ttlv actualChild = j < a.size() ? a.get(j) : null;
      // Relaxation.SERVER_CORRELATION_VALUE and RESULT_MESSAGE: optional, the server's choice.
      if (expectedChild != null
          && OPTIONAL.contains(expectedChild.tag())
          && (actualChild == null || actualChild.tag() != expectedChild.tag())) {
        j--;
        continue;
      }
      if (actualChild != null
          && OPTIONAL.contains(actualChild.tag())
          && (expectedChild == null || actualChild.tag() != expectedChild.tag())) {
        i--;
        continue;
      }
      if (expectedChild == null || actualChild == null) {
        Ttlv present = expectedChild != null ? expectedChild : a.get(j);
        return new Difference(
            path + "/" + Difference.tagName(present.tag()),
            Difference.describe(expectedChild),
            Difference.describe(actualChild));
      }
      String childPath = path + "/" + Difference.tagName(expectedChild.tag());
      Scope childScope = scope;
      if (expectedChild.tag() == Tag.BATCH_ITEM.code()
          && expectedChild instanceof TtlvStructure item) {
        childPath += "[" + batchIndex + "]";
        childScope = batchScope(item, actualChild, batchIndex++);
      }
      Difference difference = compare(expectedChild, actualChild, childPath, expected, childScope);
      if (difference != null) {
        return difference;
      }
    }
    return null;
  }

  private @Nullable Difference compareUnordered(
      TtlvStructure expected, TtlvStructure actual, String path, Scope scope) {
    List<Ttlv> unused = new ArrayList<>(actual.items());
    for (Ttlv expectedChild : expected.items()) {
      String childPath = path + "/" + Difference.tagName(expectedChild.tag());
      Difference firstDifference = null;
      boolean found = false;
      for (int j = 0; j < unused.size() && !found; j++) {
        Map<String, Ttlv> before = bindings.snapshot();
        Difference difference = compare(expectedChild, unused.get(j), childPath, expected, scope);
        if (difference == null) {
          unused.remove(j);
          found = true;
        } else {
          bindings.restore(before);
          if (firstDifference == null
              && expectedChild instanceof TtlvStructure
              && unused.get(j).tag() == expectedChild.tag()) {
            firstDifference = difference;
          }
        }
      }
      if (!found) {
        return firstDifference != null
            ? firstDifference
            : new Difference(
                childPath, Difference.describe(expectedChild), "no such item, in any order");
      }
    }
    if (scope.operation() == Operation.QUERY.value()) { // Relaxation.SERVER_VENDOR
      unused.removeIf(
          extra -> extra.tag() == Tag.OPERATION.code() || extra.tag() == Tag.OBJECT_TYPE.code());
    }
    if (!unused.isEmpty()) {
      Ttlv extra = unused.get(0);
      return new Difference(
          path + "/" + Difference.tagName(extra.tag()), "nothing", Difference.describe(extra));
    }
    return null;
  }

  private Scope batchScope(TtlvStructure expectedItem, Ttlv actualItem, int index) {
    int operation =
        expectedItem.first(Tag.OPERATION.code()) instanceof TtlvEnumeration op ? op.value() : -1;
    TtlvStructure requestPayload = null;
    if (request != null) {
      List<Ttlv> items = request.all(Tag.BATCH_ITEM.code());
      if (index < items.size()
          && items.get(index) instanceof TtlvStructure item
          && item.first(Tag.REQUEST_PAYLOAD.code()) instanceof TtlvStructure payload) {
        requestPayload = payload;
      }
    }
    boolean outputVaries = false;
    if (Relaxation.OUTPUT_OPERATIONS.contains(operation)) {
      // The key: named in the request, or (ID Placeholder) named by the response payload.
      String key = textOf(requestPayload, Tag.UNIQUE_IDENTIFIER.code());
      if (key == null
          && actualItem instanceof TtlvStructure item
          && item.first(Tag.RESPONSE_PAYLOAD.code()) instanceof TtlvStructure payload) {
        key = textOf(payload, Tag.UNIQUE_IDENTIFIER.code());
      }
      boolean serverKey = key == null || generated.contains(key);
      // The server chose the IV only if the client sent none and the server returned one: RSA
      // and ECB take no IV, and their output is checked (or must match) without this.
      boolean serverIv =
          operation == Operation.ENCRYPT.value()
              && (requestPayload == null
                  || (requestPayload.first(Tag.IV_COUNTER_NONCE.code()) == null
                      && !asksForEcb(requestPayload)))
              && actualItem instanceof TtlvStructure item
              && item.first(Tag.RESPONSE_PAYLOAD.code()) instanceof TtlvStructure payload
              && payload.first(Tag.IV_COUNTER_NONCE.code()) != null;
      outputVaries = serverKey || serverIv;
    }
    String decryptKey =
        operation == Operation.DECRYPT.value()
            ? textOf(requestPayload, Tag.UNIQUE_IDENTIFIER.code())
            : null;
    if (decryptKey != null
        && requestPayload != null
        && generated.contains(decryptKey)
        && requestPayload.first(Tag.DATA.code()) instanceof TtlvByteString ciphertext
        && !bindings.isServerOutput(ciphertext.value())) {
      // A literal ciphertext decrypted under a key the server generated (CS-BC-M-2): the result is
      // that key's doing. A ciphertext the server itself produced must still decrypt exactly.
      outputVaries = true;
    }
    TtlvByteString plaintext =
        (operation == Operation.ENCRYPT.value() || operation == Operation.SIGN.value())
                && requestPayload != null
                && requestPayload.first(Tag.DATA.code()) instanceof TtlvByteString data
            ? data
            : null;
    return new Scope(operation, false, outputVaries, false, plaintext);
  }

  /** ECB takes no IV, so an Encrypt that asks for it leaves the server nothing to choose. */
  private static boolean asksForEcb(TtlvStructure requestPayload) {
    return requestPayload.first(Tag.CRYPTOGRAPHIC_PARAMETERS.code()) instanceof TtlvStructure p
        && p.first(Tag.BLOCK_CIPHER_MODE.code()) instanceof TtlvEnumeration mode
        && mode.value() == BlockCipherMode.ECB.value();
  }

  private static @Nullable String textOf(@Nullable TtlvStructure structure, int tag) {
    return structure != null && structure.first(tag) instanceof TtlvTextString text
        ? text.value()
        : null;
  }

  private Scope payloadScope(Scope scope, TtlvStructure actualPayload) {
    boolean generatedKey =
        actualPayload.first(Tag.UNIQUE_IDENTIFIER.code()) instanceof TtlvTextString id
            && generated.contains(id.value());
    return new Scope(
        scope.operation(), generatedKey, scope.outputVaries(), scope.inKey(), scope.plaintext());
  }

  /** Remembers the objects a response says the server created. */
  private void rememberGenerated(Ttlv response) {
    if (!(response instanceof TtlvStructure message)) {
      return;
    }
    for (Ttlv item : message.all(Tag.BATCH_ITEM.code())) {
      if (item instanceof TtlvStructure batchItem
          && batchItem.first(Tag.OPERATION.code()) instanceof TtlvEnumeration op
          && Relaxation.GENERATING_OPERATIONS.contains(op.value())
          && batchItem.first(Tag.RESPONSE_PAYLOAD.code()) instanceof TtlvStructure payload) {
        for (Ttlv child : payload.items()) {
          if (child instanceof TtlvTextString id) {
            generated.add(id.value());
          }
        }
      }
    }
  }
}

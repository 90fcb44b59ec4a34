package io.arca.conformance;

import io.arca.client.KmipConnection;
import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.KmipXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs OASIS test-case files against a KMIP server: sends each request of a file, in order, on one
 * connection, and compares each response with the expected one (see {@link ResponseMatcher}). A
 * file stops at its first difference, after sending its remaining Destroy requests.
 */
public final class CaseRunner {
  /** Opens a fresh connection to the server under test. */
  @FunctionalInterface
  public interface Connector {
    /** A new connection. */
    KmipConnection open() throws IOException;
  }

  /** Opens a fresh connection to the server's HTTPS port, speaking one encoding. */
  @FunctionalInterface
  public interface HttpsConnector {
    /** A new connection. */
    Exchange open(HttpsExchange.Encoding encoding) throws IOException;
  }

  /** One connection to the server under test, exchanging messages in turn. */
  public interface Exchange extends AutoCloseable {
    /** Sends a request and reads its response. */
    Ttlv exchange(Ttlv request) throws IOException;

    @Override
    void close() throws IOException;
  }

  private final Connector connector;
  private final @Nullable HttpsConnector https;
  private final Clock clock;

  /**
   * The identifiers of the objects the server generated, over every case this runner ran: a later
   * case (TL-M-3) may Locate and Get a key an earlier one (TL-M-2) had the server create.
   */
  private final Set<String> generated = ConcurrentHashMap.newKeySet();

  /** A runner that connects with {@code connector} and reads the time from {@code clock}. */
  public CaseRunner(Connector connector, Clock clock) {
    this(connector, null, clock);
  }

  /**
   * A runner that also reaches the server's HTTPS port, for the message-encoding files, through
   * {@code https} (null: those files are skipped).
   */
  public CaseRunner(Connector connector, @Nullable HttpsConnector https, Clock clock) {
    this.connector = connector;
    this.https = https;
    this.clock = clock;
  }

  /** Runs one file. Never throws: a broken exchange is a failure, an unreadable file a skip. */
  public CaseResult run(CaseFile file) {
    Instant start = clock.instant();
    CaseResult.Outcome outcome;
    String detail;
    try {
      detail = runOrExplain(file);
      outcome = detail.isEmpty() ? CaseResult.Outcome.PASS : CaseResult.Outcome.FAIL;
    } catch (Unrunnable e) {
      outcome = CaseResult.Outcome.SKIP;
      detail = e.reason;
    }
    return new CaseResult(file, outcome, detail, Duration.between(start, clock.instant()));
  }

  private String runOrExplain(CaseFile file) throws Unrunnable {
    boolean encodingCase = file.profile().startsWith(ServerQueryLists.ENCODING_PROFILES);
    HttpsConnector httpsPort = https;
    if (encodingCase && httpsPort == null) {
      throw new Unrunnable(
          "message-encoding profile "
              + file.profile().substring(ServerQueryLists.ENCODING_PROFILES.length())
              + ": needs the server's HTTPS port, which the runner was not given");
    }
    List<Ttlv> messages = read(file);
    Bindings bindings = new Bindings();
    Path folder = file.path().toAbsolutePath().getParent();
    RsaKeyRing rsaKeys = folder == null ? RsaKeyRing.EMPTY : RsaKeyRing.of(folder);
    try (Exchange connection =
            httpsPort != null && encodingCase
                ? httpsPort.open(HttpsExchange.Encoding.ofProfile(file.profile()))
                : overTtlv(connector.open());
        @Nullable Exchange reference = encodingCase ? overTtlv(connector.open()) : null) {
      for (int i = 0; i + 1 < messages.size(); i += 2) {
        Instant now = clock.instant();
        Ttlv request = bindings.resolve(messages.get(i), now);
        Ttlv response;
        Ttlv expected = messages.get(i + 1);
        try {
          response = connection.exchange(request);
          if (reference != null && ServerQueryLists.onlyQueries(request)) {
            // Relaxation.ENCODING_PROFILE_QUERY
            expected = ServerQueryLists.of(expected, reference.exchange(request));
          }
        } catch (IOException | TtlvException e) {
          return "request " + i / 2 + ": no readable response (" + e.getMessage() + ")";
        }
        Difference difference =
            new ResponseMatcher(bindings, generated, now, (TtlvStructure) request, rsaKeys)
                .compare(expected, response);
        bindings.remember(response);
        if (difference != null) {
          destroyTheRest(messages, i + 2, bindings, connection);
          return "request " + i / 2 + ": " + difference;
        }
      }
    } catch (IOException e) {
      return "connection: " + e.getMessage();
    }
    return "";
  }

  /**
   * Sends the file's Destroy requests from message {@code from} on, answers unchecked, so that the
   * objects a failed case made do not stay behind for the next case to find. A request that cannot
   * be resolved (it names what the failed part never bound) or sent is passed over.
   */
  private void destroyTheRest(
      List<Ttlv> messages, int from, Bindings bindings, Exchange connection) {
    for (int i = from; i + 1 < messages.size(); i += 2) {
      if (!onlyDestroys(messages.get(i))) {
        continue;
      }
      try {
        bindings.remember(connection.exchange(bindings.resolve(messages.get(i), clock.instant())));
      } catch (IOException e) {
        return; // the connection is gone: nothing more can be sent on it
      } catch (TtlvException | IllegalArgumentException | IllegalStateException e) {
        // Unresolvable or refused by the codec: the next Destroy may still go through.
      }
    }
  }

  /** A TTLV connection as an {@link Exchange}. */
  private static Exchange overTtlv(KmipConnection connection) {
    return new Exchange() {
      @Override
      public Ttlv exchange(Ttlv request) throws IOException {
        return connection.exchange(request);
      }

      @Override
      public void close() throws IOException {
        connection.close();
      }
    };
  }

  /** Whether every batch item of the request is a Destroy. */
  static boolean onlyDestroys(Ttlv request) {
    if (!(request instanceof TtlvStructure message)) {
      return false;
    }
    List<Ttlv> items = message.all(Tag.BATCH_ITEM.code());
    return !items.isEmpty()
        && items.stream()
            .allMatch(
                item ->
                    item instanceof TtlvStructure batchItem
                        && batchItem.first(Tag.OPERATION.code()) instanceof TtlvEnumeration e
                        && e.value() == Operation.DESTROY.value());
  }

  private static List<Ttlv> read(CaseFile file) throws Unrunnable {
    List<Ttlv> messages;
    try {
      String xml =
          PublishedSpellings.normalized(Files.readString(file.path(), StandardCharsets.UTF_8));
      messages = KmipXml.readMessages(xml, Bindings.readOptions());
    } catch (IOException | RuntimeException e) {
      throw new Unrunnable("cannot read the file: " + e.getMessage());
    }
    if (messages.isEmpty() || messages.size() % 2 != 0) {
      throw new Unrunnable(
          "expected request/response pairs, found " + messages.size() + " messages");
    }
    messages = messages.stream().map(CaseRunner::singleSpacedAttributeNames).toList();
    for (int i = 0; i < messages.size(); i++) {
      int expected = i % 2 == 0 ? Tag.REQUEST_MESSAGE.code() : Tag.RESPONSE_MESSAGE.code();
      if (messages.get(i).tag() != expected || !(messages.get(i) instanceof TtlvStructure)) {
        throw new Unrunnable("message " + i + " is not a " + Difference.tagName(expected));
      }
    }
    return messages;
  }

  /**
   * The message with every Attribute Name's runs of white space folded to one space
   * (Relaxation.SPACED_ATTRIBUTE_NAMES): the 1.0-1.2 files spell "Unique Identifier".
   */
  static Ttlv singleSpacedAttributeNames(Ttlv item) {
    if (item instanceof TtlvTextString text && text.tag() == Tag.ATTRIBUTE_NAME.code()) {
      return new TtlvTextString(text.tag(), text.value().strip().replaceAll("\\s+", " "));
    }
    if (item instanceof TtlvStructure structure) {
      return new TtlvStructure(
          structure.tag(),
          structure.items().stream().map(CaseRunner::singleSpacedAttributeNames).toList());
    }
    return item;
  }

  /** A file the runner cannot run, with the reason. */
  private static final class Unrunnable extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // a String is serializable; Error Prone cannot tell from the type
    private final String reason;

    Unrunnable(String reason) {
      super(reason);
      this.reason = reason;
    }
  }
}

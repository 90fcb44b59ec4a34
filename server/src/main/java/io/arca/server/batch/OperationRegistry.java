package io.arca.server.batch;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The operations this server carries out, one handler each with the codec of its payloads. Query's
 * list of operations comes from here, so the server never advertises an operation it cannot run;
 * registering two handlers for one operation fails at start.
 */
public final class OperationRegistry {
  private final Map<Operation, Entry<?, ?>> entries;
  private final Set<Operation> inline;
  private final @Nullable AsyncOperations asynchronous;

  private OperationRegistry(
      Map<Operation, Entry<?, ?>> entries, @Nullable AsyncOperations asynchronous) {
    this.entries = entries;
    this.asynchronous = asynchronous;
    Set<Operation> servedInline = EnumSet.noneOf(Operation.class);
    for (Entry<?, ?> entry : entries.values()) {
      if (entry.inline() != null) {
        servedInline.add(entry.operation());
      }
    }
    this.inline = Collections.unmodifiableSet(servedInline);
  }

  /**
   * One operation: its handler and the codec of its payloads, of the same types, so that a handler
   * is never given a request of another operation.
   */
  public record Entry<Q, R>(OperationHandler<Q, R> handler, PayloadCodec<Q, R> codec) {
    /** The operation of the handler. */
    public Operation operation() {
      return handler.operation();
    }

    /** The handler's inline path, or null when its operation always runs on a worker. */
    public @Nullable InlineHandler<Q, R> inline() {
      return handler instanceof InlineHandler<Q, R> inline ? inline : null;
    }
  }

  /** A registry being filled at start. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the entries; a duplicate operation is a programming error caught at start. */
  public static final class Builder {
    private final Map<Operation, Entry<?, ?>> byOperation = new EnumMap<>(Operation.class);
    private @Nullable AsyncOperations asynchronous;

    private Builder() {}

    /**
     * The table of asynchronous operations that the Poll and Cancel handlers added here answer
     * from, and that the batch fills when a client lets an item run asynchronously.
     */
    public Builder asynchronous(AsyncOperations operations) {
      this.asynchronous = operations;
      return this;
    }

    /** Registers {@code handler}, whose payloads {@code codec} reads and writes. */
    public <Q, R> Builder add(PayloadCodec<Q, R> codec, OperationHandler<Q, R> handler) {
      Entry<?, ?> previous =
          byOperation.putIfAbsent(handler.operation(), new Entry<>(handler, codec));
      if (previous != null) {
        throw new IllegalStateException(
            "two handlers for "
                + handler.operation()
                + ": "
                + previous.handler().getClass().getSimpleName()
                + " and "
                + handler.getClass().getSimpleName());
      }
      return this;
    }

    /** The registry of everything added. */
    public OperationRegistry build() {
      if ((byOperation.containsKey(Operation.POLL) || byOperation.containsKey(Operation.CANCEL))
          != (asynchronous != null)) {
        throw new IllegalStateException(
            "Poll and Cancel are served exactly when there is a table of asynchronous operations");
      }
      return new OperationRegistry(
          Collections.unmodifiableMap(new EnumMap<>(byOperation)), asynchronous);
    }
  }

  /** The handler and codec of this operation, or null when the server does not carry it out. */
  public @Nullable Entry<?, ?> entry(Operation operation) {
    return entries.get(operation);
  }

  /**
   * Whether the handler of this raw Operation value may answer from memory ({@link InlineHandler}):
   * what the event loop asks of a request's peeked operation before it decodes anything.
   */
  public boolean servesInline(int operation) {
    Operation known = Operation.byValue(operation);
    return known != null && inline.contains(known);
  }

  /**
   * The operations served to a request of {@code version}: those registered that the version
   * defines (the batch's version gate refuses the rest Operation Not Supported), in the order of
   * their KMIP values.
   */
  public Set<Operation> servedIn(ProtocolVersion version) {
    Set<Operation> served = EnumSet.noneOf(Operation.class);
    for (Operation operation : entries.keySet()) {
      if (operation.isDefinedIn(version)) {
        served.add(operation);
      }
    }
    return Collections.unmodifiableSet(served);
  }

  /** The asynchronous operations Poll and Cancel answer from, or null when neither is served. */
  public @Nullable AsyncOperations asynchronous() {
    return asynchronous;
  }

  /** Every operation served, in the order of their KMIP values. */
  public Set<Operation> operations() {
    return entries.keySet();
  }
}

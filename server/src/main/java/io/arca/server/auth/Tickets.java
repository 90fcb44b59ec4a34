package io.arca.server.auth;

import io.arca.kmip.ResultReason;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The tickets Login and Delegated Login issued: 32 random bytes each, kept only as their SHA-256 (a
 * ticket is as unguessable as a key, so a plain digest suffices and memory holds nothing that
 * authenticates), with the user, the end of the lease, the requests and operations left and, for a
 * delegated ticket, the operations it allows. Held in this server's memory: a ticket is accepted by
 * the server that issued it alone, and none survives a restart (docs/ACCESS.md).
 */
public final class Tickets {
  /** The most tickets held at once; a Login beyond it is refused until some expire. */
  static final int MAX_TICKETS = 100_000;

  private static final int VALUE_BYTES = 32;

  private final ConcurrentHashMap<ByteBuffer, Issued> issued = new ConcurrentHashMap<>();
  private final SecureRandom random;
  private final Duration maxLifetime;

  /**
   * What a ticket allows: its user, the end of its lease, the Operation values it may carry out
   * (null: every one its user may) and the requests and operations left, counted down behind its
   * own monitor.
   */
  private static final class Issued {
    final String user;
    final Instant expires;
    final @Nullable Set<Integer> operations;
    long requestsLeft;
    long operationsLeft;

    Issued(
        String user,
        Instant expires,
        @Nullable Set<Integer> operations,
        long requestsLeft,
        long operationsLeft) {
      this.user = user;
      this.expires = expires;
      this.operations = operations;
      this.requestsLeft = requestsLeft;
      this.operationsLeft = operationsLeft;
    }
  }

  /**
   * A ticket accepted for one request.
   *
   * @param user the user it authenticates as
   * @param operations what it allows, or null for everything its user may
   */
  public record Use(String user, @Nullable Set<Integer> operations) {}

  /** Tickets from {@code random}, none living longer than {@code maxLifetime}. */
  public Tickets(SecureRandom random, Duration maxLifetime) {
    if (maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "ticket-max-lifetime: " + maxLifetime + " (expected: > 0)");
    }
    this.random = random;
    this.maxLifetime = maxLifetime;
  }

  /** The longest lease a ticket gets. */
  public Duration maxLifetime() {
    return maxLifetime;
  }

  /**
   * A new ticket's value for {@code user}, which the caller sends once and wipes.
   *
   * @param until the end of the lease asked for, or null for the longest; later than the longest is
   *     cut to it
   * @param requests the requests it may authenticate, or null for no limit but its lease
   * @param operationsAllowed the batch items it may carry out in all, or null for no limit
   * @param operations the Operation values it may carry out, or null for every one
   * @throws RefusedCredential if the lease or a count is not positive (Invalid Field) or too many
   *     tickets are held (General Failure)
   */
  public byte[] issue(
      String user,
      Instant now,
      @Nullable Instant until,
      @Nullable Long requests,
      @Nullable Long operationsAllowed,
      @Nullable Set<Integer> operations)
      throws RefusedCredential {
    Instant longest = now.plus(maxLifetime);
    Instant expires = until == null || until.isAfter(longest) ? longest : until;
    if (!expires.isAfter(now)) {
      throw new RefusedCredential(
          ResultReason.INVALID_FIELD, "Lease Time: the lease ends before it starts", false);
    }
    if ((requests != null && requests < 1)
        || (operationsAllowed != null && operationsAllowed < 1)) {
      throw new RefusedCredential(
          ResultReason.INVALID_FIELD,
          "Request Count and Usage Limits: a ticket must allow at least one use",
          false);
    }
    if (issued.size() >= MAX_TICKETS) {
      issued.values().removeIf(ticket -> !ticket.expires.isAfter(now));
      if (issued.size() >= MAX_TICKETS) {
        throw new RefusedCredential(
            ResultReason.GENERAL_FAILURE,
            "the server holds " + MAX_TICKETS + " tickets: log out of unused ones",
            false);
      }
    }
    byte[] value = new byte[VALUE_BYTES];
    random.nextBytes(value);
    issued.put(
        digest(value),
        new Issued(
            user,
            expires,
            operations == null ? null : Set.copyOf(operations),
            requests == null ? Long.MAX_VALUE : requests,
            operationsAllowed == null ? Long.MAX_VALUE : operationsAllowed));
    return value;
  }

  /**
   * Accepts {@code value} for one request of {@code items} batch items, counting it against the
   * ticket's limits.
   *
   * @throws RefusedCredential if the ticket is unknown, logged out, expired or used up
   */
  public Use use(byte[] value, Instant now, int items) throws RefusedCredential {
    ByteBuffer key = digest(value);
    Issued ticket = issued.get(key);
    if (ticket == null) {
      throw RefusedCredential.failed("the Ticket credential is unknown or was logged out");
    }
    if (!ticket.expires.isAfter(now)) {
      issued.remove(key, ticket);
      throw RefusedCredential.failed("the Ticket credential has expired");
    }
    synchronized (ticket) {
      if (ticket.requestsLeft < 1 || ticket.operationsLeft < items) {
        throw RefusedCredential.failed("the Ticket credential is used up (its usage limit)");
      }
      ticket.requestsLeft--;
      ticket.operationsLeft -= items;
    }
    return new Use(ticket.user, ticket.operations);
  }

  /**
   * Ends the ticket {@code value} of {@code user}: true when it was one of that user's live
   * tickets.
   */
  public boolean revoke(byte[] value, String user) {
    ByteBuffer key = digest(value);
    Issued ticket = issued.get(key);
    return ticket != null && ticket.user.equals(user) && issued.remove(key, ticket);
  }

  private static ByteBuffer digest(byte[] value) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Wipes a ticket value the caller holds. */
  public static void wipe(byte[] value) {
    Arrays.fill(value, (byte) 0);
  }
}

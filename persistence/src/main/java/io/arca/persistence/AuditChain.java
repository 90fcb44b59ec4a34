package io.arca.persistence;

import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks an audit chain in sequence order: each record's hash must match its content (under the
 * chain key from the keying record on), its previous hash the hash of the record before it, and its
 * seq follow on without a gap. A chain cut short at its end cannot be told from a shorter one by
 * the chain alone; the keying record, the signed checkpoints and the audit file are what show that
 * (see {@code AuditVerifier}).
 */
public final class AuditChain {
  private AuditChain() {}

  /**
   * Where the chain is keyed: from record {@code fromSeq}, which must be the {@link
   * AuditRecord#KEYED} record, every hash is an HMAC under {@code key}.
   */
  public record Keying(long fromSeq, AuditChainKey key) {}

  /**
   * The outcome of a check.
   *
   * @param records how many records were read
   * @param firstBroken the seq of the first record that does not fit the chain, or null
   * @param why what is wrong with it, or null
   */
  public record Result(long records, @Nullable Long firstBroken, @Nullable String why) {
    /** Whether the whole chain holds. */
    public boolean intact() {
      return firstBroken == null;
    }
  }

  /** Checks unkeyed records, which must come in seq order. */
  public static Result verify(Iterator<AuditRecord> records) {
    return verify(records, null);
  }

  /**
   * Checks the records, which must come in seq order.
   *
   * @param keying where the chain is keyed, or null: no record may be keyed
   */
  public static Result verify(Iterator<AuditRecord> records, @Nullable Keying keying) {
    return verify(records, keying, false);
  }

  /**
   * Checks a part of a chain, such as one server's audit file when servers share a database: its
   * first record's position and link are taken as they are (compare it with the database).
   */
  public static Result verifyPart(Iterator<AuditRecord> records, @Nullable Keying keying) {
    return verify(records, keying, true);
  }

  private static Result verify(
      Iterator<AuditRecord> records, @Nullable Keying keying, boolean part) {
    AuditRecord previous = null;
    long count = 0;
    while (records.hasNext()) {
      AuditRecord record = records.next();
      count++;
      Optional<String> fault =
          part && previous == null ? first(record, keying) : fault(previous, record, keying);
      if (fault.isPresent()) {
        return new Result(count, record.seq(), fault.get());
      }
      previous = record;
    }
    if (!part && keying != null && (previous == null || previous.seq() < keying.fromSeq())) {
      long last = previous == null ? 0 : previous.seq();
      return new Result(
          count,
          last + 1,
          "the chain ends at record "
              + last
              + " but was keyed from record "
              + keying.fromSeq()
              + " (its end was cut off)");
    }
    return new Result(count, null, null);
  }

  private static Optional<String> first(AuditRecord record, @Nullable Keying keying) {
    AuditChainKey key = keying != null && record.seq() >= keying.fromSeq() ? keying.key() : null;
    return record.hashMatches(key)
        ? Optional.empty()
        : Optional.of("its content does not match its hash (the record was edited)");
  }

  private static Optional<String> fault(
      @Nullable AuditRecord previous, AuditRecord record, @Nullable Keying keying) {
    long expectedSeq = previous == null ? 1 : previous.seq() + 1;
    String expectedLink = previous == null ? AuditRecord.GENESIS : previous.hash();
    AuditChainKey key = keying != null && record.seq() >= keying.fromSeq() ? keying.key() : null;
    boolean keyed = key != null;
    if (!record.hashMatches(key)) {
      return Optional.of(
          keyed
              ? "its content does not match its keyed hash (the record was edited or re-chained"
                  + " without the chain key)"
              : "its content does not match its hash (the record was edited)");
    }
    if (record.entry().operation().equals(AuditRecord.KEYED)
        && (keying == null || record.seq() != keying.fromSeq())) {
      return Optional.of(
          "it marks the start of keying, but the chain key says keying starts "
              + (keying == null ? "nowhere (the key is missing)" : "at " + keying.fromSeq()));
    }
    boolean marksKeying = keying != null && record.seq() == keying.fromSeq();
    if (marksKeying && !record.entry().operation().equals(AuditRecord.KEYED)) {
      return Optional.of("keying starts here, but this is not the keying record");
    }
    if (record.seq() != expectedSeq) {
      return Optional.of(
          "seq "
              + record.seq()
              + " follows "
              + (expectedSeq - 1)
              + " (records "
              + expectedSeq
              + " to "
              + (record.seq() - 1)
              + " are missing)");
    }
    if (!record.previousHash().equals(expectedLink)) {
      return Optional.of(
          "its previous hash is not the hash of record "
              + (expectedSeq - 1)
              + " (that record was edited or replaced)");
    }
    return Optional.empty();
  }
}

package io.arca.persistence;

import java.util.Iterator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks an audit chain in sequence order: each record's hash must match its content, its previous
 * hash the hash of the record before it, and its seq follow on without a gap. A chain cut short at
 * its end cannot be told from a shorter one by the chain alone; the audit file, kept elsewhere, and
 * the count {@link Result#records} are what show that.
 */
public final class AuditChain {
  private AuditChain() {}

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

  /** Checks the records, which must come in seq order. */
  public static Result verify(Iterator<AuditRecord> records) {
    AuditRecord previous = null;
    long count = 0;
    while (records.hasNext()) {
      AuditRecord record = records.next();
      count++;
      Optional<String> fault = fault(previous, record);
      if (fault.isPresent()) {
        return new Result(count, record.seq(), fault.get());
      }
      previous = record;
    }
    return new Result(count, null, null);
  }

  private static Optional<String> fault(@Nullable AuditRecord previous, AuditRecord record) {
    long expectedSeq = previous == null ? 1 : previous.seq() + 1;
    String expectedLink = previous == null ? AuditRecord.GENESIS : previous.hash();
    if (!record.hashMatches()) {
      return Optional.of("its content does not match its hash (the record was edited)");
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

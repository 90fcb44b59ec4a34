package io.arca.persistence;

import java.util.Objects;

/**
 * A signed statement that the audit chain's record {@code seq} had hash {@code headHash} at {@code
 * signedAt}. Kept in the database, beside the audit file and wherever the operator anchors it: a
 * chain cut back behind a checkpoint, or re-chained after an edit, no longer matches it.
 *
 * @param seq the head record's seq
 * @param headHash the head record's hash
 * @param signedAt when it was signed, epoch milliseconds
 * @param signature the signature of {@link #signedText}, base64
 */
public record AuditCheckpoint(long seq, String headHash, long signedAt, String signature) {
  public AuditCheckpoint {
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(signature, "signature");
  }

  /** What is signed. */
  public static String signedText(long seq, String headHash, long signedAt) {
    return "arca-audit-checkpoint|" + seq + "|" + headHash + "|" + signedAt;
  }

  /** The text this checkpoint's signature covers. */
  public String signedText() {
    return signedText(seq, headHash, signedAt);
  }

  /** The checkpoint as a line of the checkpoints file. */
  public String line() {
    return seq + "|" + headHash + "|" + signedAt + "|" + signature;
  }

  /**
   * Reads a line of the checkpoints file.
   *
   * @throws IllegalArgumentException if the line is not a checkpoint
   */
  public static AuditCheckpoint parseLine(String line) {
    String[] f = line.strip().split("\\|", -1);
    if (f.length != 4) {
      throw new IllegalArgumentException("a checkpoint line has 4 fields, this one " + f.length);
    }
    try {
      return new AuditCheckpoint(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), f[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a checkpoint line with a non-numeric seq or time", e);
    }
  }
}

package io.arca.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed statement that audit chain {@code chain}'s record {@code seq} had hash {@code headHash}
 * at {@code signedAt}, and which heads of the other chains its node saw then. Kept in the database,
 * beside the audit file and wherever the operator anchors it: a chain cut back behind a checkpoint,
 * or re-chained after an edit, no longer matches it, nor the checkpoints of the other chains that
 * saw it.
 *
 * @param chain the chain's name
 * @param seq the head record's seq
 * @param headHash the head record's hash
 * @param signedAt when it was signed, epoch milliseconds
 * @param seen the other chains' heads seen, {@code chain@seq:hash} separated by spaces (may be
 *     empty)
 * @param signature the signature of {@link #signedText}, base64
 */
public record AuditCheckpoint(
    String chain, long seq, String headHash, long signedAt, String seen, String signature) {
  public AuditCheckpoint {
    AuditRecord.requireChainName(chain);
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(seen, "seen");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * What is signed. A legacy chain's checkpoint that saw no other chain has the form it had before
   * there were several chains, so that checkpoints signed then still verify.
   */
  public static String signedText(
      String chain, long seq, String headHash, long signedAt, String seen) {
    if (isLegacyForm(chain, seen)) {
      return "arca-audit-checkpoint|" + seq + "|" + headHash + "|" + signedAt;
    }
    return "arca-audit-checkpoint|"
        + chain
        + "|"
        + seq
        + "|"
        + headHash
        + "|"
        + signedAt
        + "|"
        + seen;
  }

  private static boolean isLegacyForm(String chain, String seen) {
    return chain.equals(AuditRecord.LEGACY) && seen.isEmpty();
  }

  /** The text this checkpoint's signature covers. */
  public String signedText() {
    return signedText(chain, seq, headHash, signedAt, seen);
  }

  /** The other chains' heads seen, as chain name and seq to head hash. */
  public List<Head> seenHeads() {
    if (seen.isBlank()) {
      return List.of();
    }
    List<Head> heads = new ArrayList<>();
    for (String head : seen.strip().split(" +", -1)) {
      heads.add(Head.parse(head));
    }
    return heads;
  }

  /**
   * A chain's head as another chain's checkpoint saw it.
   *
   * @param chain the chain
   * @param seq its last record's seq
   * @param hash that record's hash
   */
  public record Head(String chain, long seq, String hash) {
    public Head {
      AuditRecord.requireChainName(chain);
      Objects.requireNonNull(hash, "hash");
    }

    /** The head of the chain {@code record} ends. */
    public static Head of(AuditRecord record) {
      return new Head(record.chain(), record.seq(), record.hash());
    }

    /**
     * Reads {@code chain@seq:hash}.
     *
     * @throws IllegalArgumentException if it is not a head
     */
    public static Head parse(String text) {
      int at = text.lastIndexOf('@');
      int colon = text.indexOf(':', at + 1);
      if (at < 1 || colon < 0) {
        throw new IllegalArgumentException("a chain head reads chain@seq:hash");
      }
      try {
        return new Head(
            text.substring(0, at),
            Long.parseLong(text.substring(at + 1, colon)),
            text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a chain head with a non-numeric seq", e);
      }
    }

    @Override
    public String toString() {
      return chain + "@" + seq + ":" + hash;
    }
  }

  /** The checkpoint as a line of the checkpoints file. */
  public String line() {
    String common = seq + "|" + headHash + "|" + signedAt;
    return isLegacyForm(chain, seen)
        ? common + "|" + signature
        : chain + "|" + common + "|" + seen + "|" + signature;
  }

  /**
   * Reads a line of the checkpoints file.
   *
   * @throws IllegalArgumentException if the line is not a checkpoint
   */
  public static AuditCheckpoint parseLine(String line) {
    String[] f = line.strip().split("\\|", -1);
    try {
      if (f.length == 4) {
        return new AuditCheckpoint(
            AuditRecord.LEGACY, Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), "", f[3]);
      }
      if (f.length == 6) {
        return new AuditCheckpoint(
            f[0], Long.parseLong(f[1]), f[2], Long.parseLong(f[3]), f[4], f[5]);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a checkpoint line with a non-numeric seq or time", e);
    }
    throw new IllegalArgumentException(
        "a checkpoint line has 4 fields (6 with its chain), this one " + f.length);
  }
}

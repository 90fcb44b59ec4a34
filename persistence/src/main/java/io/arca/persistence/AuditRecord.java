package io.arca.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One link of the audit chain: an entry, its sequence number, the hash of the record before it and
 * its own hash of its canonical form: HMAC-SHA256 under the chain key ({@link AuditChainKey}) from
 * the record that marks keying ({@link #KEYED}) on, plain SHA-256 before it (chains written before
 * keying existed). Editing a record breaks its own hash; deleting one breaks the next record's link
 * (and leaves a gap in {@code seq}); without the key, neither can be re-chained.
 *
 * <p>Each Arca node extends a chain of its own, named by its node id, so that nodes sharing a
 * database never contend for one chain's head; the records written before there were several chains
 * form the chain {@link #LEGACY}, which no node extends.
 *
 * <p>The canonical form is the fields in a fixed order, separated by {@code |}, each with {@code
 * %}, {@code |}, CR and LF percent-escaped, so that no two records share one; it is also the line
 * format of the audit file (followed by {@code |} and the hash). A record of a named chain starts
 * with the chain's name, so that it cannot be passed off as another chain's; a legacy record has
 * the form it was hashed with.
 *
 * @param chain the chain's name
 * @param seq the position in the chain, from 1, without gaps
 * @param entry what was recorded
 * @param previousHash the hash of record {@code seq - 1}, or 64 zeros for the first
 * @param hash HMAC-SHA256 (keyed records) or SHA-256 of this record's canonical form, hex
 */
public record AuditRecord(
    String chain, long seq, AuditEntry entry, String previousHash, String hash) {
  /** The previous hash of the first record. */
  public static final String GENESIS = "0".repeat(64);

  /** The operation of the record where the chain becomes keyed (the first keyed record). */
  public static final String KEYED = "AuditChainKeyed";

  /** The chain of the records written before each node had its own (migration V008). */
  public static final String LEGACY = "legacy";

  public AuditRecord {
    requireChainName(chain);
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** A record of the legacy chain. */
  public AuditRecord(long seq, AuditEntry entry, String previousHash, String hash) {
    this(LEGACY, seq, entry, previousHash, hash);
  }

  /**
   * Checks a chain's name: 1 to 64 letters, digits, dots, dashes or underscores.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static String requireChainName(String chain) {
    // Every record made or read passes here: a scan, not a regular expression, which cost the
    // audit writer a tenth of its time.
    int length = Objects.requireNonNull(chain, "chain").length();
    boolean valid = length >= 1 && length <= 64;
    for (int i = 0; valid && i < length; i++) {
      char c = chain.charAt(i);
      valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "an audit chain's name is 1 to 64 letters, digits, '.', '-' or '_'");
    }
    return chain;
  }

  /**
   * The legacy chain's record that follows {@code previous} (null: none, this is the first) with
   * this entry.
   *
   * @param key the chain key, or null for an unkeyed record
   */
  public static AuditRecord after(
      @Nullable AuditRecord previous, AuditEntry entry, @Nullable AuditChainKey key) {
    return after(LEGACY, previous, entry, key);
  }

  /**
   * Chain {@code chain}'s record that follows {@code previous} (null: none, this is the first) with
   * this entry.
   *
   * @param key the chain key, or null for an unkeyed record
   */
  public static AuditRecord after(
      String chain, @Nullable AuditRecord previous, AuditEntry entry, @Nullable AuditChainKey key) {
    if (previous != null && !previous.chain().equals(chain)) {
      throw new IllegalArgumentException("a record follows one of its own chain");
    }
    long seq = previous == null ? 1 : previous.seq() + 1;
    String link = previous == null ? GENESIS : previous.hash();
    String canonical = canonicalForm(chain, seq, entry, link);
    return new AuditRecord(
        chain, seq, entry, link, key == null ? hashOf(canonical) : key.mac(canonical));
  }

  /** The text the hash covers. */
  public String canonicalForm() {
    return canonicalForm(chain, seq, entry, previousHash);
  }

  /** Whether {@link #hash} is the hash of this record's canonical form (keyed: under key). */
  public boolean hashMatches(@Nullable AuditChainKey key) {
    String canonical = canonicalForm();
    return (key == null ? hashOf(canonical) : key.mac(canonical)).equals(hash);
  }

  /** The audit file's line for this record: the canonical form, then the hash. */
  public String fileLine() {
    return canonicalForm() + "|" + hash;
  }

  /**
   * Reads a line of the audit file.
   *
   * @throws IllegalArgumentException if the line is not a record
   */
  public static AuditRecord parseFileLine(String line) {
    String[] cells = line.split("\\|", -1);
    if (cells.length != 10 && cells.length != 11) {
      throw new IllegalArgumentException(
          "an audit line has 10 fields (11 with its chain) separated by |, this one "
              + cells.length);
    }
    List<String> f = new ArrayList<>();
    for (int i = cells.length - 10; i < cells.length; i++) {
      f.add(unescape(cells[i]));
    }
    String chain = cells.length == 11 ? unescape(cells[0]) : LEGACY;
    if (cells.length == 11 && chain.equals(LEGACY)) {
      throw new IllegalArgumentException("a legacy record's line does not name its chain");
    }
    try {
      AuditEntry entry =
          new AuditEntry(
              Long.parseLong(f.get(1)),
              f.get(2),
              f.get(3),
              f.get(4),
              f.get(5),
              f.get(6),
              f.get(7).isEmpty() ? null : f.get(7));
      return new AuditRecord(chain, Long.parseLong(f.get(0)), entry, f.get(8), f.get(9));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an audit line with a non-numeric seq or time", e);
    }
  }

  private static String canonicalForm(String chain, long seq, AuditEntry e, String previousHash) {
    // The audit writer makes one for every record it appends: one builder, no joiner.
    StringBuilder form = new StringBuilder(160 + previousHash.length());
    if (!chain.equals(LEGACY)) {
      form.append(chain).append('|');
    }
    form.append(seq).append('|').append(e.recordedAt());
    form.append('|').append(escape(e.user()));
    form.append('|').append(escape(e.clientAddress()));
    form.append('|').append(escape(e.operation()));
    form.append('|').append(escape(e.uniqueIds()));
    form.append('|').append(escape(e.resultStatus()));
    form.append('|').append(escape(e.resultReason() == null ? "" : e.resultReason()));
    form.append('|').append(escape(previousHash));
    return form.toString();
  }

  static String escape(String s) {
    // Every field of every record the audit writer appends passes here, and almost none holds one
    // of the four characters: one scan, and the field itself, instead of four replace passes (or a
    // character-at-a-time copy, which cost the writer a microsecond per record).
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '|' || c == '\r' || c == '\n') {
        return s.replace("%", "%25").replace("|", "%7C").replace("\r", "%0D").replace("\n", "%0A");
      }
    }
    return s;
  }

  static String unescape(String s) {
    return s.replace("%0A", "\n").replace("%0D", "\r").replace("%7C", "|").replace("%25", "%");
  }

  static String hashOf(String canonicalForm) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonicalForm.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

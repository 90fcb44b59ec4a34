package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRL;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client certificates refused although their chain is valid, as read once from the CRLs and the
 * deny list: an immutable snapshot with a generation number that no other snapshot of this server
 * shares, so an open connection needs a new look only when the number changed.
 *
 * <p>A CRL counts only when a certificate of the client CA bundle signed it, so a file dropped
 * beside the others cannot refuse (or, by replacing a real one, quietly unrevoke) anyone. Deny-list
 * serials must name their issuer, by DN or by the CA's SHA-256 fingerprint, because a serial is
 * unique only within one issuer.
 */
public final class RevocationList {
  private static final Logger log = LoggerFactory.getLogger(RevocationList.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final AtomicLong GENERATIONS = new AtomicLong();

  /** No certificate refused. */
  static final RevocationList EMPTY = new RevocationList(Set.of(), Set.of(), Set.of());

  /** A certificate as its issuer names it. */
  record IssuerSerial(X500Principal issuer, BigInteger serial) {}

  /**
   * One deny-list entry, read: a certificate's fingerprint (lower-case hex), or its issuer and
   * serial. Two spellings of one certificate (colons, case, the issuer by DN or by fingerprint) are
   * equal.
   */
  record DenyEntry(@Nullable String fingerprint, @Nullable IssuerSerial serial) {
    /** The line the deny list holds for it: the fingerprint, or the hex serial and issuer DN. */
    String line() {
      if (serial == null) {
        return Objects.requireNonNull(fingerprint);
      }
      String line = serial.serial().toString(16) + " " + serial.issuer().getName();
      if (line.indexOf('#') >= 0 || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "the issuer's DN holds a character the deny list cannot (expected: the issuer named by"
                + " sha256: and its CA's fingerprint)");
      }
      return line;
    }
  }

  /**
   * Reads one entry in the deny list's form: a SHA-256 fingerprint, or a hex serial and its
   * issuer's DN or {@code sha256:} and the issuing client CA's fingerprint.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static DenyEntry parseEntry(String entry, List<X509Certificate> clientCas) {
    String[] parts = entry.strip().split("\\s+", 2);
    if (parts.length == 1) {
      return new DenyEntry(sha256Hex(parts[0]), null);
    }
    return new DenyEntry(
        null, new IssuerSerial(issuer(parts[1].strip(), clientCas), serial(parts[0])));
  }

  /** The entry of a deny-list line, or null for a blank or comment line. */
  static @Nullable DenyEntry parseLine(String line, List<X509Certificate> clientCas) {
    int hash = line.indexOf('#');
    String entry = (hash < 0 ? line : line.substring(0, hash)).strip();
    return entry.isEmpty() ? null : parseEntry(entry, clientCas);
  }

  private final long generation;
  private final Set<IssuerSerial> revoked;
  private final Set<IssuerSerial> deniedSerials;
  private final Set<String> deniedFingerprints;

  private RevocationList(
      Set<IssuerSerial> revoked, Set<IssuerSerial> deniedSerials, Set<String> deniedFingerprints) {
    this.generation = GENERATIONS.incrementAndGet();
    // HashSet, not Set.copyOf: the immutable sets probe linearly, and a CA's serials are often
    // consecutive, so their hashes form one long run that a miss would walk whole on every
    // handshake (measured: milliseconds per lookup at 20,000 entries).
    this.revoked = Collections.unmodifiableSet(new HashSet<>(revoked));
    this.deniedSerials = Collections.unmodifiableSet(new HashSet<>(deniedSerials));
    this.deniedFingerprints = Collections.unmodifiableSet(new HashSet<>(deniedFingerprints));
  }

  /**
   * Reads the CRLs and the deny list that {@code settings} name, checked against the client CAs.
   *
   * @throws IOException naming the file (and line) that cannot be read or trusted
   */
  static RevocationList load(ServerConfig.Revocation settings, List<X509Certificate> clientCas)
      throws IOException {
    Set<IssuerSerial> revoked = new HashSet<>();
    Path crl = settings.crl();
    if (crl != null) {
      List<Path> files = crlFiles(crl);
      if (files.isEmpty()) {
        throw new IOException("no CRL in " + crl);
      }
      for (Path file : files) {
        readCrls(file, clientCas, revoked);
      }
    }
    Set<IssuerSerial> deniedSerials = new HashSet<>();
    Set<String> deniedFingerprints = new HashSet<>();
    Path denyList = settings.denyList();
    if (denyList != null) {
      readDenyList(denyList, clientCas, deniedSerials, deniedFingerprints);
    }
    return new RevocationList(revoked, deniedSerials, deniedFingerprints);
  }

  /** This snapshot's number; a later snapshot has a different one. */
  public long generation() {
    return generation;
  }

  /** How many certificates the CRLs and the deny list name, for the log. */
  int size() {
    return revoked.size() + deniedSerials.size() + deniedFingerprints.size();
  }

  /**
   * Why this chain is refused, or null when nothing here names any of its certificates. The reason
   * names a serial or a fingerprint only, never text from the certificate.
   */
  public @Nullable String refusal(X509Certificate[] chain) {
    for (X509Certificate certificate : chain) {
      IssuerSerial id =
          new IssuerSerial(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
      if (revoked.contains(id)) {
        return "certificate serial " + id.serial().toString(16) + " is revoked by its CRL";
      }
      if (deniedSerials.contains(id)) {
        return "certificate serial " + id.serial().toString(16) + " is on the deny list";
      }
    }
    if (!deniedFingerprints.isEmpty() && chain.length > 0) {
      String fingerprint = fingerprint(chain[0]);
      if (deniedFingerprints.contains(fingerprint)) {
        return "certificate sha256:" + fingerprint + " is on the deny list";
      }
    }
    return null;
  }

  /** The files a {@code --tls-crl} names: itself, or a directory's visible regular files. */
  static List<Path> crlFiles(Path crl) throws IOException {
    if (!Files.isDirectory(crl)) {
      return List.of(crl);
    }
    try (Stream<Path> entries = Files.list(crl)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static void readCrls(Path file, List<X509Certificate> clientCas, Set<IssuerSerial> into)
      throws IOException {
    List<CRL> crls = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      // The JDK reads DER and PEM ("X509 CRL") alike, several to a file.
      crls.addAll(CertificateFactory.getInstance("X.509").generateCRLs(in));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the CRL " + file + ": " + e.getMessage(), e);
    }
    if (crls.isEmpty()) {
      throw new IOException("no CRL in " + file);
    }
    for (CRL crl : crls) {
      X509CRL x509 = (X509CRL) crl;
      X500Principal issuer = x509.getIssuerX500Principal();
      verify(x509, file, clientCas);
      Date nextUpdate = x509.getNextUpdate();
      if (nextUpdate != null && nextUpdate.toInstant().isBefore(Instant.now())) {
        // Still used: an old list refuses fewer clients than a new one, never more.
        log.warn("the CRL of {} in {} is past its next update ({})", issuer, file, nextUpdate);
      }
      Set<? extends X509CRLEntry> entries = x509.getRevokedCertificates();
      if (entries == null) {
        continue;
      }
      for (X509CRLEntry entry : entries) {
        X500Principal entryIssuer = entry.getCertificateIssuer();
        into.add(
            new IssuerSerial(entryIssuer == null ? issuer : entryIssuer, entry.getSerialNumber()));
      }
    }
  }

  private static void verify(X509CRL crl, Path file, List<X509Certificate> clientCas)
      throws IOException {
    for (X509Certificate ca : clientCas) {
      if (ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
        try {
          crl.verify(ca.getPublicKey());
          return;
        } catch (GeneralSecurityException e) {
          // Another CA of the same name may have signed it; try the rest.
        }
      }
    }
    throw new IOException(
        "the CRL in "
            + file
            + " is not signed by a certificate of the client CA bundle (issuer "
            + crl.getIssuerX500Principal()
            + ")");
  }

  private static void readDenyList(
      Path file,
      List<X509Certificate> clientCas,
      Set<IssuerSerial> serials,
      Set<String> fingerprints)
      throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      try {
        DenyEntry entry = parseLine(lines.get(i), clientCas);
        if (entry == null) {
          continue;
        }
        if (entry.serial() == null) {
          fingerprints.add(Objects.requireNonNull(entry.fingerprint()));
        } else {
          serials.add(entry.serial());
        }
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
  }

  private static X500Principal issuer(String qualifier, List<X509Certificate> clientCas) {
    if (qualifier.regionMatches(true, 0, "sha256:", 0, 7)) {
      String wanted = sha256Hex(qualifier.substring(7));
      for (X509Certificate ca : clientCas) {
        if (fingerprint(ca).equals(wanted)) {
          return ca.getSubjectX500Principal();
        }
      }
      throw new IllegalArgumentException(
          "no client CA has the fingerprint sha256:" + wanted + " that a serial names");
    }
    return new X500Principal(qualifier);
  }

  private static BigInteger serial(String hex) {
    String digits = hex.replace(":", "");
    if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("a serial must be hexadecimal");
    }
    return new BigInteger(digits, 16);
  }

  private static String sha256Hex(String text) {
    String digits = text.replace(":", "").toLowerCase(Locale.ROOT);
    if (digits.length() != 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "a fingerprint must be 64 hexadecimal digits (SHA-256), or a serial needs its issuer");
    }
    return digits;
  }

  /** The lower-case hex SHA-256 of the certificate's DER form. */
  static String fingerprint(X509Certificate certificate) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }
}

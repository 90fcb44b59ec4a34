package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation check of one set of client CAs: the current {@link RevocationList}, re-read when
 * its files change, and OCSP when configured. A refresh that fails keeps the last good list, so a
 * broken or half-written file never lets a revoked client back in; the failure is logged once per
 * change of the files.
 */
public final class ClientRevocation {
  private static final Logger log = LoggerFactory.getLogger(ClientRevocation.class);

  private final ServerConfig.Revocation settings;
  private final List<X509Certificate> clientCas;
  private final @Nullable OcspChecker ocsp;
  private volatile RevocationList current;
  private List<FileStamp> lastSeen;

  /** What a file looked like: a change of any part means it is read again. */
  private record FileStamp(Path path, long modifiedNanos, long size, @Nullable Object fileKey) {
    static FileStamp of(Path path) throws IOException {
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileStamp(
            path,
            attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
            attributes.size(),
            attributes.fileKey());
      } catch (NoSuchFileException e) {
        return new FileStamp(path, -1, -1, null);
      }
    }
  }

  private ClientRevocation(
      ServerConfig.Revocation settings,
      List<X509Certificate> clientCas,
      @Nullable OcspChecker ocsp,
      RevocationList current,
      List<FileStamp> lastSeen) {
    this.settings = settings;
    this.clientCas = List.copyOf(clientCas);
    this.ocsp = ocsp;
    this.current = current;
    this.lastSeen = lastSeen;
  }

  /** No revocation data: nothing is refused and nothing is refreshed. */
  static ClientRevocation none() {
    return new ClientRevocation(
        ServerConfig.Revocation.NONE, List.of(), null, RevocationList.EMPTY, List.of());
  }

  /**
   * Reads the revocation data that {@code settings} name for these client CAs.
   *
   * @throws IOException when a configured file cannot be read or trusted: the server must not start
   *     (or reload) without the revocations it was told to apply
   */
  static ClientRevocation load(
      ServerConfig.Revocation settings, List<X509Certificate> clientCas, @Nullable OcspChecker ocsp)
      throws IOException {
    List<FileStamp> stamps = stamps(settings);
    RevocationList list = RevocationList.load(settings, clientCas);
    if (settings.crl() != null || settings.denyList() != null) {
      log.info("revocation: {} certificate(s) refused by CRLs and the deny list", list.size());
    }
    return new ClientRevocation(settings, clientCas, ocsp, list, stamps);
  }

  /** The list in use now. */
  public RevocationList current() {
    return current;
  }

  /**
   * The handshake's check of a chain that PKIX accepted: the lists first (a set lookup), then OCSP.
   */
  void check(X509Certificate[] chain) throws CertificateException {
    String refusal = current.refusal(chain);
    if (refusal != null) {
      throw new CertificateException(refusal);
    }
    if (ocsp != null && chain.length > 0) {
      ocsp.check(chain[0], issuerOf(chain));
    }
  }

  /** The certificate that issued the leaf: the next in the chain, else a client CA of its name. */
  private X509Certificate issuerOf(X509Certificate[] chain) throws CertificateException {
    X509Certificate leaf = chain[0];
    List<X509Certificate> candidates = new ArrayList<>(clientCas);
    if (chain.length > 1) {
      candidates.add(0, chain[1]);
    }
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        try {
          leaf.verify(candidate.getPublicKey());
          return candidate;
        } catch (java.security.GeneralSecurityException e) {
          // Not this one.
        }
      }
    }
    throw new CertificateException("the client certificate's issuer is not known for OCSP");
  }

  /**
   * Reads the files again if any changed since the last look; a failure keeps the list in use.
   *
   * @return true when a new list is now in use
   */
  synchronized boolean refreshIfChanged() {
    List<FileStamp> now;
    try {
      now = stamps(settings);
    } catch (IOException e) {
      log.warn("revocation: cannot look at the CRL or deny-list files; keeping the last list", e);
      return false;
    }
    if (now.equals(lastSeen)) {
      return false;
    }
    lastSeen = now;
    try {
      RevocationList list = RevocationList.load(settings, clientCas);
      current = list;
      log.info(
          "revocation: files changed, now {} certificate(s) refused (generation {})",
          list.size(),
          list.generation());
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("revocation: keeping the last good list: {}", e.getMessage());
      return false;
    }
  }

  /** Whether the settings name a deny-list file, which the admin operations may edit. */
  boolean hasDenyList() {
    return settings.denyList() != null;
  }

  /**
   * Adds ({@code deny}) or removes the certificate {@code entry} names to or from the deny-list
   * file, replacing the file atomically, and uses the new list at once: new handshakes are refused,
   * and open connections at their next request (the list's generation changes). Removing drops
   * every line naming the same certificate, however spelt; adding what is there, or removing what
   * is not, writes nothing. A list that does not read back (a CRL of the same settings gone bad
   * meanwhile) puts the old file back and keeps the old list.
   *
   * @return the entry as the deny list holds it
   * @throws IllegalArgumentException when {@code entry} is not a deny-list entry
   * @throws IOException when the file cannot be read, written or read back
   */
  synchronized String changeDenyList(String entry, boolean deny) throws IOException {
    Path file = settings.denyList();
    if (file == null) {
      throw new IllegalStateException("no deny list is configured (--tls-deny-list)");
    }
    RevocationList.DenyEntry wanted = RevocationList.parseEntry(entry, clientCas);
    String line = wanted.line();
    List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> after = new ArrayList<>();
    boolean present = false;
    for (String kept : before) {
      RevocationList.DenyEntry existing;
      try {
        existing = RevocationList.parseLine(kept, clientCas);
      } catch (IllegalArgumentException e) {
        existing = null; // not this entry; the line stays as its author wrote it
      }
      boolean same = wanted.equals(existing);
      present |= same;
      if (!same || deny) {
        after.add(kept);
      }
    }
    if (present == deny) {
      return line;
    }
    if (deny) {
      after.add(line);
    }
    replace(file, after);
    try {
      RevocationList list = RevocationList.load(settings, clientCas);
      current = list;
      lastSeen = stamps(settings);
      log.info(
          "revocation: deny list {} by an administrator: {}; now {} certificate(s) refused"
              + " (generation {})",
          deny ? "extended" : "reduced",
          line,
          list.size(),
          list.generation());
    } catch (IOException | RuntimeException e) {
      replace(file, before);
      throw new IOException("the revocation data does not read back: " + e.getMessage(), e);
    }
    return line;
  }

  /** Replaces {@code file} by {@code lines} at once: a reader sees the old file or the new one. */
  private static void replace(Path file, List<String> lines) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, ".deny-list", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the temporary file's own mode stays.
      }
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(
            ByteBuffer.wrap(
                (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"))
                    .getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The OCSP answers that could not be had and were let through (fail-open), since start. */
  public long ocspSoftFailures() {
    return ocsp == null ? 0 : ocsp.softFailures();
  }

  private static List<FileStamp> stamps(ServerConfig.Revocation settings) throws IOException {
    List<FileStamp> stamps = new ArrayList<>();
    Path crl = settings.crl();
    if (crl != null) {
      stamps.add(FileStamp.of(crl));
      if (Files.isDirectory(crl)) {
        for (Path file : RevocationList.crlFiles(crl)) {
          stamps.add(FileStamp.of(file));
        }
      }
    }
    Path denyList = settings.denyList();
    if (denyList != null) {
      stamps.add(FileStamp.of(denyList));
    }
    return List.copyOf(stamps);
  }
}

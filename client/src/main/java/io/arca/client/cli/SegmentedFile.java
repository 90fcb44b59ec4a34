package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Files of any size encrypted with AES-GCM by the server, one segment per request, so that neither
 * side holds more than one segment and no request comes near the server's message limit.
 *
 * <p>The server's own multi-part Encrypt/Decrypt cannot do this for decryption: GCM releases no
 * plaintext before the tag is checked, so the server answers the whole plaintext with the last
 * part. Instead each segment is a GCM message of its own, and its additional data binds it to the
 * file header, its position and whether it is the last (the STREAM construction), so that segments
 * cannot be dropped, reordered, repeated or cut off at the end without decryption failing:
 *
 * <pre>
 * file    = "ARCAGCM1" || segment size S (4 bytes, big-endian) || segment...
 * segment = IV (12 bytes, drawn by the server) || ciphertext (S bytes; the last one 0..S) || tag (16)
 * AAD     = the 12 header bytes || segment index (8 bytes, big-endian) || 1 if last, else 0
 * </pre>
 *
 * Decryption writes to {@code OUT.part} and renames it only once the last segment is authenticated,
 * so a tampered or truncated file leaves no partial plaintext behind.
 */
final class SegmentedFile {
  /** The first bytes of a segmented file; a file without them is one GCM message (IV||ct||tag). */
  static final byte[] MAGIC = "ARCAGCM1".getBytes(StandardCharsets.US_ASCII);

  /** Plaintext bytes per segment: a request of this much stays well under the 1 MiB default. */
  static final int SEGMENT_BYTES = 256 * 1024;

  private static final int HEADER_BYTES = MAGIC.length + 4;

  private final KmipClient client;
  private final String keyId;
  private final CryptographicParameters parameters;

  SegmentedFile(KmipClient client, String keyId, CryptographicParameters parameters) {
    this.client = client;
    this.keyId = keyId;
    this.parameters = parameters;
  }

  /** Whether {@code file} starts like a segmented file. */
  static boolean isSegmented(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
    }
  }

  /** Encrypts {@code source} into {@code target}, reporting the plaintext bytes done. */
  void encrypt(Path source, Path target, Progress progress) throws IOException {
    byte[] header = header(SEGMENT_BYTES);
    Path part = partial(target);
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(source));
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
      out.write(header);
      byte[] chunk = new byte[SEGMENT_BYTES];
      try {
        for (long index = 0; ; index++) {
          int read = in.readNBytes(chunk, 0, SEGMENT_BYTES);
          boolean last = atEnd(in);
          ByteString plaintext = ByteString.copyOf(Arrays.copyOf(chunk, read));
          Encrypt.Response sealed;
          try {
            sealed =
                client.encrypt(
                    new Encrypt.Request(
                        keyId,
                        parameters,
                        plaintext,
                        null,
                        null,
                        null,
                        null,
                        ByteString.copyOf(aad(header, index, last))));
          } finally {
            plaintext.wipe();
          }
          writeSegment(out, sealed, read);
          progress.advance(read);
          if (last) {
            break;
          }
        }
      } finally {
        Arrays.fill(chunk, (byte) 0);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    progress.done();
  }

  /** Decrypts a segmented {@code source} into {@code target}, reporting the file bytes done. */
  void decrypt(Path source, Path target, Progress progress) throws IOException {
    Path part = partial(target);
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(source));
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
      byte[] header = in.readNBytes(HEADER_BYTES);
      int segmentBytes =
          header.length == HEADER_BYTES ? ByteBuffer.wrap(header, MAGIC.length, 4).getInt() : -1;
      if (!Arrays.equals(Arrays.copyOf(header, Math.min(header.length, MAGIC.length)), MAGIC)
          || segmentBytes <= 0
          || segmentBytes > SEGMENT_BYTES * 4) {
        throw new IllegalArgumentException(source + ": not a segmented AES-GCM file");
      }
      progress.advance(HEADER_BYTES);
      int sealedBytes = SymCommands.GCM_IV_BYTES + segmentBytes + SymCommands.GCM_TAG_BYTES;
      for (long index = 0; ; index++) {
        byte[] sealed = in.readNBytes(sealedBytes);
        boolean last = sealed.length < sealedBytes || atEnd(in);
        if (sealed.length < SymCommands.GCM_IV_BYTES + SymCommands.GCM_TAG_BYTES) {
          throw new IllegalArgumentException(source + ": cut off in segment " + index);
        }
        writePlaintext(out, openSegment(sealed, aad(header, index, last)));
        progress.advance(sealed.length);
        if (last) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    progress.done();
  }

  private Decrypt.Response openSegment(byte[] sealed, byte[] aad) throws IOException {
    int iv = SymCommands.GCM_IV_BYTES;
    int tagStart = sealed.length - SymCommands.GCM_TAG_BYTES;
    return client.decrypt(
        new Decrypt.Request(
            keyId,
            parameters,
            ByteString.copyOf(Arrays.copyOfRange(sealed, iv, tagStart)),
            ByteString.copyOf(Arrays.copyOfRange(sealed, 0, iv)),
            null,
            null,
            null,
            ByteString.copyOf(aad),
            ByteString.copyOf(Arrays.copyOfRange(sealed, tagStart, sealed.length))));
  }

  private static void writeSegment(OutputStream out, Encrypt.Response sealed, int plaintextBytes)
      throws IOException {
    ByteString iv = sealed.ivCounterNonce();
    ByteString tag = sealed.tag();
    ByteString ciphertext = sealed.data();
    int ciphertextBytes = ciphertext == null ? 0 : ciphertext.length();
    if (iv == null
        || iv.length() != SymCommands.GCM_IV_BYTES
        || tag == null
        || tag.length() != SymCommands.GCM_TAG_BYTES
        || ciphertextBytes != plaintextBytes) {
      throw new IOException(
          "the server's AES-GCM answer does not fit the file layout (12-byte IV, 16-byte tag)");
    }
    out.write(iv.toByteArray());
    if (ciphertext != null) {
      out.write(ciphertext.toByteArray());
    }
    out.write(tag.toByteArray());
  }

  private static void writePlaintext(OutputStream out, Decrypt.Response opened) throws IOException {
    ByteString data = opened.data();
    if (data == null) {
      return;
    }
    byte[] plaintext = data.toByteArray();
    try {
      out.write(plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
      data.wipe();
    }
  }

  private static boolean atEnd(BufferedInputStream in) throws IOException {
    in.mark(1);
    boolean end = in.read() < 0;
    in.reset();
    return end;
  }

  private static byte[] header(int segmentBytes) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(segmentBytes).array();
  }

  private static byte[] aad(byte[] header, long index, boolean last) {
    return ByteBuffer.allocate(HEADER_BYTES + 9)
        .put(header)
        .putLong(index)
        .put((byte) (last ? 1 : 0))
        .array();
  }

  private static Path partial(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }
}

package io.arca.server.audit;

import io.arca.persistence.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The local, append-only audit journal: every audit entry is written here by the thread that
 * answers its request, before the answer leaves, and the audit writer appends it to the database
 * chain from here, in order, whenever the database takes it. The journal is a series of segment
 * files (mode 0600) mapped into memory: an append is a copy into the page cache, no system call, so
 * it survives the Arca process being killed and any database outage at no cost on the request path;
 * with {@code sync} each append is also forced to the disk, for power loss.
 *
 * <p>A record is its length, a CRC32C and the entry ({@link JournalRecord}); a length of -1 ends a
 * segment early. Positions are offsets in one logical stream: segment {@code N} starts at {@code N
 * * SEGMENT_BYTES}. Segments are zero-filled by a thread of their own before they are needed, so
 * the disk space of an append is allocated beforehand, and a database append that is slow or waits
 * on a lock never makes the next segment late; when no spare segment could be made (the journal has
 * reached its maximum, or the disk is full) {@link #accepting} turns false.
 *
 * <p>The writer does not read back what this process appended: each entry is also handed to it in
 * memory, in journal order, so the journal is read only for what an earlier process left behind, or
 * when the writer has fallen so far behind (a database outage) that the hand-off queue is full.
 */
public final class AuditJournal {
  static final int SEGMENT_BYTES = 8 << 20;
  private static final int HEADER = 8;
  private static final int END_OF_SEGMENT = -1;
  private static final String PART = ".part";

  /** Free space below which the journal stops accepting, so a batch already let in still fits. */
  private static final int HEADROOM = 1 << 20;

  /**
   * Entries held for the writer in memory, at most; beyond them (the database has stopped taking
   * records) the writer reads the journal, which holds everything.
   */
  static final int MAX_HANDED_OFF = 16_384;

  private final Path directory;
  private final String id;
  private final int maxSegments;
  private final boolean sync;
  private final ConcurrentSkipListMap<Long, MappedByteBuffer> segments =
      new ConcurrentSkipListMap<>();

  // Written under the lock of this; read by accepting() without it.
  private MappedByteBuffer current;
  private long currentBase;
  private volatile int position;
  private volatile @Nullable MappedByteBuffer spare;

  /** Counts {@link #wakeSegmentMaker} calls; under the lock of this. */
  private long wakes;

  /** Everything before this position is completely written. */
  private volatile long published;

  /**
   * An entry appended by this process, for the writer.
   *
   * @param from the journal position a reader is at when this entry is the next one
   * @param end the position after it
   * @param entry the entry
   */
  private record HandedOff(long from, long end, AuditEntry entry) {}

  /** Under the lock of this, which every append holds anyway. */
  private final ArrayDeque<HandedOff> handedOff = new ArrayDeque<>();

  /**
   * Opens the journal in {@code directory} (made, mode 0700, if missing), finding where its last
   * segment's valid records end; a record torn by a crash there is cut off.
   *
   * @param maxBytes the most the journal may hold (at least two segments are kept)
   * @param sync whether every append is forced to the disk before it returns
   */
  public AuditJournal(Path directory, long maxBytes, boolean sync) throws IOException {
    this.directory = directory;
    this.maxSegments = (int) Math.max(2, maxBytes / SEGMENT_BYTES);
    this.sync = sync;
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path idFile = directory.resolve("id");
    if (!Files.exists(idFile)) {
      Files.writeString(
          Files.createFile(idFile, ownerOnly()),
          UUID.randomUUID().toString(),
          StandardCharsets.UTF_8);
    }
    this.id = Files.readString(idFile, StandardCharsets.UTF_8).strip();
    try (var files = Files.list(directory)) {
      for (Path part : files.filter(f -> f.toString().endsWith(PART)).toList()) {
        Files.delete(part); // a segment whose making a crash cut short: it held no record
      }
    }
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".journal")).toList()) {
        long base = Long.parseLong(file.getFileName().toString().replace(".journal", ""), 16);
        segments.put(base, map(file));
      }
    }
    if (segments.isEmpty()) {
      segments.put(0L, map(create(0)));
    }
    Map.Entry<Long, MappedByteBuffer> last = segments.lastEntry();
    currentBase = last.getKey();
    current = last.getValue();
    int end = validEnd(current);
    for (int i = end; i < SEGMENT_BYTES; i++) {
      current.put(i, (byte) 0); // a torn record must not look like the start of a later one
    }
    position = end;
    published = currentBase + end;
  }

  /** This journal's identifier, under which the database records how far it was appended. */
  public String id() {
    return id;
  }

  /** Whether each append is forced to the disk (and so may block). */
  public boolean syncs() {
    return sync;
  }

  /** Everything before this position is written. */
  public long published() {
    return published;
  }

  /** Whether an append would fit now (with room to spare for a batch let in on this answer). */
  public boolean accepting() {
    return spare != null || SEGMENT_BYTES - position > HEADROOM;
  }

  /**
   * Writes the entry; when this returns it survives the process (and, with sync, the machine).
   *
   * @throws AuditUnavailableException if the journal is full or cannot be written
   */
  public void append(AuditEntry entry) {
    ByteBuffer record = JournalRecord.encode(entry);
    int length = record.remaining();
    CRC32C crc = new CRC32C();
    crc.update(record.duplicate());
    int size = HEADER + length;
    if (size > SEGMENT_BYTES - HEADROOM) {
      throw new AuditUnavailableException("an audit entry larger than a journal segment");
    }
    synchronized (this) {
      long from = published;
      if (position + size > SEGMENT_BYTES) {
        nextSegment();
      }
      int at = position;
      current.putInt(at + 4, (int) crc.getValue());
      current.put(at + HEADER, record, 0, length);
      current.putInt(at, length); // last: a record is whole once its length is there
      if (sync) {
        current.force(at, size);
      }
      position = at + size;
      published = currentBase + at + size;
      if (handedOff.size() < MAX_HANDED_OFF) {
        handedOff.add(new HandedOff(from, published, entry)); // in journal order: under the lock
      }
    }
  }

  private void nextSegment() {
    MappedByteBuffer next = spare;
    if (next == null) {
      throw new AuditUnavailableException(
          "the audit journal in " + directory + " is full (the database has not taken it)");
    }
    if (SEGMENT_BYTES - position >= 4) {
      current.putInt(position, END_OF_SEGMENT);
    }
    spare = null;
    notifyAll(); // the segment maker, waiting in awaitSpareWanted, makes the next one now
    currentBase += SEGMENT_BYTES;
    current = next;
    position = 0;
    segments.put(currentBase, next);
    published = currentBase;
  }

  /**
   * Makes the next segment ahead of need, unless one is ready or the journal holds its maximum (the
   * zero-filling is what allocates the disk space). One thread only calls this: the file it deletes
   * and makes is then no segment another thread is writing into.
   */
  void prepareSpare() {
    if (spare != null || segments.size() >= maxSegments) {
      return;
    }
    long base;
    synchronized (this) {
      base = currentBase + SEGMENT_BYTES;
    }
    try {
      Path file = directory.resolve(name(base));
      Files.deleteIfExists(file);
      MappedByteBuffer made = map(create(base));
      synchronized (this) {
        if (spare == null && currentBase + SEGMENT_BYTES == base) {
          spare = made;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new AuditUnavailableException("cannot make an audit journal segment: " + e, e);
    }
  }

  /**
   * Waits at most {@code millis} while no spare segment is wanted: one is ready, or the journal
   * holds its maximum (the database has not taken its oldest segments yet). Returns at once when an
   * append takes the spare.
   */
  synchronized void awaitSpareWanted(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long woken = wakes;
    while ((spare != null || segments.size() >= maxSegments) && woken == wakes) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Ends a wait in {@link #awaitSpareWanted} (at close). */
  synchronized void wakeSegmentMaker() {
    wakes++;
    notifyAll();
  }

  /** Whether a spare segment is ready for the next switch. */
  boolean hasSpare() {
    return spare != null;
  }

  /**
   * The entries from {@code from} on, at most {@code max}, and the position after them.
   *
   * @param entries the entries read
   * @param end where the next read starts
   */
  record Read(List<AuditEntry> entries, long end) {}

  /**
   * Reads what was published from {@code from} on (the writer thread's side): from the hand-off
   * queue when it continues at {@code from}, else from the journal itself.
   */
  Read read(long from, int max) {
    @Nullable List<AuditEntry> entries;
    long at = from;
    synchronized (this) {
      HandedOff next;
      while ((next = handedOff.peek()) != null && next.end() <= from) {
        handedOff.poll(); // already read from the journal
      }
      if (next == null || next.from() != from) {
        entries = null;
      } else {
        entries = new ArrayList<>(Math.min(max, handedOff.size()));
        while (entries.size() < max && (next = handedOff.peek()) != null && next.from() == at) {
          handedOff.poll();
          entries.add(next.entry());
          at = next.end();
        }
      }
    }
    return entries == null ? readJournal(from, max) : new Read(entries, at);
  }

  private Read readJournal(long from, int max) {
    List<AuditEntry> entries = new ArrayList<>();
    long at = Math.max(from, segments.firstKey());
    long until = published;
    while (at < until && entries.size() < max) {
      Map.Entry<Long, MappedByteBuffer> segment = segments.floorEntry(at);
      ByteBuffer buffer = segment.getValue();
      int offset = (int) (at - segment.getKey());
      int length = SEGMENT_BYTES - offset < HEADER ? END_OF_SEGMENT : buffer.getInt(offset);
      if (length <= 0 || offset + HEADER + length > SEGMENT_BYTES) {
        at = segment.getKey() + SEGMENT_BYTES; // the segment's end (or a torn record's)
        continue;
      }
      byte[] line = new byte[length];
      buffer.get(offset + HEADER, line);
      CRC32C crc = new CRC32C();
      crc.update(line);
      if ((int) crc.getValue() != buffer.getInt(offset + 4)) {
        at = segment.getKey() + SEGMENT_BYTES; // torn by a crash: nothing after it was written
        continue;
      }
      entries.add(JournalRecord.decode(line));
      at += HEADER + length;
    }
    return new Read(entries, Math.min(at, Math.max(until, from)));
  }

  /** Deletes the segments wholly before {@code position}, which the database holds. */
  void release(long position) {
    for (Long base : segments.headMap(position - SEGMENT_BYTES + 1).keySet()) {
      if (base + SEGMENT_BYTES <= position && base != currentBaseNow()) {
        segments.remove(base);
        try {
          Files.deleteIfExists(directory.resolve(name(base)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private synchronized long currentBaseNow() {
    return currentBase;
  }

  private static int validEnd(ByteBuffer segment) {
    int at = 0;
    while (SEGMENT_BYTES - at >= HEADER) {
      int length = segment.getInt(at);
      if (length <= 0 || at + HEADER + length > SEGMENT_BYTES) {
        return at;
      }
      byte[] line = new byte[length];
      segment.get(at + HEADER, line);
      CRC32C crc = new CRC32C();
      crc.update(line);
      if ((int) crc.getValue() != segment.getInt(at + 4)) {
        return at;
      }
      at += HEADER + length;
    }
    return at;
  }

  /**
   * Makes segment {@code base}, zero-filled and forced, under a temporary name first: a crash while
   * it is filled leaves a {@code .part} file that the next open deletes, never a short segment.
   */
  private Path create(long base) throws IOException {
    Path file = directory.resolve(name(base));
    Path part = directory.resolve(name(base) + PART);
    Files.deleteIfExists(part);
    Files.createFile(part, ownerOnly());
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(1 << 16);
      for (long written = 0; written < SEGMENT_BYTES; ) {
        zeros.clear();
        written += channel.write(zeros, written);
      }
      channel.force(true);
    }
    return Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static MappedByteBuffer map(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      if (channel.size() != SEGMENT_BYTES) {
        throw new IOException(file + " is not an audit journal segment (wrong size)");
      }
      return channel.map(FileChannel.MapMode.READ_WRITE, 0, SEGMENT_BYTES);
    }
  }

  private static String name(long base) {
    return String.format("%016x.journal", base);
  }

  private static java.nio.file.attribute.FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }
}

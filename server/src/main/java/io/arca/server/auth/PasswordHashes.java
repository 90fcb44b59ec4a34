package io.arca.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords kept as Argon2id hashes (RFC 9106) in the PHC string form {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, never the password. The parameters are OWASP's
 * first recommendation for Argon2id (19 MiB, 2 passes, 1 lane), with a 16-byte random salt and a
 * 32-byte hash: about 50 ms per check on the 2-vCPU test VM, which bounds guessing together with
 * the per-client failure limit. A hash made with other parameters is checked with its own, so they
 * can be raised without invalidating the stored ones.
 */
public final class PasswordHashes {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final String PREFIX = "$argon2id$v=19$";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  /** The most memory a stored hash may ask for (64 MiB), so a hostile file cannot exhaust it. */
  private static final int MAX_MEMORY_KIB = 64 * 1024;

  private PasswordHashes() {}

  /** The PHC string of {@code password} under a new random salt. */
  public static String hash(char[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    try {
      return PREFIX
          + "m="
          + MEMORY_KIB
          + ",t="
          + ITERATIONS
          + ",p="
          + PARALLELISM
          + "$"
          + B64.encodeToString(salt)
          + "$"
          + B64.encodeToString(hash);
    } finally {
      Arrays.fill(hash, (byte) 0);
    }
  }

  /**
   * Whether {@code password} hashes to {@code stored}; the hashes are compared in constant time.
   *
   * @throws IllegalArgumentException if {@code stored} is not an Argon2id PHC string
   */
  public static boolean matches(char[] password, String stored) {
    Parsed parsed = parse(stored);
    byte[] hash =
        derive(
            password,
            parsed.salt,
            parsed.memoryKib,
            parsed.iterations,
            parsed.parallelism,
            parsed.hash.length);
    try {
      return MessageDigest.isEqual(hash, parsed.hash);
    } finally {
      Arrays.fill(hash, (byte) 0);
    }
  }

  /** Checks that {@code stored} is an Argon2id PHC string this class can verify. */
  public static void check(String stored) {
    parse(stored);
  }

  /** A stored hash taken apart. */
  private static final class Parsed {
    final int memoryKib;
    final int iterations;
    final int parallelism;
    final byte[] salt;
    final byte[] hash;

    Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
      this.memoryKib = memoryKib;
      this.iterations = iterations;
      this.parallelism = parallelism;
      this.salt = salt;
      this.hash = hash;
    }
  }

  private static Parsed parse(String stored) {
    String[] parts = stored.split("\\$", -1);
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6
        || !parts[0].isEmpty()
        || !parts[1].equals("argon2id")
        || !parts[2].equals("v=19")) {
      throw new IllegalArgumentException("not an Argon2id (v=19) PHC string");
    }
    String[] parameters = parts[3].split(",", -1);
    if (parameters.length != 3
        || !parameters[0].startsWith("m=")
        || !parameters[1].startsWith("t=")
        || !parameters[2].startsWith("p=")) {
      throw new IllegalArgumentException("Argon2id parameters: expected m=..,t=..,p=..");
    }
    try {
      int memory = Integer.parseInt(parameters[0].substring(2));
      int iterations = Integer.parseInt(parameters[1].substring(2));
      int parallelism = Integer.parseInt(parameters[2].substring(2));
      byte[] salt = B64_DECODER.decode(parts[4]);
      byte[] hash = B64_DECODER.decode(parts[5]);
      if (memory < 8 * parallelism
          || memory > MAX_MEMORY_KIB
          || iterations < 1
          || iterations > 10
          || parallelism < 1
          || parallelism > 4
          || salt.length < 8
          || hash.length < 16
          || hash.length > 64) {
        throw new IllegalArgumentException("Argon2id parameters out of range");
      }
      return new Parsed(memory, iterations, parallelism, salt, hash);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Argon2id parameters: not numbers", e);
    }
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build());
    byte[] utf8 = utf8(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(utf8, out);
      return out;
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** The UTF-8 of {@code password} in an array the caller wipes (no String is made). */
  static byte[] utf8(char[] password) {
    ByteBuffer encoded = ByteBuffer.allocate(password.length * 3);
    StandardCharsets.UTF_8
        .newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .encode(CharBuffer.wrap(password), encoded, true);
    byte[] bytes = Arrays.copyOf(encoded.array(), encoded.position());
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }
}

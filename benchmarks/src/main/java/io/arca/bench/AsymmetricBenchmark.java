package io.arca.bench;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.server.crypto.Signatures;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.JcaKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a Sign costs once the key is in memory, and what parsing the stored key into a JCA key adds
 * (the work the server's JcaKeyCache saves on every request after the first): {@code java -jar
 * benchmarks/target/benchmarks.jar AsymmetricBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AsymmetricBenchmark {
  private static final byte[] DATA =
      "sign me, 32 bytes of payload....".getBytes(StandardCharsets.UTF_8);

  @Param({"Ed25519", "P-256", "RSA-2048"})
  public String key = "Ed25519";

  private final Signatures signatures = new Signatures(new SecureRandom());
  private ClearKey stored;
  private PrivateKey parsed;

  @Setup(Level.Trial)
  public void makeKey() throws GeneralSecurityException {
    KeyPairGenerator generator;
    CryptographicAlgorithm algorithm;
    switch (key) {
      case "Ed25519" -> {
        generator = KeyPairGenerator.getInstance("Ed25519");
        algorithm = CryptographicAlgorithm.ED25519;
      }
      case "P-256" -> {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        algorithm = CryptographicAlgorithm.EC;
      }
      default -> {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        algorithm = CryptographicAlgorithm.RSA;
      }
    }
    stored = JcaKeys.fromJca(generator.generateKeyPair().getPrivate(), algorithm);
    parsed = JcaKeys.privateKey(stored);
  }

  @TearDown(Level.Trial)
  public void wipe() {
    stored.close();
  }

  /** The stored form (PKCS#8 material) to a JCA private key: what a cache miss adds. */
  @Benchmark
  public PrivateKey parseKey() {
    return JcaKeys.privateKey(stored);
  }

  /** A signature with the parsed key, as on a cache hit (RSA: PKCS#1 v1.5 SHA-256). */
  @Benchmark
  public byte[] signWithCachedKey() {
    return signatures.sign(parsed, CryptographicParameters.NONE, DATA, false);
  }
}

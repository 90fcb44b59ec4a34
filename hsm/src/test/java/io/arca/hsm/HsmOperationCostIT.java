package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures, without asserting, what the new operations cost on SoftHSM2 (median microseconds over
 * interleaved samples, one thread), and whether a MAC check answers as fast for a MAC wrong in its
 * first byte as for one wrong in its last. Writes {@code hsm/target/hsm-operation-costs.txt}.
 */
class HsmOperationCostIT extends FreshSoftHsm2Slot {

  private static final int ROUNDS = 400;
  private static final int WARM_UP = 50;

  @Test
  void measuresSignaturesAndMacChecksWithoutAssertingThem() throws Exception {
    byte[] data = "a short message to sign".getBytes(StandardCharsets.UTF_8);
    String rsa = label("cost-rsa");
    String p256 = label("cost-p256");
    String p384 = label("cost-p384");
    String hmac = label("cost-hmac");
    slot().generateRsa(rsa, 2048, true);
    slot().generateEc(p256, EcCurve.P_256, true);
    slot().generateEc(p384, EcCurve.P_384, true);
    slot().generateHmac(hmac, HashAlgorithm.SHA256, 256, true);
    byte[] pkcs1 = slot().sign(rsa, SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, data);
    byte[] ecdsa = slot().sign(p256, SignatureAlgorithm.ECDSA_SHA256, data);
    byte[] mac = slot().mac(hmac, HashAlgorithm.SHA256, data);
    byte[] firstWrong = mac.clone();
    firstWrong[0] ^= 1;
    byte[] lastWrong = mac.clone();
    lastWrong[mac.length - 1] ^= 1;

    Map<String, Runnable> operations = new LinkedHashMap<>();
    operations.put(
        "sign RSA-2048 PKCS#1 v1.5 SHA-256",
        () -> slot().sign(rsa, SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, data));
    operations.put(
        "sign RSA-2048 PSS SHA-256",
        () -> slot().sign(rsa, SignatureAlgorithm.RSA_PSS_SHA256, data));
    operations.put(
        "verify RSA-2048 PKCS#1 v1.5 SHA-256",
        () -> slot().verify(rsa + "_pk", SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, data, pkcs1));
    operations.put(
        "sign ECDSA P-256 SHA-256 (DER)",
        () -> slot().sign(p256, SignatureAlgorithm.ECDSA_SHA256, data));
    operations.put(
        "sign ECDSA P-384 SHA-384 (DER)",
        () -> slot().sign(p384, SignatureAlgorithm.ECDSA_SHA384, data));
    operations.put(
        "verify ECDSA P-256 SHA-256",
        () -> slot().verify(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, data, ecdsa));
    operations.put("MAC HMAC-SHA-256", () -> slot().mac(hmac, HashAlgorithm.SHA256, data));
    operations.put(
        "MAC verify, correct", () -> slot().verifyMac(hmac, HashAlgorithm.SHA256, data, mac));
    operations.put(
        "MAC verify, first byte wrong",
        () -> slot().verifyMac(hmac, HashAlgorithm.SHA256, data, firstWrong));
    operations.put(
        "MAC verify, last byte wrong",
        () -> slot().verifyMac(hmac, HashAlgorithm.SHA256, data, lastWrong));

    Map<String, List<Long>> samples = new LinkedHashMap<>();
    operations.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
    // Interleaved: each round runs every operation once, so drift in the shared machine's load
    // falls on all of them alike.
    for (int round = 0; round < WARM_UP + ROUNDS; round++) {
      for (Map.Entry<String, Runnable> op : operations.entrySet()) {
        long start = System.nanoTime();
        op.getValue().run();
        long took = System.nanoTime() - start;
        if (round >= WARM_UP) {
          samples.computeIfAbsent(op.getKey(), k -> new ArrayList<>()).add(took);
        }
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "%d interleaved rounds after %d to warm up; median and p90 in microseconds%n",
            ROUNDS,
            WARM_UP));
    for (Map.Entry<String, List<Long>> s : samples.entrySet()) {
      long[] sorted = s.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      report.append(
          String.format(
              Locale.ROOT,
              "%-40s median %8.1f  p90 %8.1f%n",
              s.getKey(),
              sorted[sorted.length / 2] / 1e3,
              sorted[sorted.length * 9 / 10] / 1e3));
    }
    Path out =
        Path.of(
            System.getProperty("arca.scripts"), "..", "hsm", "target", "hsm-operation-costs.txt");
    Files.writeString(out.normalize(), report.toString(), StandardCharsets.UTF_8);
    assertThat(report).contains("MAC verify, last byte wrong");
    assertThat(slot().verifyMac(hmac, HashAlgorithm.SHA256, data, lastWrong)).isFalse();
  }
}

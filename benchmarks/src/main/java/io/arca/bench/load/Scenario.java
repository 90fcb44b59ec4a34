package io.arca.bench.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the load generator asks for. {@link ScenarioSetup} prepares what each one needs (a key, a
 * ciphertext) and encodes its request once; every send then reuses the same bytes.
 */
enum Scenario {
  /** Discover Versions on kept-alive connections: the cost of TLS records, framing and dispatch. */
  NOOP,
  /** A new mutual-TLS connection per Discover Versions: the cost of handshakes. */
  HANDSHAKE,
  /** Get of one AES-256 key: the key cache and the encoding of a key in the response. */
  GET,
  /** Create of an AES-256 key, acknowledged once stored durably: the object store's writes. */
  CREATE_AES,
  /** AES-256-GCM Encrypt of 64 bytes with a warm key; the server chooses the IV. */
  ENCRYPT_AES_GCM,
  /**
   * AES-256-CBC (PKCS#5 padding) Encrypt of 64 bytes with a warm key; the server chooses the IV.
   */
  ENCRYPT_AES_CBC,
  /**
   * AES-256-GCM Encrypt with a stored key wrapped at rest by an HSM key: unwrapped in the HSM once,
   * then served from memory.
   */
  ENCRYPT_WRAPPED,
  /** AES-256-GCM Encrypt inside the HSM with an {@code hsm::<slot>::<label>} key. */
  ENCRYPT_HSM,
  /** RSA-OAEP (SHA-1, what SoftHSM2 offers) Decrypt inside the HSM with an {@code hsm::} key. */
  DECRYPT_RSA_HSM;

  /** The command-line name, e.g. {@code create-aes}. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every label, for help and error messages. */
  static String labels() {
    return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
  }

  static Scenario parse(String label) {
    for (Scenario scenario : values()) {
      if (scenario.label().equals(label)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("--scenario " + label + ": expected one of " + labels());
  }
}

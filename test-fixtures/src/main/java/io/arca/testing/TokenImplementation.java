package io.arca.testing;

import java.nio.file.Path;

/**
 * The PKCS#11 token implementations the HSM tests run on, each brought up by a script beside the
 * others in {@code scripts/}. They differ in what they implement (SoftHSM2: AES-GCM, AES key wrap
 * with padding, EC keys and ECDSA, RSA-OAEP with SHA-1 only; opencryptoki: RSA-OAEP with SHA-256,
 * no AES-GCM, no AES key wrap, no EC, no bound HMAC keys), which is why every HSM test runs on
 * both.
 */
public enum TokenImplementation {
  /** SoftHSM2 2.6: two private tokens under the directory of {@code SOFTHSM2_CONF}, made afresh. */
  SOFTHSM2(
      "softhsm2",
      "softhsm-test-tokens",
      Path.of("/usr/lib/softhsm/libsofthsm2.so"),
      "apt-get install softhsm2",
      true,
      true,
      false,
      true,
      true),
  /**
   * opencryptoki 3.8's software token: the machine's two test tokens on the system daemon, shared
   * by every run (opencryptoki has no private configuration), so tests name their keys uniquely.
   */
  OPENCRYPTOKI(
      "opencryptoki",
      "opencryptoki-test-tokens",
      Path.of("/usr/lib/x86_64-linux-gnu/opencryptoki/libopencryptoki.so.0"),
      "apt-get install opencryptoki, then scripts/opencryptoki-test-tokens once as root",
      false,
      false,
      true,
      false,
      false);

  private final String model;
  private final String script;
  private final Path library;
  private final String install;
  private final boolean aesGcm;
  private final boolean aesKeyWrapPad;
  private final boolean rsaOaepSha256;
  private final boolean ecdsa;
  private final boolean hmacKeys;

  TokenImplementation(
      String model,
      String script,
      Path library,
      String install,
      boolean aesGcm,
      boolean aesKeyWrapPad,
      boolean rsaOaepSha256,
      boolean ecdsa,
      boolean hmacKeys) {
    this.model = model;
    this.script = script;
    this.library = library;
    this.install = install;
    this.aesGcm = aesGcm;
    this.aesKeyWrapPad = aesKeyWrapPad;
    this.rsaOaepSha256 = rsaOaepSha256;
    this.ecdsa = ecdsa;
    this.hmacKeys = hmacKeys;
  }

  /**
   * Whether the token implements AES-GCM (CKM_AES_GCM). What a test expects, written down here
   * rather than read from the token, so that a token that lost a mechanism fails a test instead of
   * turning it into a check of the refusal.
   */
  public boolean aesGcm() {
    return aesGcm;
  }

  /** Whether the token implements AES key wrap with padding (RFC 5649). */
  public boolean aesKeyWrapPad() {
    return aesKeyWrapPad;
  }

  /** Whether the token implements RSA-OAEP with SHA-256 (and MGF1 with SHA-256). */
  public boolean rsaOaepSha256() {
    return rsaOaepSha256;
  }

  /** Whether the token makes EC key pairs on the NIST curves and signs with ECDSA. */
  public boolean ecdsa() {
    return ecdsa;
  }

  /**
   * Whether the token makes HMAC keys bound to one hash (CKA_ALLOWED_MECHANISMS, which opencryptoki
   * 3.8 refuses as an unknown attribute).
   */
  public boolean hmacKeys() {
    return hmacKeys;
  }

  /** The server's {@code --hsm-model} (and the hsm module's profile name) for this token. */
  public String model() {
    return model;
  }

  /** The script in {@code scripts/} that brings the tokens up and prints their slots. */
  public String script() {
    return script;
  }

  /** Where Debian installs the implementation's PKCS#11 library. */
  public Path library() {
    return library;
  }

  /** How to install it, for the message of a test that cannot run. */
  String install() {
    return install;
  }
}

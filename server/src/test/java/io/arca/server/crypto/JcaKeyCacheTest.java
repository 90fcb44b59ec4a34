package io.arca.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JcaKeyCacheTest {
  private final JcaKeyCache cache = new JcaKeyCache(10, Duration.ofMinutes(1));
  private final AtomicInteger loads = new AtomicInteger();

  private PrivateKey load(KeyPair pair) {
    loads.incrementAndGet();
    return pair.getPrivate();
  }

  @Test
  void aKeyIsParsedOncePerVersionOfItsObject() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    PrivateKey first = cache.get("k", 1, PrivateKey.class, () -> load(pair));
    PrivateKey again = cache.get("k", 1, PrivateKey.class, () -> load(pair));
    assertThat(again).isSameAs(first);
    assertThat(loads).hasValue(1);

    cache.get("k", 2, PrivateKey.class, () -> load(pair));
    assertThat(loads).hasValue(2);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theTwoHalvesOfAnIdentifierAreKeptApart() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    cache.get("k", 1, PrivateKey.class, pair::getPrivate);
    PublicKey publicKey = cache.get("k", 1, PublicKey.class, pair::getPublic);

    assertThat(publicKey).isSameAs(pair.getPublic());
    assertThat(cache.size()).isEqualTo(2);
  }
}

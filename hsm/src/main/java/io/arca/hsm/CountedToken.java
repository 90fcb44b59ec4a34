package io.arca.hsm;

import java.util.concurrent.atomic.AtomicLong;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;

/**
 * A slot's token that counts its C_OpenSession calls, failed ones included: xipki's session pool
 * opens sessions on its own, and a token that goes away must not cost a session per request.
 */
final class CountedToken extends Token {
  private final AtomicLong opened;

  CountedToken(Slot slot, AtomicLong opened) {
    super(slot);
    this.opened = opened;
  }

  @Override
  public Session openSession(boolean rwSession, Object application) throws PKCS11Exception {
    opened.incrementAndGet();
    return super.openSession(rwSession, application);
  }
}

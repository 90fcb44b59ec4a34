package io.arca.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Sits between a {@link Database}'s pool and the code ({@link Database#interpose}) and makes the
 * next connection lent die the way a killed database node does: in the middle of a statement, or in
 * a commit whose answer never comes back (the commit made, or not made, on the server). Each death
 * is armed once and strikes one connection.
 */
public final class DyingConnections implements UnaryOperator<Connection> {
  /** How the next connection dies. */
  public enum Death {
    /** Its first statement fails; nothing it did is committed. */
    MID_STATEMENT,
    /** Its commit is made, then the connection fails before the acknowledgement. */
    AFTER_COMMIT,
    /** Its commit is not made (rolled back), {@link #meanwhile} runs, then the commit fails. */
    COMMIT_NOT_MADE
  }

  private final AtomicReference<Death> armed = new AtomicReference<>();
  private volatile Runnable meanwhile = () -> {};
  private final AtomicInteger deaths = new AtomicInteger();

  /** Makes the next connection lent die so. */
  public void arm(Death death) {
    armed.set(death);
  }

  /** For {@link Death#COMMIT_NOT_MADE}: what another writer does while the commit is in flight. */
  void meanwhile(Runnable work) {
    this.meanwhile = work;
  }

  /** How many connections died so far. */
  public int deaths() {
    return deaths.get();
  }

  /** Puts a new one between {@code database}'s pool and its users (for tests in other modules). */
  public static DyingConnections between(Database database) {
    DyingConnections dying = new DyingConnections();
    database.interpose(dying);
    return dying;
  }

  @Override
  public Connection apply(Connection real) {
    Death death = armed.getAndSet(null);
    if (death == null) {
      return real;
    }
    return proxy(Connection.class, new Dying(real, death));
  }

  private static SQLNonTransientConnectionException lost() {
    return new SQLNonTransientConnectionException(
        "(conn=0) Connection reset: the test killed this connection", "08S01");
  }

  private final class Dying implements InvocationHandler {
    private final Connection real;
    private final Death death;

    Dying(Connection real, Death death) {
      this.real = real;
      this.death = death;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("commit")) {
        if (death == Death.AFTER_COMMIT) {
          real.commit();
          deaths.incrementAndGet();
          throw lost();
        }
        if (death == Death.COMMIT_NOT_MADE) {
          real.rollback();
          // Ends the transaction, so that the other writer is not kept waiting for this one.
          real.setAutoCommit(true);
          meanwhile.run();
          deaths.incrementAndGet();
          throw lost();
        }
      }
      Object result = call(real, method, args);
      if (death == Death.MID_STATEMENT && result instanceof Statement s) {
        @SuppressWarnings("unchecked")
        Class<Statement> type = (Class<Statement>) method.getReturnType();
        return proxy(
            type,
            (p, m, a) -> {
              if (m.getName().startsWith("execute")) {
                deaths.incrementAndGet();
                throw lost();
              }
              return call(s, m, a);
            });
      }
      return result;
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            DyingConnections.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}

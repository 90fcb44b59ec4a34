package io.arca.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP as a request to reload, not to stop. The JVM's own handler treats SIGHUP like SIGTERM
 * (shutdown hooks, exit), so installing this one also makes SIGTERM and SIGINT the only stopping
 * signals. {@code sun.misc.Signal} is the one way to do this on JDK 17 to 25; it is reached by
 * reflection because javac warns about it with no way to suppress the warning, and the build treats
 * warnings as errors.
 */
final class HangupSignal {
  private static final Logger log = LoggerFactory.getLogger(HangupSignal.class);

  private HangupSignal() {}

  /**
   * Runs {@code onHangup} on each SIGHUP, on the JVM's signal thread, one at a time.
   *
   * @return false (and logged) when this JVM offers no way to catch SIGHUP, or was started with
   *     -Xrs
   */
  static boolean handle(Runnable onHangup) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object hangup = signalType.getConstructor(String.class).newInstance("HUP");
      Object handler =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, arguments) -> {
                if (method.getName().equals("handle")) {
                  run(onHangup);
                  return null;
                }
                return objectMethod(proxy, method, arguments);
              });
      signalType.getMethod("handle", signalType, handlerType).invoke(null, hangup, handler);
      return true;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
      log.warn("SIGHUP cannot be caught here, so it cannot reload: {}", String.valueOf(cause));
      return false;
    }
  }

  private static void run(Runnable onHangup) {
    try {
      onHangup.run();
    } catch (RuntimeException e) {
      log.warn("reload on SIGHUP failed", e);
    }
  }

  /** equals, hashCode and toString of the handler proxy, which Signal may call. */
  private static Object objectMethod(Object proxy, Method method, Object[] arguments) {
    return switch (method.getName()) {
      case "equals" -> proxy == arguments[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "HangupSignal handler";
    };
  }
}

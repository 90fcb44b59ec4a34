package io.arca.server;

import io.arca.server.config.Observability;
import java.util.Locale;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Chooses the log's level and form before the first logger exists (logback.xml reads both as
 * properties), and routes java.util.logging into SLF4J, so that the PKCS#11 wrapper's records come
 * out as one line in the same form as the rest instead of JUL's own two-line text on stderr.
 */
final class LogSetup {
  private LogSetup() {}

  static void apply(String level, Observability.LogFormat format) {
    System.setProperty("arca.log.level", level.toUpperCase(Locale.ROOT));
    System.setProperty("arca.log.appender", format.name().toLowerCase(Locale.ROOT));
    bridgeJul();
  }

  /** Replaces JUL's console handler with the bridge to SLF4J (once, however often called). */
  static void bridgeJul() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}

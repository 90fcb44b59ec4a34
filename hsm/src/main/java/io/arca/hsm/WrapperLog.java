package io.arca.hsm;

import org.xipki.pkcs11.wrapper.Logger;

/**
 * Sends the PKCS#11 wrapper's messages to the JDK's logging facade instead of standard output,
 * where the wrapper writes by default. Debug and trace are dropped: at those levels the wrapper
 * prints attribute templates, which can hold key values.
 */
final class WrapperLog implements Logger {

  private static final System.Logger LOG = System.getLogger("org.xipki.pkcs11");

  @Override
  public void info(String format, Object... arguments) {
    log(System.Logger.Level.INFO, format, arguments);
  }

  @Override
  public void warn(String format, Object... arguments) {
    log(System.Logger.Level.WARNING, format, arguments);
  }

  @Override
  public void error(String format, Object... arguments) {
    log(System.Logger.Level.ERROR, format, arguments);
  }

  @Override
  public void debug(String format, Object... arguments) {}

  @Override
  public void trace(String format, Object... arguments) {}

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return LOG.isLoggable(System.Logger.Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return LOG.isLoggable(System.Logger.Level.WARNING);
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  private static void log(System.Logger.Level level, String format, Object... arguments) {
    if (!LOG.isLoggable(level)) {
      return;
    }
    // The wrapper uses SLF4J-style "{}" placeholders.
    StringBuilder out = new StringBuilder(format.length() + 32);
    int from = 0;
    int next = 0;
    for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
      out.append(format, from, at).append(next < arguments.length ? arguments[next++] : "{}");
      from = at + 2;
    }
    out.append(format, from, format.length());
    LOG.log(level, out.toString());
  }
}

package io.arca.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets an appender of logback.xml write only when it is the form {@code log-format} chose. Both
 * forms' appenders are attached to the root logger, so that Logback finds none unreferenced (it
 * would print its whole configuration status at every start), and this filter silences the one not
 * chosen. The form is read once, when the appender starts: {@link LogSetup} sets it before the
 * first logger exists.
 */
public final class LogFormFilter extends Filter<ILoggingEvent> {
  private String form = "";
  private boolean chosen;

  /** The form this filter's appender writes: {@code text} or {@code json}. */
  public void setForm(String form) {
    this.form = form;
  }

  @Override
  public void start() {
    chosen = form.equals(System.getProperty("arca.log.appender", "text"));
    super.start();
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return chosen ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}

package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log (KMIP 2.1 §6.1.31): the client's message goes to the server's log, with who sent it. The
 * message is the client's text, so it is cut to a bounded length and its control characters are
 * replaced, so that it cannot forge log lines.
 */
public final class LogHandler implements OperationHandler<String, TtlvStructure> {
  private static final Logger log = LoggerFactory.getLogger(LogHandler.class);
  private static final int MAX_CHARS = 1024;

  @Override
  public Operation operation() {
    return Operation.LOG;
  }

  @Override
  public TtlvStructure handle(String message, RequestContext context) {
    log.info("client log from {}: {}", context.user(), printable(message));
    return StructureBuilder.of(Tag.RESPONSE_PAYLOAD).build();
  }

  /** The message cut to {@link #MAX_CHARS}, with control characters shown as '?'. */
  static String printable(String message) {
    String bounded =
        message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) + "..." : message;
    StringBuilder out = new StringBuilder(bounded.length());
    bounded.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}

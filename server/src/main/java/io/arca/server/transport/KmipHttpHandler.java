package io.arca.server.transport;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS port's bridge between HTTP and the request path of the TTLV port (KMIP Profiles 2.1
 * §5.3 HTTPS, §5.4 XML, §5.5 JSON): a POST to {@code /kmip} becomes one TTLV frame (or a {@link
 * MalformedFrame}) for the {@link RequestDispatcher}, and the TTLV answer the dispatcher writes
 * back becomes an HTTP 200 response in the request's encoding. What is not a KMIP request is
 * refused here with its HTTP status, logged as a refusal, and the connection closed: another path
 * 404, another method 405, an unknown Content-Type 415, an Accept the encoding cannot meet 406, an
 * unreadable HTTP message 400 ({@link HttpBodyLimit} answers 413 to a body too large). A body that
 * is not a KMIP request in its encoding is answered by KMIP, as on the TTLV port: Invalid Message,
 * then the connection closes. The flow control before this handler hands it one request at a time,
 * so at most one answer is ever pending.
 */
final class KmipHttpHandler extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger(KmipHttpHandler.class);
  static final String PATH = "/kmip";
  private static final String NO_CACHE =
      HttpHeaderValues.NO_CACHE + ", " + HttpHeaderValues.NO_STORE;

  private final int maxMessageBytes;
  private final int maxTextChars;
  private final RefusalLog refusals;
  private @Nullable Pending pending;

  /** What the answer to the request in flight must look like. */
  private record Pending(HttpEncoding encoding, String mediaType, boolean keepAlive) {}

  /**
   * A handler for one connection.
   *
   * @param maxMessageBytes the largest TTLV request, as on the TTLV port
   * @param maxTextChars the largest XML or JSON body, in characters
   */
  KmipHttpHandler(int maxMessageBytes, int maxTextChars, RefusalLog refusals) {
    this.maxMessageBytes = maxMessageBytes;
    this.maxTextChars = maxTextChars;
    this.refusals = refusals;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!(message instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(message);
      return;
    }
    try {
      read(ctx, request);
    } finally {
      request.release();
    }
  }

  private void read(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "not a readable HTTP/1.1 request");
      return;
    }
    String uri = request.uri();
    int query = uri.indexOf('?');
    if (!(query < 0 ? uri : uri.substring(0, query)).equals(PATH)) {
      refuse(ctx, HttpResponseStatus.NOT_FOUND, "KMIP is served at " + PATH + " only");
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "KMIP requests are POSTed");
      return;
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    HttpEncoding encoding = HttpEncoding.of(contentType);
    if (encoding == null) {
      refuse(
          ctx,
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/octet-stream (TTLV), text/xml or application/xml"
              + " (KMIP XML), or application/json (KMIP JSON)");
      return;
    }
    String mediaType =
        answerType(request.headers().get(HttpHeaderNames.ACCEPT), encoding, contentType);
    if (mediaType == null) {
      refuse(
          ctx,
          HttpResponseStatus.NOT_ACCEPTABLE,
          "the answer comes in the request's encoding, which Accept refuses");
      return;
    }
    ByteBuf body = request.content();
    if (encoding == HttpEncoding.TTLV && body.readableBytes() > maxMessageBytes) {
      refuse(
          ctx,
          HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
          "request length: "
              + body.readableBytes()
              + " bytes (expected: <= "
              + maxMessageBytes
              + ")");
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (encoding == HttpEncoding.TTLV) {
      MalformedFrame malformed = checkFrame(body);
      pass(
          ctx,
          new Pending(encoding, mediaType, keepAlive),
          malformed != null ? malformed : body.retain());
      return;
    }
    try {
      pass(ctx, new Pending(encoding, mediaType, keepAlive), fromText(body, encoding));
    } finally {
      // The text may hold key material (Register): leave none of it in pooled memory.
      body.setZero(body.readerIndex(), body.readableBytes());
    }
  }

  /**
   * Hands the request on; the dispatcher answers a malformed one once and closes, so its answer
   * says Connection: close.
   */
  private void pass(ChannelHandlerContext ctx, Pending answer, Object request) {
    pending =
        request instanceof MalformedFrame
            ? new Pending(answer.encoding(), answer.mediaType(), false)
            : answer;
    ctx.fireChannelRead(request);
  }

  /** Why a TTLV body is not one request frame, or null when it is. */
  private static @Nullable MalformedFrame checkFrame(ByteBuf body) {
    int bytes = body.readableBytes();
    if (bytes < TtlvFrameDecoder.HEADER_BYTES
        || body.getInt(body.readerIndex()) != TtlvFrameDecoder.REQUEST_MESSAGE_HEADER) {
      return new MalformedFrame(
          ResultReason.INVALID_MESSAGE,
          "the body does not start with a RequestMessage structure (42 00 78 01)");
    }
    long frameBytes = TtlvFrameDecoder.HEADER_BYTES + body.getUnsignedInt(body.readerIndex() + 4);
    if (frameBytes != bytes) {
      return new MalformedFrame(
          ResultReason.INVALID_MESSAGE,
          "request length: " + frameBytes + " bytes (expected: the body's " + bytes + ")");
    }
    return null;
  }

  /** The TTLV frame of an XML or JSON body, or why it is none. */
  private Object fromText(ByteBuf body, HttpEncoding encoding) {
    if (!ByteBufUtil.isText(body, StandardCharsets.UTF_8)) {
      return new MalformedFrame(ResultReason.INVALID_MESSAGE, "the body is not UTF-8 text");
    }
    byte[] frame;
    try {
      frame = encoding.toTtlv(body.toString(StandardCharsets.UTF_8), maxTextChars);
    } catch (TtlvException e) {
      return new MalformedFrame(e.reason(), e.getMessage());
    }
    if (frame.length > maxMessageBytes) {
      Arrays.fill(frame, (byte) 0);
      return new MalformedFrame(
          ResultReason.INVALID_MESSAGE,
          "request length: " + frame.length + " bytes (expected: <= " + maxMessageBytes + ")");
    }
    return Unpooled.wrappedBuffer(frame);
  }

  /**
   * The media type of the answer: the request's own, or the other name of its encoding (text/xml,
   * application/xml) when Accept takes only that; null when Accept takes neither.
   */
  static @Nullable String answerType(
      @Nullable String accept, HttpEncoding encoding, String contentType) {
    String asked = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (accept == null || accept.isBlank() || accepts(accept, asked)) {
      return asked;
    }
    String other = encoding == HttpEncoding.XML ? otherXmlType(asked) : null;
    return other != null && accepts(accept, other) ? other : null;
  }

  private static String otherXmlType(String asked) {
    return asked.equals("text/xml") ? "application/xml" : "text/xml";
  }

  /**
   * Whether an Accept header takes {@code type}: exactly, as {@code major/*} or {@code *}/{@code
   * *}, with q above 0.
   */
  private static boolean accepts(String accept, String type) {
    for (String range : accept.split(",", -1)) {
      String[] parts = range.split(";", -1);
      String media = parts[0].strip().toLowerCase(Locale.ROOT);
      boolean matches =
          media.equals("*/*")
              || media.equals(type)
              || (media.endsWith("/*") && type.startsWith(media.substring(0, media.length() - 1)));
      if (matches && !refusedByQuality(parts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean refusedByQuality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2)) <= 0;
        } catch (NumberFormatException e) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The dispatcher's TTLV answer, as the HTTP response to the request in flight. Anything else (the
   * TLS handler's own writes never pass here) goes on unchanged.
   */
  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
    Pending answering = pending;
    if (!(message instanceof ByteBuf ttlv) || answering == null) {
      ctx.write(message, promise);
      return;
    }
    pending = null;
    FullHttpResponse response;
    if (answering.encoding() == HttpEncoding.TTLV) {
      response = response(HttpResponseStatus.OK, ttlv, answering.mediaType());
    } else {
      response = textResponse(ctx, ttlv, answering);
    }
    boolean keepAlive = answering.keepAlive() && response.status().equals(HttpResponseStatus.OK);
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.write(response, promise);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private FullHttpResponse textResponse(
      ChannelHandlerContext ctx, ByteBuf ttlv, Pending answering) {
    byte[] bytes = ByteBufUtil.getBytes(ttlv);
    try {
      String text =
          answering
              .encoding()
              .fromTtlv(
                  bytes,
                  new DecodeLimits(
                      bytes.length,
                      DecodeLimits.DEFAULTS.maxDepth(),
                      DecodeLimits.DEFAULTS.maxItemsPerStructure()));
      return response(
          HttpResponseStatus.OK, ByteBufUtil.writeUtf8(ctx.alloc(), text), answering.mediaType());
    } catch (RuntimeException e) {
      // Our own response, so a bug: say so without a value from it (e.g. a lone surrogate).
      log.warn(
          "{}: the answer cannot be written as {}: {}",
          ctx.channel().remoteAddress(),
          answering.encoding(),
          e.toString());
      return plain(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the answer cannot be encoded");
    } finally {
      Arrays.fill(bytes, (byte) 0);
      ttlv.setZero(0, ttlv.capacity());
      ReferenceCountUtil.release(ttlv);
    }
  }

  /** Answers a request that is not for KMIP with its HTTP status, logs why, and closes. */
  private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
    refusals.refused(
        ctx.channel().remoteAddress(), Refusal.MALFORMED_REQUEST, status.code() + " " + why);
    FullHttpResponse response = plain(status, why);
    if (status.equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
      response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
    }
    HttpUtil.setKeepAlive(response, false);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse plain(HttpResponseStatus status, String text) {
    return response(
        status,
        Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8),
        "text/plain; charset=utf-8");
  }

  private static FullHttpResponse response(
      HttpResponseStatus status, ByteBuf content, String contentType) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
        // Answers carry key material: no cache on the way may keep one.
        .set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
    return response;
  }
}

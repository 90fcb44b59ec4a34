package io.arca.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Gathers an HTTP request and its body, up to a bound, before anything reads it: a longer body
 * (announced by Content-Length, or found while a chunked one arrives) is answered 413 and the
 * connection closed, so a client cannot make the server hold more than one bounded body. A request
 * whole stops its {@link RequestDeadline}, as a whole frame does on the TTLV port.
 */
final class HttpBodyLimit extends HttpObjectAggregator {
  private final int maxBodyBytes;
  private final RequestDeadline deadline;
  private final RefusalLog refusals;

  HttpBodyLimit(int maxBodyBytes, RequestDeadline deadline, RefusalLog refusals) {
    super(maxBodyBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.deadline = deadline;
    this.refusals = refusals;
  }

  @Override
  protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content) throws Exception {
    deadline.requestStarted();
    return super.beginAggregation(start, content);
  }

  @Override
  protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
    super.finishAggregation(aggregated);
    deadline.requestDone(false);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    String why = "HTTP body larger than " + maxBodyBytes + " bytes";
    refusals.refused(ctx.channel().remoteAddress(), Refusal.MALFORMED_REQUEST, "413 " + why);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            Unpooled.copiedBuffer(why + "\n", StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    HttpUtil.setContentLength(response, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, false);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}

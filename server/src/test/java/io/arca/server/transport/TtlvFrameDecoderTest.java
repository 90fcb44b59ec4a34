package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ResultReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TtlvFrameDecoderTest {
  // RequestMessage structure of 16 bytes holding one 8-byte-padded Integer.
  private static final byte[] REQUEST =
      HexFormat.of().parseHex("4200780100000010" + "42006A0200000004" + "0000000100000000");

  @Test
  void frameSentOneByteAtATimeComesOutWhole() {
    EmbeddedChannel channel = new EmbeddedChannel(new TtlvFrameDecoder(1024));
    for (byte b : REQUEST) {
      assertThat(channel.<Object>readInbound()).isNull();
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }

    ByteBuf frame = channel.readInbound();
    assertThat(frame.readableBytes()).isEqualTo(REQUEST.length);
    frame.release();
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void headerAndBodyInSeparateWritesComeOutAsOneFrame() {
    EmbeddedChannel channel = new EmbeddedChannel(new TtlvFrameDecoder(1024));
    channel.writeInbound(Unpooled.wrappedBuffer(REQUEST, 0, 8));
    channel.writeInbound(Unpooled.wrappedBuffer(REQUEST, 8, REQUEST.length - 8));

    ByteBuf frame = channel.readInbound();
    assertThat(frame.readableBytes()).isEqualTo(REQUEST.length);
    frame.release();
  }

  @Test
  void twoRequestsInOneWriteComeOutAsTwoFrames() {
    EmbeddedChannel channel = new EmbeddedChannel(new TtlvFrameDecoder(1024));
    channel.writeInbound(Unpooled.wrappedBuffer(REQUEST, REQUEST));

    ByteBuf first = channel.readInbound();
    ByteBuf second = channel.readInbound();
    assertThat(first.readableBytes()).isEqualTo(REQUEST.length);
    assertThat(second.readableBytes()).isEqualTo(REQUEST.length);
    first.release();
    second.release();
  }

  @Test
  void streamThatIsNotARequestMessageIsRefusedAtOnce() {
    EmbeddedChannel channel = new EmbeddedChannel(new TtlvFrameDecoder(1024));
    channel.writeInbound(
        Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)));

    MalformedFrame malformed = channel.readInbound();
    assertThat(malformed.reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
    assertThat(malformed.message()).contains("RequestMessage");
    channel.writeInbound(Unpooled.wrappedBuffer(REQUEST));
    assertThat(channel.<Object>readInbound()).as("nothing after a bad header").isNull();
  }

  @Test
  void oversizedLengthIsRefusedBeforeTheBodyArrives() {
    EmbeddedChannel channel = new EmbeddedChannel(new TtlvFrameDecoder(1024));
    channel.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("420078017FFFFFF0")));

    MalformedFrame malformed = channel.readInbound();
    assertThat(malformed.reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
    assertThat(malformed.message()).contains("expected: <= 1024");
  }
}

package io.arca.server.transport;

import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.kmip.ttlv.text.KmipJson;
import io.arca.kmip.ttlv.text.KmipXml;
import io.arca.kmip.ttlv.text.Placeholders;
import io.arca.kmip.ttlv.text.TextOptions;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The message encodings the HTTPS port takes, by the Content-Type of a POST to {@code /kmip} (KMIP
 * Profiles 2.1 §5.3-5.5, KMIP Additional Message Encodings 1.0): binary TTLV, KMIP XML and KMIP
 * JSON. The server speaks TTLV inside; XML and JSON are turned into TTLV on the way in and back on
 * the way out, so the request path is the TTLV port's.
 */
enum HttpEncoding {
  TTLV("application/octet-stream"),
  XML("text/xml"),
  JSON("application/json");

  private final String mediaType;

  HttpEncoding(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type written in a response when the request named none of the aliases. */
  String mediaType() {
    return mediaType;
  }

  /**
   * The encoding a Content-Type names, or null when it names none of them: the media type compared
   * without case, and for XML and JSON a charset, if any, must be UTF-8 (the encodings' only one).
   */
  static @Nullable HttpEncoding of(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    String[] parts = contentType.split(";", -1);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    HttpEncoding encoding =
        switch (type) {
          case "application/octet-stream" -> TTLV;
          case "text/xml", "application/xml" -> XML;
          case "application/json" -> JSON;
          default -> null;
        };
    for (int i = 1; encoding != null && i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("charset=")
          && (encoding == TTLV || !isUtf8(parameter.substring("charset=".length())))) {
        return null;
      }
    }
    return encoding;
  }

  private static boolean isUtf8(String charset) {
    String name = charset.strip();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.equals("utf-8") || name.equals("utf8");
  }

  /**
   * The request as a TTLV frame. For XML and JSON the text is read strictly (no placeholders, no
   * DTD, depth and size bounded) and must be a Request Message.
   *
   * @throws io.arca.kmip.ttlv.TtlvException when the text is not a request (Invalid Message)
   */
  byte[] toTtlv(String text, int maxChars) {
    TextOptions options = new TextOptions(null, Placeholders.REFUSE, maxChars, 32);
    Ttlv request = this == XML ? KmipXml.read(text, options) : KmipJson.read(text, options);
    try {
      if (request.tag() != Tag.REQUEST_MESSAGE.code() || !(request instanceof TtlvStructure)) {
        throw new TtlvException(
            ResultReason.INVALID_MESSAGE, "the " + name() + " body is not a RequestMessage");
      }
      return TtlvWriter.toBytes(request);
    } finally {
      wipe(request);
    }
  }

  /** The TTLV response in this (text) encoding. */
  String fromTtlv(byte[] response, DecodeLimits limits) {
    Ttlv message = TtlvReader.read(response, limits);
    try {
      return this == XML ? KmipXml.write(message) : KmipJson.write(message);
    } finally {
      wipe(message);
    }
  }

  /** Zeroes every byte string of a decoded message: requests and responses carry key material. */
  private static void wipe(Ttlv item) {
    if (item instanceof TtlvByteString bytes) {
      bytes.value().wipe();
    } else if (item instanceof TtlvStructure structure) {
      for (Ttlv child : structure.items()) {
        wipe(child);
      }
    }
  }
}

package io.arca.kmip.ttlv.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.text.JsonParser.Arr;
import io.arca.kmip.ttlv.text.JsonParser.Str;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strings read alike whether they take the plain path (no escape, control character or surrogate)
 * or the careful one, and fail at the same character.
 */
class JsonParserTest {
  private static Object parse(String json) {
    return JsonParser.parse(json, 1 << 20, 8);
  }

  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("\"\"", ""),
        Arguments.of("\"plain text\"", "plain text"),
        Arguments.of("\"caf\u00e9 \u20ac\"", "caf\u00e9 \u20ac"),
        Arguments.of("\"a\\\"b\"", "a\"b"),
        Arguments.of("\"tab\\tand \\u0041\"", "tab\tand A"),
        Arguments.of("\"pair \ud83d\ude00 kept\"", "pair \ud83d\ude00 kept"),
        Arguments.of("\"escaped pair \\ud83d\\ude00\"", "escaped pair \ud83d\ude00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void readsAString(String json, String expected) {
    assertThat(parse(json)).isEqualTo(new Str(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void readsStringsInARow(String json, String expected) {
    assertThat(parse("[" + json + ", \"next\"]"))
        .isEqualTo(new Arr(List.of(new Str(expected), new Str("next"))));
  }

  static Stream<Arguments> badStrings() {
    return Stream.of(
        Arguments.of("\"no end", "unterminated string at character 7"),
        Arguments.of("\"ends in an escape\\", "unterminated string at character 19"),
        Arguments.of("\"tab\there\"", "control character in a string at character 5"),
        Arguments.of("\"x\\q\"", "bad escape at character 4"),
        Arguments.of("\"lone \ud800 high\"", "lone surrogate in a string at character 13"),
        Arguments.of("\"lone \udc00 low\"", "lone surrogate in a string at character 12"),
        Arguments.of("\"escaped lone \\ud800\"", "lone surrogate in a string at character 21"),
        Arguments.of("[\"a\" \"b\"]", "expected ']' at character 5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStrings")
  void refusesABadStringWhereItIs(String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(TtlvException.class).hasMessage(message);
  }
}

package io.arca.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.tools.VocabularyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in generated sources are exactly what the generator makes of vocabulary.tsv. */
class VocabularyIsUpToDateTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path OUT = MODULE.resolve("src/generated/java/io/arca/kmip");

  @Test
  void generatedSourcesMatchTheVocabularyTable() throws IOException {
    Map<String, String> expected =
        VocabularyGenerator.generate(VocabularyGenerator.readTsv(MODULE));

    TreeSet<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(OUT)) {
      files.forEach(p -> present.add(p.getFileName().toString()));
    }
    assertThat(present)
        .as("generated files; run VocabularyGenerator.main to refresh them")
        .isEqualTo(new TreeSet<>(expected.keySet()));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Files.readString(OUT.resolve(e.getKey()), StandardCharsets.UTF_8))
          .as("%s is out of date; run VocabularyGenerator.main", e.getKey())
          .isEqualTo(e.getValue());
    }
  }
}

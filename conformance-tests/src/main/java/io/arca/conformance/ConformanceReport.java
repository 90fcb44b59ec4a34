package io.arca.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a run as Markdown: a summary per KMIP version, then a table per version and
 * profile with passed, failed and skipped counts and the first difference of every failure.
 */
public final class ConformanceReport {
  private ConformanceReport() {}

  /** The final console line: {@code N passed, M failed}, with {@code , K skipped} when K > 0. */
  public static String summary(List<CaseResult> results) {
    long skipped = count(results, CaseResult.Outcome.SKIP);
    return count(results, CaseResult.Outcome.PASS)
        + " passed, "
        + count(results, CaseResult.Outcome.FAIL)
        + " failed"
        + (skipped > 0 ? ", " + skipped + " skipped" : "");
  }

  /** The report, with a title line. */
  public static String markdown(String title, List<CaseResult> results) {
    Map<String, Map<String, List<CaseResult>>> byVersion = new TreeMap<>();
    for (CaseResult result : results) {
      byVersion
          .computeIfAbsent(result.file().version(), v -> new TreeMap<>())
          .computeIfAbsent(result.file().profile(), p -> new ArrayList<>())
          .add(result);
    }
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
    out.append("Overall: ").append(summary(results)).append(".\n\n");
    out.append(
        "Each case is compared exactly except for the relaxations in docs/CONFORMANCE.md (the"
            + " Relaxation enum); a failure shows the first difference. SKIP means the runner"
            + " cannot run the file, for the reason given.\n\n");
    out.append("| version | passed | failed | skipped | total |\n|---|---:|---:|---:|---:|\n");
    byVersion.forEach(
        (version, profiles) ->
            row(out, version, profiles.values().stream().flatMap(List::stream).toList()));
    byVersion.forEach(
        (version, profiles) -> {
          out.append("\n## KMIP ").append(version).append("\n\n");
          out.append(
              "| profile | passed | failed | skipped | total |\n|---|---:|---:|---:|---:|\n");
          profiles.forEach((profile, cases) -> row(out, profile, cases));
          out.append("\n| case | outcome | first difference or reason |\n|---|---|---|\n");
          for (List<CaseResult> cases : profiles.values()) {
            for (CaseResult result : cases) {
              out.append("| ")
                  .append(result.file().name())
                  .append(" | ")
                  .append(result.outcome())
                  .append(" | ")
                  .append(escape(result.detail()))
                  .append(" |\n");
            }
          }
        });
    return out.toString();
  }

  private static void row(StringBuilder out, String name, List<CaseResult> cases) {
    out.append("| ")
        .append(name)
        .append(" | ")
        .append(count(cases, CaseResult.Outcome.PASS))
        .append(" | ")
        .append(count(cases, CaseResult.Outcome.FAIL))
        .append(" | ")
        .append(count(cases, CaseResult.Outcome.SKIP))
        .append(" | ")
        .append(cases.size())
        .append(" |\n");
  }

  private static long count(List<CaseResult> results, CaseResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** Keeps a detail inside its table cell. */
  static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

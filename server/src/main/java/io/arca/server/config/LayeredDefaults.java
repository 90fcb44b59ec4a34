package io.arca.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies an option's value when the command line leaves it out: first from the environment
 * ({@code --tls-cert} is {@code ARCA_TLS_CERT}), then from the TOML file, where {@code --tls-cert}
 * is either the top-level key {@code tls-cert} or the key {@code cert} of the table {@code [tls]}.
 * Flags given on the command line win over both, because picocli asks a default provider only for
 * options that were not given.
 */
public final class LayeredDefaults implements IDefaultValueProvider {
  private final Map<String, String> environment;
  private final @Nullable TomlTable toml;
  private final @Nullable Path file;

  LayeredDefaults(Map<String, String> environment, @Nullable TomlTable toml, @Nullable Path file) {
    this.environment = environment;
    this.toml = toml;
    this.file = file;
  }

  /** Defaults from this environment and, when {@code tomlFile} is given, that file. */
  public static LayeredDefaults load(Map<String, String> environment, @Nullable Path tomlFile)
      throws IOException {
    if (tomlFile == null) {
      return new LayeredDefaults(environment, null, null);
    }
    TomlParseResult parsed = Toml.parse(Files.readString(tomlFile));
    if (parsed.hasErrors()) {
      String errors =
          parsed.errors().stream().map(Object::toString).collect(Collectors.joining("; "));
      throw new IOException("cannot read " + tomlFile + ": " + errors);
    }
    return new LayeredDefaults(environment, parsed, tomlFile);
  }

  /**
   * Refuses every {@code ARCA_} variable and TOML key that none of {@code options} reads.
   *
   * @param options the bare names of the options that may be set this way ({@code tls-cert})
   * @throws IllegalArgumentException naming each unknown setting and the closest valid one
   */
  public void refuseUnknown(Set<String> options) {
    new KnownSettings(options).check(environment, toml, file);
  }

  /**
   * The environment variable that sets an option: {@code --max-connections} is
   * ARCA_MAX_CONNECTIONS.
   */
  public static String environmentName(String optionName) {
    return "ARCA_" + bare(optionName).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public @Nullable String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String name = option.longestName();
    String fromEnvironment = environment.get(environmentName(name));
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    return fromToml(bare(name), option.splitRegex());
  }

  private @Nullable String fromToml(String key, String splitRegex) {
    if (toml == null) {
      return null;
    }
    Object value = toml.get(List.of(key));
    int dash = key.indexOf('-');
    if (value == null && dash > 0) {
      value = toml.get(List.of(key.substring(0, dash), key.substring(dash + 1)));
    }
    if (value instanceof TomlArray array) {
      // A list (hsm slot = [1, 2]) reaches picocli as one text that the option's split cuts up.
      if (splitRegex.isEmpty()) {
        throw new IllegalArgumentException("TOML key " + key + " takes one value, not a list");
      }
      return array.toList().stream().map(Object::toString).collect(Collectors.joining(","));
    }
    return value == null || value instanceof TomlTable ? null : value.toString();
  }

  private static String bare(String optionName) {
    return optionName.startsWith("--") ? optionName.substring(2) : optionName;
  }
}

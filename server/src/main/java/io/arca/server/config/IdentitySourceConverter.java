package io.arca.server.config;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --identity-from} in its lower-case, dashed spelling ({@code san-email}). */
public final class IdentitySourceConverter implements ITypeConverter<IdentitySource> {
  @Override
  public IdentitySource convert(String value) {
    return IdentitySource.valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
  }
}

package io.arca.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * Where the server is and how to prove who we are: the CA that signed the server certificate and
 * our own certificate and key, as PEM files or one PKCS#12 file. The server's development mode
 * writes a TOML file of this shape for its {@code admin} user ({@code host}, {@code port}, {@code
 * ca}, {@code cert}, {@code key}, or {@code p12} and {@code p12-password}).
 *
 * @param host the server's host name or address, or several servers separated by commas, each with
 *     an optional {@code :port}, tried in order ({@code a,b:5697,[::1]})
 * @param port the KMIP port
 * @param ca the CA bundle (PEM) that the server certificate must chain to
 * @param cert the client certificate (PEM), or null with a PKCS#12 file
 * @param key the client private key (PEM, PKCS#8 or SEC1), or null with a PKCS#12 file
 * @param p12 a PKCS#12 file with the client key and chain, or null
 * @param p12Password the PKCS#12 password, or null
 */
public record ClientConfig(
    String host,
    int port,
    Path ca,
    @Nullable Path cert,
    @Nullable Path key,
    @Nullable Path p12,
    @Nullable String p12Password) {
  /** The IANA-registered KMIP port. */
  public static final int KMIP_PORT = 5696;

  public ClientConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(ca, "ca");
    if (p12 == null && (cert == null || key == null)) {
      throw new IllegalArgumentException(
          "a client certificate is required: --cert and --key (PEM), or --p12");
    }
  }

  /** Reads a TOML client configuration; relative paths are taken from the file's directory. */
  public static Builder read(Path file) throws IOException {
    TomlParseResult toml = Toml.parse(Files.readString(file));
    if (toml.hasErrors()) {
      throw new IOException(
          "cannot read "
              + file
              + ": "
              + toml.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
    Path base = file.toAbsolutePath().getParent();
    Builder builder = new Builder();
    builder.host = toml.getString("host");
    TomlArray hosts = toml.getArray("hosts");
    if (hosts != null) {
      // hosts = ["a", "b:5697"]: the list form of host = "a,b:5697"
      List<String> list = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        list.add(hosts.getString(i));
      }
      builder.host = String.join(",", list);
    }
    Long port = toml.getLong("port");
    builder.port = port == null ? null : Math.toIntExact(port);
    builder.ca = path(base, toml.getString("ca"));
    builder.cert = path(base, toml.getString("cert"));
    builder.key = path(base, toml.getString("key"));
    builder.p12 = path(base, toml.getString("p12"));
    builder.p12Password = toml.getString("p12-password");
    return builder;
  }

  private static @Nullable Path path(@Nullable Path base, @Nullable String value) {
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    return base == null || path.isAbsolute() ? path : base.resolve(path);
  }

  @Override
  public String toString() {
    return "ClientConfig["
        + host
        + ":"
        + port
        + ", ca="
        + ca
        + ", cert="
        + cert
        + ", key="
        + key
        + ", p12="
        + p12
        + "]";
  }

  /** Settings gathered from a file and then from flags, which override them. */
  public static final class Builder {
    @Nullable String host;
    @Nullable Integer port;
    @Nullable Path ca;
    @Nullable Path cert;
    @Nullable Path key;
    @Nullable Path p12;
    @Nullable String p12Password;

    /** An empty builder. */
    public Builder() {}

    /** Takes every setting that {@code other} has over this one's. */
    public Builder overriddenBy(Builder other) {
      host = other.host != null ? other.host : host;
      port = other.port != null ? other.port : port;
      ca = other.ca != null ? other.ca : ca;
      cert = other.cert != null ? other.cert : cert;
      key = other.key != null ? other.key : key;
      p12 = other.p12 != null ? other.p12 : p12;
      p12Password = other.p12Password != null ? other.p12Password : p12Password;
      return this;
    }

    public Builder host(@Nullable String value) {
      host = value;
      return this;
    }

    public Builder port(@Nullable Integer value) {
      port = value;
      return this;
    }

    public Builder ca(@Nullable Path value) {
      ca = value;
      return this;
    }

    public Builder cert(@Nullable Path value) {
      cert = value;
      return this;
    }

    public Builder key(@Nullable Path value) {
      key = value;
      return this;
    }

    public Builder p12(@Nullable Path value) {
      p12 = value;
      return this;
    }

    public Builder p12Password(@Nullable String value) {
      p12Password = value;
      return this;
    }

    /**
     * The configuration; the CA and a client certificate are required, the host defaults to
     * localhost.
     */
    public ClientConfig build() {
      if (ca == null) {
        throw new IllegalArgumentException(
            "the CA that signed the server certificate is required: --ca");
      }
      return new ClientConfig(
          host == null ? "localhost" : host,
          port == null ? KMIP_PORT : port,
          ca,
          cert,
          key,
          p12,
          p12Password);
    }
  }
}

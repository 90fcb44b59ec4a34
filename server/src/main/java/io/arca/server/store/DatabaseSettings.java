package io.arca.server.store;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.Blob;
import io.arca.persistence.JdbcSettingsRepository;
import io.arca.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientSettings} in the database's {@code server_settings} rows, each the TTLV of a
 * Defaults Information or a Constraints structure. The rows' versions are compared at most once a
 * recheck interval (the key cache's: the same bound on seeing another server's change), and the
 * content is read again only when a version moved.
 */
public final class DatabaseSettings implements ClientSettings {
  private static final Logger log = LoggerFactory.getLogger(DatabaseSettings.class);
  static final String DEFAULTS = "defaults";
  static final String CONSTRAINTS = "constraints";

  private final JdbcSettingsRepository rows;
  private final long recheckNanos;
  private final LongSupplier nanoTime;
  private ObjectRules current = ObjectRules.NONE;
  private long defaultsVersion = -1;
  private long constraintsVersion = -1;
  private long checkedAt;
  private boolean read;

  /** Settings in {@code rows}, compared with the database at most every {@code recheck}. */
  public DatabaseSettings(JdbcSettingsRepository rows, Duration recheck) {
    this(rows, recheck, System::nanoTime);
  }

  DatabaseSettings(JdbcSettingsRepository rows, Duration recheck, LongSupplier nanoTime) {
    this.rows = rows;
    this.recheckNanos = recheck.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized ObjectRules current() {
    long now = nanoTime.getAsLong();
    if (read && now - checkedAt < recheckNanos) {
      return current;
    }
    // Both rows are read before any version is taken, so a recheck cut half way keeps nothing new.
    JdbcSettingsRepository.@Nullable Setting newDefaults;
    JdbcSettingsRepository.@Nullable Setting newConstraints;
    try {
      newDefaults = changed(DEFAULTS, defaultsVersion);
      newConstraints = changed(CONSTRAINTS, constraintsVersion);
    } catch (PersistenceException e) {
      if (!read) {
        throw e;
      }
      // A recheck the database could not answer (a node lost under it) keeps the settings last
      // read, for one more interval, rather than failing the request that asked.
      log.warn("server settings not rechecked, the last ones read stay: {}", e.getMessage());
      checkedAt = now;
      return current;
    }
    List<ObjectDefaults> defaults = current.defaults();
    if (newDefaults != null) {
      defaults = decode(newDefaults, d -> ObjectDefaults.decodeAll(d, ProtocolVersion.V2_1));
      defaultsVersion = newDefaults.version();
    }
    List<Constraint> constraints = current.constraints();
    if (newConstraints != null) {
      constraints = decode(newConstraints, Constraint::decodeAll);
      constraintsVersion = newConstraints.version();
    }
    current = new ObjectRules(defaults, constraints);
    checkedAt = now;
    read = true;
    return current;
  }

  @Override
  public synchronized void replaceDefaults(List<ObjectDefaults> defaults) {
    rows.replace(
        DEFAULTS, encode(ObjectDefaults.encodeAll(defaults, ProtocolVersion.V2_1), defaults));
    read = false; // read back, with the version, as another server would
    current();
  }

  @Override
  public synchronized void replaceConstraints(List<Constraint> constraints) {
    rows.replace(CONSTRAINTS, encode(Constraint.encodeAll(constraints), constraints));
    read = false;
    current();
  }

  /** Setting {@code name}'s row when its version is no longer {@code known}, else null. */
  private JdbcSettingsRepository.@Nullable Setting changed(String name, long known) {
    return rows.version(name) == known ? null : rows.read(name);
  }

  private static Blob encode(TtlvStructure structure, List<?> items) {
    return items.isEmpty() ? Blob.copyOf(new byte[0]) : Blob.copyOf(TtlvWriter.toBytes(structure));
  }

  private static <T> List<T> decode(
      JdbcSettingsRepository.Setting setting, Function<TtlvStructure, List<T>> reader) {
    byte[] bytes = setting.content().toByteArray();
    if (bytes.length == 0) {
      return List.of();
    }
    return reader.apply((TtlvStructure) TtlvReader.read(bytes, DecodeLimits.DEFAULTS));
  }
}

package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcSettingsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers sharing one database: what one sets, the other applies once its recheck interval has
 * passed, and not before; what a server sets, it applies at once.
 */
class DatabaseSettingsTest {
  private static final Duration RECHECK = Duration.ofSeconds(1);

  @TempDir Path dir;

  private static Attributes length(int bits) {
    return Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  @Test
  void anotherServersChangeIsSeenAfterTheRecheckInterval() {
    try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
      AtomicLong clock = new AtomicLong();
      DatabaseSettings one =
          new DatabaseSettings(new JdbcSettingsRepository(database), RECHECK, clock::get);
      DatabaseSettings two =
          new DatabaseSettings(new JdbcSettingsRepository(database), RECHECK, clock::get);
      assertThat(two.current()).isEqualTo(ObjectRules.NONE);

      List<Constraint> constraints =
          List.of(
              new Constraint(List.of(ObjectType.SYMMETRIC_KEY.value()), List.of(), length(256)));
      List<ObjectDefaults> defaults =
          List.of(
              new ObjectDefaults(
                  List.of(ObjectType.SYMMETRIC_KEY.value()), length(256), List.of("payments")));
      one.replaceConstraints(constraints);
      one.replaceDefaults(defaults);
      assertThat(one.current()).isEqualTo(new ObjectRules(defaults, constraints));
      assertThat(two.current()).as("within the interval").isEqualTo(ObjectRules.NONE);

      clock.addAndGet(RECHECK.toNanos());
      assertThat(two.current()).isEqualTo(new ObjectRules(defaults, constraints));

      two.replaceConstraints(List.of());
      clock.addAndGet(RECHECK.toNanos());
      assertThat(one.current()).isEqualTo(new ObjectRules(defaults, List.of()));
    }
  }
}

package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server settings table (migration V009) must do on every back end: each subclass supplies
 * a fresh, empty database per test.
 */
abstract class SettingsContract {
  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  @Test
  void settingsStartEmptyAtVersionZero() throws Exception {
    try (Database database = Database.open(freshDatabase())) {
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      for (String name : new String[] {"defaults", "constraints"}) {
        JdbcSettingsRepository.Setting setting = settings.read(name);
        assertThat(setting.version()).isZero();
        assertThat(setting.content().length()).isZero();
      }
    }
  }

  @Test
  void replacingCountsEachChangeAndSurvivesReopening() throws Exception {
    DatabaseConfig config = freshDatabase();
    try (Database database = Database.open(config)) {
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      assertThat(settings.replace("constraints", Blob.copyOf(new byte[] {1, 2, 3}))).isEqualTo(1);
      assertThat(settings.replace("constraints", Blob.copyOf(new byte[] {4, 5}))).isEqualTo(2);
      assertThat(settings.version("defaults")).isZero();
    }
    try (Database database = Database.open(config)) {
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      JdbcSettingsRepository.Setting setting = settings.read("constraints");
      assertThat(setting.version()).isEqualTo(2);
      assertThat(setting.content().toByteArray()).containsExactly(4, 5);
      assertThat(settings.version("constraints")).isEqualTo(2);
    }
  }

  @Test
  void aDumpCarriesTheSettingsIntoAnEmptyDatabase(@TempDir Path dump) throws Exception {
    try (Database database = Database.open(freshDatabase())) {
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      assertThat(DatabaseDump.rowsHeld(database)).isEmpty();
      settings.replace("constraints", Blob.copyOf(new byte[] {7, 8}));
      assertThat(DatabaseDump.rowsHeld(database)).containsEntry("server_settings", 1L);
      DatabaseDump.write(database, dump, (chain, seq) -> {});
    }
    try (Database database = Database.open(freshDatabase())) {
      DatabaseDump.load(database, dump);
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      assertThat(settings.read("constraints").content().toByteArray()).containsExactly(7, 8);
      assertThat(settings.version("constraints")).isEqualTo(1);
      assertThat(settings.version("defaults")).isZero();
    }
  }

  @Test
  void unknownSettingsAndOversizedContentAreRefused() throws Exception {
    try (Database database = Database.open(freshDatabase())) {
      JdbcSettingsRepository settings = new JdbcSettingsRepository(database);
      assertThatThrownBy(() -> settings.read("nothing")).isInstanceOf(PersistenceException.class);
      assertThatThrownBy(() -> settings.replace("nothing", Blob.copyOf(new byte[1])))
          .isInstanceOf(PersistenceException.class);
      byte[] big = new byte[JdbcSettingsRepository.MAX_CONTENT_BYTES + 1];
      assertThatThrownBy(() -> settings.replace("defaults", Blob.copyOf(big)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(settings.version("defaults")).isZero();
    }
  }
}

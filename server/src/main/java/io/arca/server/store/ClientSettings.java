package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.ObjectDefaults;
import java.util.List;

/**
 * The server-wide settings clients make for new objects (Set Defaults, Set Constraints), kept where
 * every server sharing the store reads them. Who may change them is the handlers' to decide.
 */
public interface ClientSettings {
  /** A store that keeps no settings: none are in force, and none can be set. */
  ClientSettings NONE =
      new ClientSettings() {
        @Override
        public ObjectRules current() {
          return ObjectRules.NONE;
        }

        @Override
        public void replaceDefaults(List<ObjectDefaults> defaults) {
          throw unsupported();
        }

        @Override
        public void replaceConstraints(List<Constraint> constraints) {
          throw unsupported();
        }

        private KmipException unsupported() {
          return new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED, "this server's store keeps no settings");
        }
      };

  /**
   * What is in force: as set here at once, as set by another server sharing the store after at most
   * the store's recheck interval.
   */
  ObjectRules current();

  /** Replaces every Object Defaults set before with {@code defaults} (none: removes them). */
  void replaceDefaults(List<ObjectDefaults> defaults);

  /** Replaces every Constraint set before with {@code constraints} (none: removes them). */
  void replaceConstraints(List<Constraint> constraints);
}

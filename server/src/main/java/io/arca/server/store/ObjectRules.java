package io.arca.server.store;

import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.ObjectDefaults;
import java.util.List;

/**
 * The defaults and constraints clients set for the objects the server makes (KMIP 2.1 Set Defaults,
 * Set Constraints), as one snapshot: what a factory operation applies.
 *
 * @param defaults the Object Defaults in force, in the order they were set
 * @param constraints the Constraints in force, in the order they were set
 */
public record ObjectRules(List<ObjectDefaults> defaults, List<Constraint> constraints) {
  /** None set. */
  public static final ObjectRules NONE = new ObjectRules(List.of(), List.of());

  public ObjectRules {
    defaults = List.copyOf(defaults);
    constraints = List.copyOf(constraints);
  }
}

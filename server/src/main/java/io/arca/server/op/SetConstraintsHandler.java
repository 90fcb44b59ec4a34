package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.SetConstraints;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;
import java.util.List;

/**
 * Set Constraints (KMIP 2.1): a server administrator replaces the Constraints every factory
 * operation keeps ({@link CreationRules#check}) on every server sharing the database; an empty
 * Constraints removes them. Objects that exist already are not checked again.
 */
public final class SetConstraintsHandler
    implements OperationHandler<SetConstraints.Request, SetConstraints.Response> {
  private final ServerAdmins admins;
  private final ObjectStore store;

  /** A handler changing the settings of {@code store} for {@code admins}. */
  public SetConstraintsHandler(ServerAdmins admins, ObjectStore store) {
    this.admins = admins;
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.SET_CONSTRAINTS;
  }

  @Override
  public SetConstraints.Response handle(SetConstraints.Request request, RequestContext context) {
    admins.check(context);
    List<Constraint> constraints = request.constraints();
    SettingBounds.count("Constraint", constraints.size(), SettingBounds.MAX_ENTRIES);
    for (Constraint constraint : constraints) {
      SettingBounds.count("ObjectType", constraint.objectTypes().size(), SettingBounds.MAX_SCOPE);
      SettingBounds.count("ObjectGroup", constraint.objectGroups().size(), SettingBounds.MAX_SCOPE);
      SettingBounds.count(
          "Attributes", constraint.attributes().items().size(), SettingBounds.MAX_ATTRIBUTES);
      constraint.objectTypes().forEach(SettingBounds::objectType);
    }
    store.settings().replaceConstraints(constraints);
    return new SetConstraints.Response();
  }
}

package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.payload.SetDefaults;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;
import java.util.List;

/**
 * Set Defaults (KMIP 2.1): a server administrator replaces the Object Defaults every factory
 * operation applies ({@link CreationRules#withDefaults}) on every server sharing the database; none
 * removes them. Each default must be an attribute a client could give such an object when it is
 * made, and not one that names it (Name, Unique Identifier).
 */
public final class SetDefaultsHandler
    implements OperationHandler<SetDefaults.Request, SetDefaults.Response> {
  private final ServerAdmins admins;
  private final ObjectStore store;

  /** A handler changing the settings of {@code store} for {@code admins}. */
  public SetDefaultsHandler(ServerAdmins admins, ObjectStore store) {
    this.admins = admins;
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.SET_DEFAULTS;
  }

  @Override
  public SetDefaults.Response handle(SetDefaults.Request request, RequestContext context) {
    admins.check(context);
    List<ObjectDefaults> defaults = request.defaults();
    SettingBounds.count("ObjectDefaults", defaults.size(), SettingBounds.MAX_ENTRIES);
    for (ObjectDefaults item : defaults) {
      SettingBounds.count("ObjectType", item.objectTypes().size(), SettingBounds.MAX_SCOPE);
      SettingBounds.count("ObjectGroup", item.objectGroups().size(), SettingBounds.MAX_SCOPE);
      SettingBounds.count(
          "Attributes", item.attributes().items().size(), SettingBounds.MAX_ATTRIBUTES);
      for (int value : item.objectTypes()) {
        ObjectType type = SettingBounds.objectType(value);
        for (Attribute attribute : item.attributes().items()) {
          check(attribute.reference(), type, context.protocolVersion());
        }
      }
    }
    store.settings().replaceDefaults(defaults);
    return new SetDefaults.Response();
  }

  private static void check(
      AttributeReference reference, ObjectType type, ProtocolVersion version) {
    boolean naming =
        reference instanceof AttributeReference.Tagged tagged
            && (tagged.tag() == Tag.NAME.code() || tagged.tag() == Tag.UNIQUE_IDENTIFIER.code());
    if (naming || !CreationRules.settableAtCreation(reference, type, version)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          reference.name()
              + ": not a default a "
              + type.xmlName()
              + " can be made with (a client sets it, or no such object has it)");
    }
  }
}

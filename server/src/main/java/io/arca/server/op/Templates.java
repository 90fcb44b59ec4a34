package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Template;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KMIP 1.x Templates (1.4 §2.2.6): named sets of attributes that a Template-Attribute refers to by
 * Name. Storage arrays and tape libraries of the 1.x era register one and then create or register
 * keys with it. A template is an object of its owner's like any other; its attributes are stored as
 * its content, in the 1.4 form because 2.x has no Template.
 */
final class Templates {
  private Templates() {}

  /** The protocol version a template's content is kept in. */
  static final ProtocolVersion FORM = ProtocolVersion.V1_4;

  /** A template's content as stored. */
  static TtlvStructure content(Template template) {
    return template.encode(FORM);
  }

  /** A stored template's attributes. */
  static Attributes attributesOf(ObjectContent content) {
    return Template.decode(content.structure()).attributes();
  }

  /**
   * {@code given} with the attributes of the templates it names added; an attribute given
   * explicitly wins over a template's (1.4 §2.1.8), and an earlier template over a later one.
   *
   * @throws KmipException Item Not Found when the caller has no live template of a given Name
   */
  static Attributes expand(Attributes given, ObjectStore store, RequestContext context) {
    if (given.templateNames().isEmpty()) {
      return given;
    }
    List<Attribute> merged = new ArrayList<>(given.items());
    for (TtlvStructure name : given.templateNames()) {
      ObjectRecord template = find(name, store, context);
      try (ObjectContent content =
          store
              .content(template.uid())
              .orElseThrow(() -> notFound(name, context.protocolVersion()))) {
        for (Attribute attribute : attributesOf(content).items()) {
          if (merged.stream().noneMatch(a -> a.reference().equals(attribute.reference()))) {
            merged.add(attribute);
          }
        }
      }
    }
    return new Attributes(merged, List.of());
  }

  private static ObjectRecord find(TtlvStructure name, ObjectStore store, RequestContext context) {
    ObjectQuery query =
        ObjectQuery.all(16)
            .withOwner(context.user())
            .withType(ObjectType.TEMPLATE)
            .withAttribute(Attribute.of(name));
    for (String uid : store.locate(query)) {
      Optional<ObjectRecord> found = store.find(uid).filter(r -> Lifecycle.isLive(r.state()));
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw notFound(name, context.protocolVersion());
  }

  private static KmipException notFound(TtlvStructure name, ProtocolVersion version) {
    String value = AttributeView.nameValue(name).orElse("(unnamed)");
    return new KmipException(
        ResultReason.ITEM_NOT_FOUND, "no template named '" + value + "'" + forVersion(version));
  }

  private static String forVersion(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0) ? " (templates ended with KMIP 1.4)" : "";
  }
}

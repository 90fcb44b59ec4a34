package io.arca.server.op;

import io.arca.kmip.DestroyAction;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.RNGMode;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ShreddingAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.UnwrapMode;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Query (KMIP 1.4 §4.25, 2.1 §6.1.40): what this server really does, for every Query Function the
 * request's version defines. Operations come from the registry, profiles from the test cases that
 * pass ({@link ClaimedProfiles}), random generators from the generators themselves, defaults from
 * the code that applies them; where the server has nothing (validations, attestation, application
 * namespaces, client registration over KMIP) the answer is empty rather than invented.
 */
public final class QueryHandler implements InlineHandler<Query.Request, Query.Response> {
  /** The Vendor Identification this server reports. */
  public static final String VENDOR = "Arca";

  /** Vendor tags (0x54xxxx), which Query Extension List and Map describe. */
  private static final int VENDOR_TAG_PREFIX = 0x54;

  private final Supplier<OperationRegistry> registry;
  private final List<ObjectType> objectTypes;
  private final String version;
  private final List<TtlvStructure> rngs;
  private final List<Integer> storageMasks;
  private final ClaimedProfiles profiles;
  private final ServerAdmins admins;
  private final Supplier<ObjectRules> rules;
  private final Supplier<List<Integer>> attestationTypes;

  /**
   * A handler that reports the operations of {@code registry} (supplied late, because the registry
   * holds this handler too), the object types the stores keep, the server's {@code version}, the
   * RNG Parameters of each generator it uses, the Protection Storage Mask of each place it can keep
   * an object, and the profiles it passes.
   */
  public QueryHandler(
      Supplier<OperationRegistry> registry,
      List<ObjectType> objectTypes,
      String version,
      List<TtlvStructure> rngs,
      List<Integer> storageMasks,
      ClaimedProfiles profiles) {
    this(registry, objectTypes, version, rngs, storageMasks, profiles, ServerAdmins.NONE);
  }

  /**
   * As above; the admin extension operations the registry serves are listed to {@code admins}
   * alone, since they are served to nobody else.
   */
  public QueryHandler(
      Supplier<OperationRegistry> registry,
      List<ObjectType> objectTypes,
      String version,
      List<TtlvStructure> rngs,
      List<Integer> storageMasks,
      ClaimedProfiles profiles,
      ServerAdmins admins) {
    this(registry, objectTypes, version, rngs, storageMasks, profiles, admins, List::of);
  }

  /**
   * As above, answering Query Attestation Types with what {@code attestationTypes} says the
   * configured attestation verifier accepts now (none without one).
   */
  public QueryHandler(
      Supplier<OperationRegistry> registry,
      List<ObjectType> objectTypes,
      String version,
      List<TtlvStructure> rngs,
      List<Integer> storageMasks,
      ClaimedProfiles profiles,
      ServerAdmins admins,
      Supplier<List<Integer>> attestationTypes) {
    this(
        registry,
        objectTypes,
        version,
        rngs,
        storageMasks,
        profiles,
        admins,
        attestationTypes,
        () -> ObjectRules.NONE);
  }

  /**
   * As above, answering Query Defaults Information with the server's own defaults merged with those
   * a client set ({@code rules}, Set Defaults).
   */
  public QueryHandler(
      Supplier<OperationRegistry> registry,
      List<ObjectType> objectTypes,
      String version,
      List<TtlvStructure> rngs,
      List<Integer> storageMasks,
      ClaimedProfiles profiles,
      ServerAdmins admins,
      Supplier<List<Integer>> attestationTypes,
      Supplier<ObjectRules> rules) {
    this.rules = rules;
    this.attestationTypes = attestationTypes;
    this.admins = admins;
    this.registry = registry;
    this.objectTypes = List.copyOf(objectTypes);
    this.version = version;
    // Two generators of one configuration are one RNG to a client.
    this.rngs = List.copyOf(new LinkedHashSet<>(rngs));
    this.storageMasks = List.copyOf(storageMasks);
    this.profiles = profiles;
  }

  @Override
  public Operation operation() {
    return Operation.QUERY;
  }

  @Override
  public Query.Response handle(Query.Request request, RequestContext context) {
    ProtocolVersion v = context.protocolVersion();
    Set<QueryFunction> asked = EnumSet.noneOf(QueryFunction.class);
    for (int function : request.functions()) {
      asked.add(defined(function, v));
    }
    boolean serverInformation = asked.contains(QueryFunction.QUERY_SERVER_INFORMATION);
    boolean map = asked.contains(QueryFunction.QUERY_EXTENSION_MAP);
    return new Query.Response(
        asked.contains(QueryFunction.QUERY_OPERATIONS)
            ? operations(
                v, admins.includes(context.user()), context.access().isHsmAdmin(context.user()))
            : List.of(),
        asked.contains(QueryFunction.QUERY_OBJECTS) ? objectTypes(v) : List.of(),
        serverInformation ? VENDOR : null,
        serverInformation ? serverInformation(v) : null,
        // Application Specific Information is kept as the client gives it: the server generates
        // Application Data for no namespace.
        List.of(),
        map || asked.contains(QueryFunction.QUERY_EXTENSION_LIST) ? extensions(v, map) : List.of(),
        // The Attestation credentials the verifier accepts (docs/ACCESS.md), none without one.
        asked.contains(QueryFunction.QUERY_ATTESTATION_TYPES) ? attestationTypes.get() : List.of(),
        asked.contains(QueryFunction.QUERY_RNGS) ? rngs : List.of(),
        asked.contains(QueryFunction.QUERY_PROFILES) ? profiles.answer(v) : List.of(),
        // No formal validation (FIPS 140 or other) is claimed, since none has been made.
        List.of(),
        asked.contains(QueryFunction.QUERY_CAPABILITIES) ? List.of(capabilities(v)) : List.of(),
        // Clients are registered outside KMIP: the operator's CA issues their certificates.
        List.of(),
        asked.contains(QueryFunction.QUERY_DEFAULTS_INFORMATION) ? defaults(v) : null,
        asked.contains(QueryFunction.QUERY_STORAGE_PROTECTION_MASKS) ? storageMasks() : null);
  }

  /**
   * The Query Function {@code value} if {@code v} defines it, else Invalid Field, as KMIP answers a
   * value it does not recognise (1.4 §11, "Same major & minor version, unknown field"). The
   * vocabulary dates Query Functions exactly from 2.0 on; inside 1.x the tag of the function's
   * answer, which the vocabulary dates exactly, tells when it came (Extension Information 1.1,
   * Attestation Type 1.2, the rest 1.3).
   */
  private static QueryFunction defined(int value, ProtocolVersion v) {
    QueryFunction function = QueryFunction.byValue(value);
    if (function == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          String.format("QueryFunction: 0x%08X is not a Query Function this server knows", value));
    }
    Tag answer = answerTag(function);
    if (!function.isDefinedIn(v) || !answer.isDefinedIn(v)) {
      ProtocolVersion since =
          answer.since().isAtLeast(function.since()) ? answer.since() : function.since();
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "QueryFunction: "
              + function.xmlName()
              + " is not a KMIP "
              + v
              + " Query Function (it came with "
              + since
              + ")");
    }
    return function;
  }

  /** The response field that answers {@code function}. */
  static Tag answerTag(QueryFunction function) {
    return switch (function) {
      case QUERY_OPERATIONS -> Tag.OPERATION;
      case QUERY_OBJECTS -> Tag.OBJECT_TYPE;
      case QUERY_SERVER_INFORMATION -> Tag.SERVER_INFORMATION;
      case QUERY_APPLICATION_NAMESPACES -> Tag.APPLICATION_NAMESPACE;
      case QUERY_EXTENSION_LIST, QUERY_EXTENSION_MAP -> Tag.EXTENSION_INFORMATION;
      case QUERY_ATTESTATION_TYPES -> Tag.ATTESTATION_TYPE;
      case QUERY_RNGS -> Tag.RNG_PARAMETERS;
      case QUERY_VALIDATIONS -> Tag.VALIDATION_INFORMATION;
      case QUERY_PROFILES -> Tag.PROFILE_INFORMATION;
      case QUERY_CAPABILITIES -> Tag.CAPABILITY_INFORMATION;
      case QUERY_CLIENT_REGISTRATION_METHODS -> Tag.CLIENT_REGISTRATION_METHOD;
      case QUERY_DEFAULTS_INFORMATION -> Tag.DEFAULTS_INFORMATION;
      case QUERY_STORAGE_PROTECTION_MASKS -> Tag.PROTECTION_STORAGE_MASKS;
    };
  }

  /**
   * What the registry serves at {@code v}, less Arca's extensions (0x8xxxxxxx, negative as an int):
   * a standard client refuses an operation value it does not know, and those who use them read
   * docs/ACCESS.md. A server administrator is also told the admin operations the registry serves
   * (they are registered only when there are administrators, and a tool asks before it calls), and
   * the HSM administrator alone the PKCS#11 operation, the only user it serves.
   */
  private List<Integer> operations(ProtocolVersion v, boolean admin, boolean hsmAdmin) {
    List<Integer> operations = new ArrayList<>();
    for (Operation operation : registry.get().servedIn(v)) {
      if (operation == Operation.PKCS_11 && !hsmAdmin) {
        continue;
      }
      if (operation.value() >= 0 || (admin && ServerAdmins.OPERATIONS.contains(operation))) {
        operations.add(operation.value());
      }
    }
    return operations;
  }

  /** The types the stores keep that {@code v} defines (Template for 1.x only: 2.0 removed it). */
  private List<Integer> objectTypes(ProtocolVersion v) {
    return objectTypes.stream().filter(t -> t.isDefinedIn(v)).map(ObjectType::value).toList();
  }

  /**
   * 2.x defines the fields of Server Information; in 1.x its content is vendor-defined, so it stays
   * empty.
   */
  private TtlvStructure serverInformation(ProtocolVersion v) {
    if (!Tag.SERVER_NAME.isDefinedIn(v)) {
      return TtlvStructure.of(Tag.SERVER_INFORMATION.code());
    }
    return TtlvStructure.of(
        Tag.SERVER_INFORMATION.code(),
        new TtlvTextString(Tag.SERVER_NAME.code(), "Arca KMIP server"),
        new TtlvTextString(Tag.SERVER_VERSION.code(), version),
        new TtlvTextString(Tag.PRODUCT_NAME.code(), VENDOR));
  }

  /** Always from memory: what the server serves is known at start. */
  @Override
  public Optional<Query.Response> tryInline(Query.Request request, RequestContext context) {
    return Optional.of(handle(request, context));
  }

  /**
   * One Extension Information per vendor tag the server defines (docs/ACCESS.md); the map adds each
   * one's tag and item type (an Integer before 2.0, an Item Type enumeration from 2.0 on).
   */
  private static List<TtlvStructure> extensions(ProtocolVersion v, boolean map) {
    List<TtlvStructure> extensions = new ArrayList<>();
    for (Tag tag : Tag.values()) {
      if (tag.code() >>> 16 != VENDOR_TAG_PREFIX) {
        continue;
      }
      List<Ttlv> fields = new ArrayList<>();
      fields.add(new TtlvTextString(Tag.EXTENSION_NAME.code(), tag.specName()));
      if (map) {
        fields.add(new TtlvInteger(Tag.EXTENSION_TAG.code(), tag.code()));
        int type = tag.itemTypes().iterator().next().value();
        fields.add(
            v.isAtLeast(ProtocolVersion.V2_0)
                ? new TtlvEnumeration(Tag.EXTENSION_TYPE.code(), type)
                : new TtlvInteger(Tag.EXTENSION_TYPE.code(), type));
      }
      extensions.add(new TtlvStructure(Tag.EXTENSION_INFORMATION.code(), fields));
    }
    return extensions;
  }

  /**
   * The server's capabilities, in the fields {@code v} defines: streaming (Init and Final
   * Indicator, Correlation Value) for the cryptographic operations; asynchronous answers (Poll,
   * Cancel) for the long operations; no attestation; batches with Undo and Continue; a key
   * registered wrapped is kept wrapped (Unwrap Mode Not Processed); Destroy erases the key material
   * and keeps the metadata; no shredding; one generator shared by every client (RNG Mode Shared
   * Instantiation).
   */
  private static TtlvStructure capabilities(ProtocolVersion v) {
    List<Ttlv> fields = new ArrayList<>();
    addIfDefined(fields, v, new TtlvBoolean(Tag.STREAMING_CAPABILITY.code(), true));
    addIfDefined(fields, v, new TtlvBoolean(Tag.ASYNCHRONOUS_CAPABILITY.code(), true));
    addIfDefined(fields, v, new TtlvBoolean(Tag.ATTESTATION_CAPABILITY.code(), false));
    addIfDefined(fields, v, new TtlvBoolean(Tag.BATCH_UNDO_CAPABILITY.code(), true));
    addIfDefined(fields, v, new TtlvBoolean(Tag.BATCH_CONTINUE_CAPABILITY.code(), true));
    addIfDefined(
        fields, v, new TtlvEnumeration(Tag.UNWRAP_MODE.code(), UnwrapMode.NOT_PROCESSED.value()));
    addIfDefined(
        fields,
        v,
        new TtlvEnumeration(Tag.DESTROY_ACTION.code(), DestroyAction.KEY_MATERIAL_DELETED.value()));
    addIfDefined(
        fields,
        v,
        new TtlvEnumeration(
            Tag.SHREDDING_ALGORITHM.code(), ShreddingAlgorithm.UNSUPPORTED.value()));
    addIfDefined(
        fields, v, new TtlvEnumeration(Tag.RNG_MODE.code(), RNGMode.SHARED_INSTANTIATION.value()));
    // Quantum Safe Capability (2.0) is optional and left out rather than answered false: no claim
    // either way, and PyKMIP's decoder (0.10) refuses a Capability Information that holds it.
    return new TtlvStructure(Tag.CAPABILITY_INFORMATION.code(), fields);
  }

  private static void addIfDefined(List<Ttlv> fields, ProtocolVersion v, Ttlv field) {
    Tag tag = Tag.byCode(field.tag());
    if (tag != null && tag.isDefinedIn(v)) {
      fields.add(field);
    }
  }

  /**
   * One Object Defaults per object type the stores keep, with the values the server gives the
   * attributes a client may set but left out: those set for every Object Group (Set Defaults), then
   * the server's own ({@link ServerAttributes#defaults}); then each set Object Defaults scoped to
   * Object Groups as it was set. Unless set, there is no default algorithm or length.
   */
  private TtlvStructure defaults(ProtocolVersion v) {
    List<Ttlv> objectDefaults = new ArrayList<>();
    ObjectRules set = rules.get();
    for (ObjectType type : objectTypes) {
      // Those set for every group win over the server's own, as they do at creation.
      Attributes chosen = CreationRules.withDefaults(set, type, Attributes.EMPTY, v);
      List<Attribute> items = new ArrayList<>(chosen.items());
      for (Attribute own : ServerAttributes.defaults(type, v).items()) {
        if (chosen.first(own.reference()) == null) {
          items.add(own);
        }
      }
      Attributes defaults = new Attributes(items, List.of());
      if (type.isDefinedIn(v) && !defaults.isEmpty()) {
        objectDefaults.add(
            TtlvStructure.of(
                Tag.OBJECT_DEFAULTS.code(),
                new TtlvEnumeration(Tag.OBJECT_TYPE.code(), type.value()),
                AttributeCodec.encode(defaults, AttributeGroup.ATTRIBUTES, v)));
      }
    }
    if (Tag.OBJECT_GROUPS.isDefinedIn(v)) {
      for (ObjectDefaults scoped : set.defaults()) {
        if (!scoped.objectGroups().isEmpty()) {
          objectDefaults.add(scoped.encode(v));
        }
      }
    }
    return new TtlvStructure(Tag.DEFAULTS_INFORMATION.code(), objectDefaults);
  }

  /** Each place an object can be kept, as a Protection Storage Mask. */
  private TtlvStructure storageMasks() {
    List<Ttlv> masks = new ArrayList<>();
    for (int mask : storageMasks) {
      masks.add(new TtlvInteger(Tag.PROTECTION_STORAGE_MASK.code(), mask));
    }
    return new TtlvStructure(Tag.PROTECTION_STORAGE_MASKS.code(), masks);
  }
}

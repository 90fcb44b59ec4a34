package io.arca.kmip.payload;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KMIP 2.0/2.1 §6.1.12 Delegated Login: a Ticket, as Login's, whose holder may carry out only the
 * operations its Rights list.
 */
public final class DelegatedLogin {
  private DelegatedLogin() {}

  /**
   * Login's fields and the rights given.
   *
   * @param login the Lease Time, Request Count and Usage Limits
   * @param rights the Rights: one Right per structure, each the set of operations it allows
   */
  public record Request(Login.Request login, List<Right> rights) {
    public Request {
      rights = List.copyOf(rights);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "DelegatedLogin");
      Login.Request login = Login.Request.read(fields, version);
      TtlvStructure rights = fields.required(Tag.RIGHTS, TtlvStructure.class);
      fields.finish();
      Fields inRights = Fields.of(rights, "DelegatedLogin/Rights");
      List<Right> read = new ArrayList<>();
      for (TtlvStructure right : inRights.repeated(Tag.RIGHT, TtlvStructure.class)) {
        read.add(Right.decode(right, version));
      }
      inRights.finish();
      return new Request(login, read);
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder all = StructureBuilder.of(Tag.RIGHTS);
      for (Right right : rights) {
        all.add(right.encode(version));
      }
      return login.write(Payloads.payload(true), version).add(all.build()).build();
    }
  }

  /**
   * One Right (KMIP 2.1 §7.34): the operations it allows. A Right may also name Usage Limits and
   * Objects; {@code restricted} says it did, so the server can refuse what it does not enforce.
   *
   * @param operations the Operation values of its Operations structure (empty: none named)
   * @param restricted whether it named Usage Limits or Objects too
   */
  public record Right(Set<Integer> operations, boolean restricted) {
    public Right {
      operations = Set.copyOf(operations);
    }

    /** A Right of these operations alone. */
    public static Right of(Operation... operations) {
      List<Integer> values = new ArrayList<>();
      for (Operation operation : operations) {
        values.add(operation.value());
      }
      return new Right(Set.copyOf(values), false);
    }

    static Right decode(TtlvStructure structure, ProtocolVersion version) {
      Fields fields = Fields.of(structure, "Right");
      boolean limited = fields.optionalAny(Tag.USAGE_LIMITS) != null;
      boolean restricted = fields.optionalAny(Tag.OBJECTS) != null || limited;
      TtlvStructure operations = fields.structure(Tag.OPERATIONS);
      fields.finish();
      List<Integer> values = new ArrayList<>();
      if (operations != null) {
        Fields named = Fields.of(operations, "Right/Operations");
        for (TtlvEnumeration operation : named.repeated(Tag.OPERATION, TtlvEnumeration.class)) {
          values.add(operation.value());
        }
        named.finish();
      }
      return new Right(Set.copyOf(values), restricted);
    }

    TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder named = StructureBuilder.of(Tag.OPERATIONS);
      operations.stream().sorted().forEach(value -> named.enumeration(Tag.OPERATION, value));
      return StructureBuilder.of(Tag.RIGHT).add(named.build()).build();
    }
  }

  /**
   * The ticket issued.
   *
   * @param ticket the Ticket
   */
  public record Response(Ticket ticket) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Login.Response.decode(payload, version).ticket());
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return new Login.Response(ticket).encode(version);
    }
  }
}

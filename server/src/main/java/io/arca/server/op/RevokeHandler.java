package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import java.time.Instant;

/**
 * Revoke (KMIP 1.4 §4.20, 2.1 §6.1.48): with reason Key Compromise or CA Compromise the object
 * becomes Compromised (or Destroyed Compromised if already destroyed), with its Compromise Date and
 * Compromise Occurrence Date (the request's, else the Initial Date); with any other reason an
 * Active object becomes Deactivated, with its Deactivation Date. The Revocation Reason is kept as
 * an attribute.
 */
public final class RevokeHandler implements OperationHandler<Revoke.Request, Revoke.Response> {
  private final ObjectAccess objects;

  /** A handler acting on {@code objects}. */
  public RevokeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.REVOKE;
  }

  @Override
  public Revoke.Response handle(Revoke.Request request, RequestContext context) {
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    int code = request.revocationReason().revocationReasonCode();
    boolean compromise =
        code == RevocationReasonCode.KEY_COMPROMISE.value()
            || code == RevocationReasonCode.CA_COMPROMISE.value();
    Instant now = context.now();
    objects.change(
        uid,
        r -> {
          State state = Lifecycle.stateAt(r.state(), r.attributes(), now);
          Attributes attributes =
              ObjectAttributes.replace(
                  r.attributes(), Attribute.of(request.revocationReason().encode()));
          if (compromise) {
            // Without one in the request, the Initial Date (1.4 §4.20, 2.0 §6.1.40, 2.1 §6.1.48:
            // the server SHOULD), as the compromise may have come at any time since.
            Instant occurred =
                request.compromiseOccurrenceDate() == null
                    ? r.createdAt()
                    : Instant.ofEpochSecond(request.compromiseOccurrenceDate());
            attributes = ObjectAttributes.replace(attributes, date(Tag.COMPROMISE_DATE, now));
            attributes =
                ObjectAttributes.replace(
                    attributes, date(Tag.COMPROMISE_OCCURRENCE_DATE, occurred));
            State next = Lifecycle.isLive(state) ? State.COMPROMISED : State.DESTROYED_COMPROMISED;
            return r.withAttributes(attributes, now).withState(next, now);
          }
          if (state != State.ACTIVE) {
            throw Reasons.wrongState(context.protocolVersion(), "Revoke", state);
          }
          attributes = ObjectAttributes.replace(attributes, date(Tag.DEACTIVATION_DATE, now));
          return r.withAttributes(attributes, now).withState(State.DEACTIVATED, now);
        },
        context);
    return new Revoke.Response(uid);
  }

  private static Attribute date(Tag tag, Instant instant) {
    return Attribute.of(TtlvDateTime.of(tag.code(), instant));
  }
}

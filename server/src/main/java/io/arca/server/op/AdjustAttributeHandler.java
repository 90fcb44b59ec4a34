package io.arca.server.op;

import io.arca.kmip.AdjustmentType;
import io.arca.kmip.ItemType;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.AdjustAttribute;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.AttributeEdits.Edit;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Adjust Attribute (KMIP 2.0 §6.1.3, 2.1 §6.1.3): Increment or Decrement a numeric, interval or
 * date attribute by the Adjustment Value, or Negate a number or a Boolean. An attribute the object
 * lacks counts as 0 (or false); a date it lacks is Attribute Not Found. Who may change what is the
 * attribute rules tables' answer, as for Set Attribute ({@link AttributeEdits}); an attribute of
 * several instances is Multi Valued Attribute, a value of another kind Invalid Data Type, a result
 * its type cannot hold Numeric Range.
 */
public final class AdjustAttributeHandler
    implements OperationHandler<AdjustAttribute.Request, AdjustAttribute.Response> {
  private static final BigInteger INTERVAL_MAX =
      BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

  private final ObjectAccess objects;

  /** A handler changing {@code objects}. */
  public AdjustAttributeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.ADJUST_ATTRIBUTE;
  }

  @Override
  public AdjustAttribute.Response handle(AdjustAttribute.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    AdjustmentType adjustment = AdjustmentType.byValue(request.adjustmentType());
    if (adjustment == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "AdjustmentType: 0x"
              + Integer.toHexString(request.adjustmentType())
              + " (expected: Increment, Decrement or Negate)");
    }
    Ttlv amount = request.adjustmentValue();
    if ((adjustment == AdjustmentType.NEGATE) != (amount == null)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "AdjustmentValue: "
              + (amount == null ? "missing" : "given")
              + " (expected: an amount for Increment and Decrement, none for Negate)");
    }
    AttributeReference reference = request.attributeReference();
    String name = ObjectAttributes.nameOf(reference);
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    AttributeEdits.apply(
        objects,
        uid,
        context,
        current -> {
          List<Attribute> instances = current.attributes().all(reference);
          if (instances.size() > 1) {
            throw new KmipException(
                ResultReason.MULTI_VALUED_ATTRIBUTE,
                name + " has " + instances.size() + " instances (expected: one to adjust)");
          }
          AttributeEdits.check(
              instances.isEmpty() ? Edit.ADD : Edit.MODIFY,
              Operation.ADJUST_ATTRIBUTE,
              reference,
              current,
              context.now(),
              version);
          Ttlv before =
              instances.isEmpty() ? nothing(reference, name, version) : instances.get(0).value();
          Ttlv after = adjusted(before, adjustment, amount, name);
          if (instances.isEmpty()) {
            return AttributeEdits.with(current.attributes(), new Attribute(reference, 0, after));
          }
          Attribute only = instances.get(0);
          return AttributeEdits.replaceInstance(
              current.attributes(), only, new Attribute(reference, only.index(), after));
        });
    return new AdjustAttribute.Response(uid);
  }

  /** The value an absent attribute counts as: 0 or false; an absent date cannot be adjusted. */
  private static Ttlv nothing(AttributeReference reference, String name, ProtocolVersion version) {
    Tag tag =
        reference instanceof AttributeReference.Tagged tagged ? Tag.byCode(tagged.tag()) : null;
    Set<ItemType> types = tag == null ? Set.of() : tag.itemTypes();
    if (tag == null || types.size() != 1) {
      throw Reasons.attributeNotFound(version, name, ResultReason.ITEM_NOT_FOUND);
    }
    return switch (types.iterator().next()) {
      case INTEGER -> new TtlvInteger(tag.code(), 0);
      case LONG_INTEGER -> new TtlvLongInteger(tag.code(), 0);
      case BIG_INTEGER -> new TtlvBigInteger(tag.code(), BigInteger.ZERO);
      case INTERVAL -> new TtlvInterval(tag.code(), 0);
      case BOOLEAN -> new TtlvBoolean(tag.code(), false);
      case DATE_TIME -> throw Reasons.attributeNotFound(version, name, ResultReason.ITEM_NOT_FOUND);
      default -> throw notAdjustable(name);
    };
  }

  private static Ttlv adjusted(
      Ttlv before, AdjustmentType adjustment, @Nullable Ttlv amount, String name) {
    if (before instanceof TtlvBoolean flag) {
      if (adjustment != AdjustmentType.NEGATE) {
        throw notAdjustable(name + " (a Boolean is only negated)");
      }
      return new TtlvBoolean(flag.tag(), !flag.value());
    }
    BigInteger value = number(before, name);
    if (adjustment == AdjustmentType.NEGATE) {
      if (before instanceof TtlvInterval || before instanceof TtlvDateTime) {
        throw notAdjustable(name + " (an interval or a date is not negated)");
      }
      return of(before, value.negate(), name);
    }
    BigInteger step = amount(before, amount, name);
    return of(
        before,
        adjustment == AdjustmentType.INCREMENT ? value.add(step) : value.subtract(step),
        name);
  }

  private static BigInteger number(Ttlv value, String name) {
    if (value instanceof TtlvInteger integer) {
      return BigInteger.valueOf(integer.value());
    }
    if (value instanceof TtlvLongInteger integer) {
      return BigInteger.valueOf(integer.value());
    }
    if (value instanceof TtlvBigInteger integer) {
      return integer.value();
    }
    if (value instanceof TtlvInterval interval) {
      return BigInteger.valueOf(interval.seconds());
    }
    if (value instanceof TtlvDateTime date) {
      return BigInteger.valueOf(date.epochSeconds());
    }
    throw notAdjustable(name);
  }

  /**
   * The amount, of the attribute's own type, or an Interval for a date (seconds); an Integer or a
   * Long Integer is taken for any number.
   */
  private static BigInteger amount(Ttlv attribute, @Nullable Ttlv amount, String name) {
    boolean date = attribute instanceof TtlvDateTime;
    boolean fits =
        amount instanceof TtlvInteger
            || amount instanceof TtlvLongInteger
            || (amount instanceof TtlvInterval && (date || attribute instanceof TtlvInterval))
            || (amount instanceof TtlvBigInteger && attribute instanceof TtlvBigInteger);
    if (amount == null || !fits) {
      throw new KmipException(
          ResultReason.INVALID_DATA_TYPE,
          "AdjustmentValue: "
              + (amount == null ? "missing" : amount.type().xmlName())
              + " (expected: a number of the type of "
              + name
              + (date ? ", or an Interval" : "")
              + ")");
    }
    return number(amount, name);
  }

  /** The result in the attribute's type, or Numeric Range when that type cannot hold it. */
  private static Ttlv of(Ttlv before, BigInteger result, String name) {
    int tag = before.tag();
    boolean fits =
        switch (before.type()) {
          case INTEGER -> result.bitLength() < 32;
          case LONG_INTEGER, DATE_TIME -> result.bitLength() < 64;
          case INTERVAL -> result.signum() >= 0 && result.compareTo(INTERVAL_MAX) <= 0;
          default -> true;
        };
    if (!fits || (before instanceof TtlvDateTime && result.signum() < 0)) {
      throw new KmipException(
          ResultReason.NUMERIC_RANGE,
          name + ": the adjusted value is outside what a " + before.type().xmlName() + " holds");
    }
    return switch (before.type()) {
      case INTEGER -> new TtlvInteger(tag, result.intValueExact());
      case LONG_INTEGER -> new TtlvLongInteger(tag, result.longValueExact());
      case INTERVAL -> new TtlvInterval(tag, result.longValueExact());
      case DATE_TIME -> new TtlvDateTime(tag, result.longValueExact());
      default -> new TtlvBigInteger(tag, result);
    };
  }

  private static KmipException notAdjustable(String name) {
    return new KmipException(
        ResultReason.INVALID_DATA_TYPE,
        name + ": not adjustable (expected: a number, an interval, a date or a Boolean)");
  }
}

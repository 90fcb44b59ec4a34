package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;

/**
 * The bounds on what Set Defaults and Set Constraints store: every server sharing the database
 * reads it back, and every factory operation walks it.
 */
final class SettingBounds {
  /** Object Defaults, or Constraints, at most. */
  static final int MAX_ENTRIES = 64;

  /** Attribute values in one Object Defaults or Constraint, at most. */
  static final int MAX_ATTRIBUTES = 64;

  /** Object Types, or Object Groups, in one entry, at most. */
  static final int MAX_SCOPE = 32;

  private SettingBounds() {}

  /** Refuses more than {@code max} of {@code what} as Invalid Field. */
  static void count(String what, int count, int max) {
    if (count > max) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, what + ": " + count + " given (at most " + max + ")");
    }
  }

  /** The Object Type {@code value} names, or Invalid Object Type. */
  static ObjectType objectType(int value) {
    ObjectType type = ObjectType.byValue(value);
    if (type == null) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          "ObjectType 0x" + Integer.toHexString(value) + " is not defined");
    }
    return type;
  }
}

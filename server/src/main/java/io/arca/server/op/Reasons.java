package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;

/**
 * Failures whose Result Reason depends on the protocol version: KMIP 2.0 added precise reasons
 * (Wrong Key Lifecycle State, Object Destroyed, Sensitive, ...) where 1.x clients expect Permission
 * Denied or Item Not Found, as the 1.x test cases answer.
 */
public final class Reasons {
  private Reasons() {}

  private static boolean isV2(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0);
  }

  /**
   * Whether the client expects Wrong Key Lifecycle State for an operation its object's state or
   * dates forbid: the reason exists from 2.0, but the 2.0 test cases still answer Permission
   * Denied, and only the 2.1 cases use it.
   */
  private static boolean namesLifecycleState(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_1);
  }

  /** The operation is not allowed in the object's state. */
  static KmipException wrongState(ProtocolVersion version, String operation, State state) {
    return new KmipException(
        namesLifecycleState(version)
            ? ResultReason.WRONG_KEY_LIFECYCLE_STATE
            : ResultReason.PERMISSION_DENIED,
        operation + " is not allowed on an object in state " + state.xmlName());
  }

  /**
   * The key's dates forbid this use now: Wrong Key Lifecycle State from 2.1; Permission Denied
   * before, also in 2.0, as CS-AC-M-8-20 answers a Sign after the Protect Stop Date.
   */
  static KmipException outsideDates(ProtocolVersion version, String operation, String why) {
    // Permission Denied up to 2.0, Wrong Key Lifecycle State from 2.1, as the OASIS cases answer a
    // key used outside its dates (CS-BC-M-14 and CS-AC-M-8, -20 against -21).
    return new KmipException(
        namesLifecycleState(version)
            ? ResultReason.WRONG_KEY_LIFECYCLE_STATE
            : ResultReason.PERMISSION_DENIED,
        operation + " is not allowed: the key's " + why);
  }

  /**
   * Destroy of a key that still wraps stored objects, which would become unreadable for good: KMIP
   * 2.1's Constraint Violation, "the request failed because one or more constraints were violated".
   * Before 2.1 there is no such reason: 1.x answers Illegal Operation, the request the server will
   * not carry out; 2.0 defines neither, and gets General Failure with the same message.
   */
  static KmipException stillWraps(ProtocolVersion version, String uid, long objects) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.CONSTRAINT_VIOLATION
            : ResultReason.ILLEGAL_OPERATION,
        uid
            + " still wraps "
            + objects
            + (objects == 1 ? " stored object" : " stored objects")
            + ": destroy them, or store them under another key, first");
  }

  /** The object's key material was destroyed. */
  static KmipException destroyed(ProtocolVersion version, String uid) {
    return new KmipException(
        isV2(version) ? ResultReason.OBJECT_DESTROYED : ResultReason.ITEM_NOT_FOUND,
        uid + " was destroyed: its key material is gone");
  }

  /** The key may not leave the server (or its token) in the clear. */
  public static KmipException sensitive(ProtocolVersion version, String uid, boolean sensitive) {
    // Sensitive and Not Extractable came with 1.4, with the attributes; earlier clients get the
    // Permission Denied that stood for them.
    ResultReason precise = sensitive ? ResultReason.SENSITIVE : ResultReason.NOT_EXTRACTABLE;
    return new KmipException(
        precise.isDefinedIn(version) ? precise : ResultReason.PERMISSION_DENIED,
        uid
            + (sensitive ? " is sensitive" : " is not extractable")
            + ": it is never returned in clear");
  }

  /** An attribute value that is not of the attribute's form (1.x: Invalid Field). */
  static KmipException invalidValue(ProtocolVersion version, String attribute, String why) {
    return new KmipException(
        isV2(version) ? ResultReason.INVALID_ATTRIBUTE_VALUE : ResultReason.INVALID_FIELD,
        attribute + ": " + why);
  }

  /** A name the caller already gave another live object. */
  static KmipException nameTaken(ProtocolVersion version, String name) {
    return new KmipException(
        isV2(version) ? ResultReason.NON_UNIQUE_NAME_ATTRIBUTE : ResultReason.INVALID_FIELD,
        "Name " + name + " is already given to another of your objects");
  }

  /** An attribute the client may not set. */
  static KmipException readOnly(ProtocolVersion version, String attribute) {
    return new KmipException(
        isV2(version) ? ResultReason.ATTRIBUTE_READ_ONLY : ResultReason.PERMISSION_DENIED,
        attribute + " is set by the server, not by clients");
  }

  /**
   * A client change to an attribute it may not make. 1.x answers Permission Denied (1.4 §11.15-17).
   * 2.x has two reasons and each operation's error table names one: Read Only Attribute for Add,
   * Set and Adjust Attribute (2.1 §6.1.2.1, §6.1.51.1, §6.1.3.1), Attribute Read Only for Modify
   * and Delete Attribute (§6.1.34.1, §6.1.13.1), in 2.0 as in 2.1.
   */
  static KmipException readOnlyChange(
      ProtocolVersion version, Operation operation, String attribute, String edit) {
    ResultReason v2 =
        switch (operation) {
          case MODIFY_ATTRIBUTE, DELETE_ATTRIBUTE -> ResultReason.ATTRIBUTE_READ_ONLY;
          default -> ResultReason.READ_ONLY_ATTRIBUTE;
        };
    return new KmipException(
        isV2(version) ? v2 : ResultReason.PERMISSION_DENIED,
        attribute + " cannot be " + edit + " by clients");
  }

  /** An attribute that does not apply to the object's type, or that the version lacks. */
  static KmipException notApplicable(ProtocolVersion version, String attribute, String what) {
    return new KmipException(
        isV2(version) ? ResultReason.INVALID_ATTRIBUTE : ResultReason.PERMISSION_DENIED,
        attribute + " does not apply to " + what);
  }

  /** A second instance of a single-valued attribute (1.4 Add Attribute: Illegal Operation). */
  static KmipException singleValued(ProtocolVersion version, String attribute) {
    return new KmipException(
        isV2(version) ? ResultReason.ATTRIBUTE_SINGLE_VALUED : ResultReason.ILLEGAL_OPERATION,
        attribute + " is single-valued and already set");
  }

  /**
   * An attribute the object does not have; 1.4 answers Invalid Field for Modify Attribute and Item
   * Not Found for Delete Attribute.
   */
  static KmipException attributeNotFound(
      ProtocolVersion version, String attribute, ResultReason v1) {
    return new KmipException(
        isV2(version) ? ResultReason.ATTRIBUTE_NOT_FOUND : v1, "the object has no " + attribute);
  }

  /** An instance (index or value) of an attribute the object has, but not that one. */
  static KmipException instanceNotFound(ProtocolVersion version, String attribute) {
    return new KmipException(
        isV2(version) ? ResultReason.ATTRIBUTE_INSTANCE_NOT_FOUND : ResultReason.ITEM_NOT_FOUND,
        "the object has no such instance of " + attribute);
  }

  /** A Name another live object of the caller's has, given by a change (1.4: Illegal Operation). */
  static KmipException nameTakenByChange(ProtocolVersion version, String name) {
    return new KmipException(
        isV2(version) ? ResultReason.NON_UNIQUE_NAME_ATTRIBUTE : ResultReason.ILLEGAL_OPERATION,
        "Name " + name + " is already given to another of your objects");
  }
}

package io.arca.kmip.attribute;

import io.arca.kmip.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The roles an attribute list plays in a payload, each with its 1.x and 2.x container tag:
 * Template-Attribute / Attributes, and the Common, Private Key and Public Key variants of Create
 * Key Pair and Register (KMIP 1.4 §2.1.8, 2.1 §5.1-5.4).
 */
public enum AttributeGroup {
  ATTRIBUTES(Tag.TEMPLATE_ATTRIBUTE.code(), Tag.ATTRIBUTES.code()),
  COMMON(Tag.COMMON_TEMPLATE_ATTRIBUTE.code(), Tag.COMMON_ATTRIBUTES.code()),
  PRIVATE_KEY(Tag.PRIVATE_KEY_TEMPLATE_ATTRIBUTE.code(), Tag.PRIVATE_KEY_ATTRIBUTES.code()),
  PUBLIC_KEY(Tag.PUBLIC_KEY_TEMPLATE_ATTRIBUTE.code(), Tag.PUBLIC_KEY_ATTRIBUTES.code());

  private final int templateTag;
  private final int attributesTag;

  AttributeGroup(int templateTag, int attributesTag) {
    this.templateTag = templateTag;
    this.attributesTag = attributesTag;
  }

  /** The 1.x container tag, e.g. Template-Attribute. */
  public int templateTag() {
    return templateTag;
  }

  /** The 2.x container tag, e.g. Attributes. */
  public int attributesTag() {
    return attributesTag;
  }

  /** The group whose 1.x or 2.x container has this tag, or null. */
  public static @Nullable AttributeGroup byTag(int tag) {
    for (AttributeGroup group : values()) {
      if (group.templateTag == tag || group.attributesTag == tag) {
        return group;
      }
    }
    return null;
  }
}

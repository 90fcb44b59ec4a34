/**
 * One attribute model for both protocol families: the 1.x forms (Template-Attribute, Attribute with
 * Attribute Name and Index, custom "x-"/"y-" names) and the 2.x forms (Attributes, Vendor
 * Attribute, New/Current Attribute, Attribute Reference) are converted to it once, at the edge
 * (KMIP 1.4 §2.1.1, §2.1.8; KMIP 2.1 §4.60, §5).
 */
@NullMarked
package io.arca.kmip.attribute;

import org.jspecify.annotations.NullMarked;

/**
 * One class per KMIP operation, holding its request and response payload records with their strict
 * decoders and version-aware encoders (e.g. {@code Query.Request}, {@code Query.Response}).
 */
@NullMarked
package io.arca.kmip.payload;

import org.jspecify.annotations.NullMarked;

/**
 * Who may do what: object owners, per-operation grants, privileged users and the HSM administrator
 * ({@link io.arca.server.access.AccessPolicy}), over the grants port ({@link
 * io.arca.server.access.GrantStore}). docs/ACCESS.md describes the model and the wire format.
 */
@NullMarked
package io.arca.server.access;

import org.jspecify.annotations.NullMarked;

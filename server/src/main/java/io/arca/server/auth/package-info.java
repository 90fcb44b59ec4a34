/** Who is asking: the user named by the client certificate, and (later) what that user may do. */
@NullMarked
package io.arca.server.auth;

import org.jspecify.annotations.NullMarked;

/**
 * Server settings: command-line flags over {@code ARCA_*} environment variables over a TOML file,
 * merged once.
 */
@NullMarked
package io.arca.server.config;

import org.jspecify.annotations.NullMarked;

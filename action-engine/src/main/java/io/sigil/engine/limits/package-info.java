/**
 * The limits of API.md: their values ({@link io.sigil.engine.limits.Limits}), the notations operators write them in
 * ({@link io.sigil.engine.limits.ConfigValues}), and the per-execution accounting that enforces them
 * ({@link io.sigil.engine.limits.Budget}).
 */
package io.sigil.engine.limits;

/**
 * What the rest of Sigil uses: {@link io.sigil.engine.api.ActionEngine} (the {@code @ApplicationScoped} entry point),
 * {@link io.sigil.engine.api.ExecutionRequest} in, {@link io.sigil.engine.api.ExecutionResult} out,
 * {@link io.sigil.engine.api.ActionFailure} (one sealed hierarchy, stable problem types) for every failure, and
 * {@link io.sigil.engine.api.ActionHost}, the interface {@code ejb-signing} implements for the calls that need keys
 * or other nodes. See {@code action-engine/README.md}.
 */
package io.sigil.engine.api;

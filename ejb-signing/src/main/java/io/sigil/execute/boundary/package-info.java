/**
 * Running actions: {@link io.sigil.execute.boundary.NodeExecutor} (one node's part, {@code POST /api/v1/execute}) and
 * {@link io.sigil.execute.boundary.NetworkExecutor} (the gateway, {@code POST /api/v1/network/execute}: fan-out,
 * agreement, combined signatures).
 */
package io.sigil.execute.boundary;

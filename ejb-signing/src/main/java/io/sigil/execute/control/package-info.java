/**
 * What executing an action needs from a node: the engine's host ({@link io.sigil.execute.control.NodeActionHost}:
 * threshold signing, PKP look-ups, child actions), the {@code coord} protocol for runOnce and broadcastAndCollect,
 * and the node's exceptions as the problems the shared judgement of participants' answers compares
 * ({@link io.sigil.execute.control.Problems}, {@link io.sigil.api.verdict.Verdict}).
 */
package io.sigil.execute.control;

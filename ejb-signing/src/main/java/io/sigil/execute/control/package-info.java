/**
 * What executing an action needs from a node: the engine's host ({@link io.sigil.execute.control.NodeActionHost}:
 * threshold signing, PKP look-ups, child actions), the {@code coord} protocol for runOnce and broadcastAndCollect,
 * and the gateway's judgement of its participants' answers ({@link io.sigil.execute.control.Verdict}).
 */
package io.sigil.execute.control;

/**
 * What keeps scripts in: a Nashorn engine with {@code --no-java}, a deny-all ClassFilter and
 * {@link io.sigil.engine.sandbox.SandboxLinker} (no Java member is reachable from any value); a fresh global per
 * execution set up by {@code kernel.js} (Nashorn extensions removed, eval and Function disabled, allocating
 * builtins capped, timers); the action API in {@code prelude.js}; and {@link io.sigil.engine.sandbox.Bridge}, the
 * only Java the scripts call, which exchanges strings, numbers and booleans only.
 */
package io.sigil.engine.sandbox;

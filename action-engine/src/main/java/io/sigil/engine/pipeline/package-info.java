/**
 * Code to runnable form, once per CID: Closure Compiler lowers ES_NEXT to ES5 with the polyfills the action names
 * ({@link io.sigil.engine.pipeline.Transpiler}), {@link io.sigil.engine.pipeline.Instrumenter} injects the limit
 * checks, {@link io.sigil.engine.pipeline.Verifier} re-parses and refuses anything not fully instrumented, and
 * {@link io.sigil.engine.pipeline.Pipeline} caches the result (bounded LRU, shared by the pool).
 */
package io.sigil.engine.pipeline;

/**
 * JMH benchmarks of the action engine against plain {@code ScriptEngine.eval} and delight-nashorn-sandbox, in one
 * run. Command and figures: {@code action-engine/README.md}.
 */
package io.sigil.bench.engine;

package io.sigil.engine.api;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
    @Test
    void probe() {
        try (ActionEngine engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "1"))) {
            for (String code : new String[] {"Lit.Actions.setResponse({response: 'ok'});",
                    "const go = async () => { const r = await Promise.all([1,2].map(async x => x * 2)); Lit.Actions.setResponse({response: JSON.stringify(r)}); }; go();",
                    "let s = 0; for (let i = 0; i < 1000000; i++) { s += i % 7; } Lit.Actions.setResponse({response: String(s)});", "let s = 0; for (let i = 0; i < 1000000; i++) { s = s ^ (i % 7); } Lit.Actions.setResponse({response: String(s)});", "var s = 0; for (var i = 0; i < 1000000; i++) { s = s ^ (i % 7); } Lit.Actions.setResponse({response: String(s)});"}) {
                long[] t = new long[code.contains("1000000") ? 20 : 3000];
                for (int i = 0; i < t.length; i++) {
                    long a = System.nanoTime();
                    engine.execute(ExecutionRequest.of(code, null, ActionHost.REFUSE_ALL));
                    t[i] = System.nanoTime() - a;
                }
                long[] tail = Arrays.copyOfRange(t, t.length / 2, t.length);
                Arrays.sort(tail);
                System.out.printf("PROBE first=%.2fms p50=%.3fms p90=%.3fms%n", t[0] / 1e6, tail[tail.length / 2] / 1e6, tail[tail.length * 9 / 10] / 1e6);
            }
        }
    }
}

package io.sigil.engine.api;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocProbeTest {
    @Test
    void probe() {
        try (ActionEngine engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "1",
                "sigil.limits.allocated-bytes", "8GiB", "sigil.limits.cpu-time", "1s"))) {
            var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            for (String code : new String[] {"while(true){}", "while(true){}", "Lit.Actions.setResponse({response: 'x'})", "Lit.Actions.setResponse({response: 'x'})"}) {
                long before = mx.getTotalThreadAllocatedBytes();
                try {
                    engine.execute(ExecutionRequest.of(code, null, ActionHost.REFUSE_ALL));
                } catch (ActionFailure f) {
                    System.out.println("PROBE " + f.type());
                }
                System.out.println("PROBE alloc MB " + (mx.getTotalThreadAllocatedBytes() - before) / 1e6);
            }
        }
    }
}

package io.sigil.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static ActionEngine engine;

    @BeforeAll
    static void start() {
        engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "1"));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void litStyleAction() {
        RecordingHost host = new RecordingHost();
        String code = """
                const go = async () => {
                  const { a, ...rest } = jsParams;
                  console.log('hello', a, rest);
                  const sig = await Lit.Actions.signEcdsa({ toSign: new Uint8Array(32).fill(1), publicKey, sigName: 'sig1' });
                  Lit.Actions.setResponse({ response: JSON.stringify({ sig, a, b: rest.b }) });
                };
                go();
                """;
        var r = engine.execute(ExecutionRequest.of(code, "{\"a\":1,\"b\":2,\"publicKey\":\"" + RecordingHost.PUBLIC_KEY + "\"}", host));
        System.out.println(r);
        assertEquals("{\"sig\":\"success\",\"a\":1,\"b\":2}", r.response());
    }
}

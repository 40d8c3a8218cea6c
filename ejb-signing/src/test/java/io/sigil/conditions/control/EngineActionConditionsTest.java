package io.sigil.conditions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.CanonicalJson;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.engine.api.ActionEngine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LitAction conditions on the real engine: the named function's result, keys refused, failures do not hold. */
class EngineActionConditionsTest {
    static final String CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    static final String ALICE = "0x1111111111111111111111111111111111111111";
    static ActionEngine engine;
    static EngineActionConditions actions;

    static final String CODE = """
            const go = async (threshold, who) => parseInt(threshold) < 50 && who.startsWith('0x1111');
            const label = (x) => 'hello ' + x;
            const boom = () => { throw new Error('no'); };
            const sign = async () => Lit.Actions.signEcdsa({ toSign: [1], publicKey: '0x04', sigName: 's' });
            """;

    @BeforeAll
    static void start() {
        engine = ActionEngine.standalone(Map.of("sigil.engine.pool.size", "1", "sigil.engine.pool.warm-up", "0",
                "sigil.limits.wall-time", "5s"));
        actions = new EngineActionConditions(engine);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theFunctionsResultIsTheValue() {
        assertEquals("true", actions.call(CODE, "go", List.of("40", ALICE)));
        assertEquals("false", actions.call(CODE, "go", List.of("60", ALICE)));
        assertEquals("hello it's \"quoted\"\n", actions.call(CODE, "label", List.of("it's \"quoted\"\n")));
        assertNull(actions.call(CODE, "boom", List.of()), "a throwing action: the condition does not hold");
        assertNull(actions.call(CODE, "sign", List.of()), "no keys for conditions");
        assertNull(actions.call(CODE, "missing", List.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void evaluatedAsAConditionWithUserAddressSubstituted() {
        ActionConditions byCid = (cid, method, args) -> {
            assertEquals(CID, cid);
            return actions.call(CODE, method, args);
        };
        ConditionEvaluator eval = new ConditionEvaluator(null, byCid, Clock.systemUTC());
        String c = "[{\"contractAddress\":\"ipfs://" + CID + "\",\"standardContractType\":\"LitAction\","
                + "\"chain\":\"ethereum\",\"method\":\"go\",\"parameters\":[\"40\",\":userAddress\"],"
                + "\"returnValueTest\":{\"comparator\":\"=\",\"value\":\"true\"}}]";
        assertTrue(eval.holds((List<Object>) CanonicalJson.parse(c), EthAddress.parse(ALICE)));
        assertFalse(eval.holds((List<Object>) CanonicalJson.parse(c),
                EthAddress.parse("0x2222222222222222222222222222222222222222")));
        String contains = c.replace("\"go\"", "\"label\"").replace("\"=\"", "\"contains\"").replace("\"true\"",
                "\"hello 40\"");
        assertTrue(eval.holds((List<Object>) CanonicalJson.parse(contains), EthAddress.parse(ALICE)));
    }
}

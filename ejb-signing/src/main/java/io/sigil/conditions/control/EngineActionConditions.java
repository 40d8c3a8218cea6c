package io.sigil.conditions.control;

import io.sigil.action.ActionStore;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.api.ActionEngine;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.api.ActionHost;
import io.sigil.engine.api.ExecutionRequest;
import io.sigil.engine.api.ExecutionResult;
import io.sigil.problem.SigilException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@link ActionConditions} on the action engine: the stored code (here or fetched from a peer, checked against its
 * CID) followed by a call of the named function whose result becomes the response. The action runs with
 * {@link ActionHost#REFUSE_ALL} (no signing, no keys, no other nodes) under the engine's usual limits.
 */
@ApplicationScoped
public class EngineActionConditions implements ActionConditions {
    private static final Logger LOG = Logger.getLogger(EngineActionConditions.class.getName());

    @Inject ActionStore store;
    @Inject ActionEngine engine;

    public EngineActionConditions() { }

    public EngineActionConditions(ActionEngine engine) {
        this.engine = engine;
    }

    @Override
    public String run(String cid, String method, List<String> args) {
        Cid id = new Cid(cid);
        byte[] code = store.find(id).orElseThrow(() -> SigilException.notFound("action " + cid));
        return call(new String(code, StandardCharsets.UTF_8), method, args);
    }

    /** Runs {@code code}, then {@code method(...args)}; null if the action failed. */
    String call(String code, String method, List<String> args) {
        String call = "\n;(async () => { const __sigilResult = await " + method + "(...JSON.parse("
                + jsString(io.sigil.api.model.CanonicalJson.write(args)) + "));\n"
                + "Lit.Actions.setResponse({ response: typeof __sigilResult === 'string' ? __sigilResult"
                + " : JSON.stringify(__sigilResult) }); })();\n";
        try {
            ExecutionResult r = engine.execute(ExecutionRequest.of(code + call, "{}", ActionHost.REFUSE_ALL));
            return r.success() ? r.response() : null;
        } catch (ActionFailure e) {
            LOG.info(() -> "action condition " + method + " failed: " + e.type());
            return null;
        }
    }

    private static String jsString(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\'' || c == '\\' || c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}

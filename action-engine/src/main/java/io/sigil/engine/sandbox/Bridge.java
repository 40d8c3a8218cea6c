package io.sigil.engine.sandbox;

import io.sigil.crypto.Hex;
import io.sigil.engine.api.ActionFailure;
import io.sigil.engine.api.HostRefusal;
import io.sigil.engine.ethers.EthersSupport;
import io.sigil.engine.fetch.Fetcher;
import io.sigil.engine.limits.Budget;
import io.sigil.engine.limits.Limit;
import io.sigil.engine.limits.Limits;
import io.sigil.engine.limits.LimitTripped;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The one object through which the kernel and the prelude reach Java. Its members are {@link HostFunction}s that
 * take strings, numbers and booleans and return the same (JSON text for structures, 0x hex for bytes). A refused
 * call returns the {@link #FAIL} sentinel and leaves its script-visible message in {@code error()}; no Java
 * exception reaches a script except the limit trip and JVM errors, which the instrumented catch blocks rethrow.
 */
final class Bridge extends AbstractJSObject {

    private static final Logger LOG = Logger.getLogger(Bridge.class.getName());

    /** Returned by a refused call: a distinct object the prelude compares with {@code ===}. */
    private static final AbstractJSObject FAIL = new AbstractJSObject() {
        @Override
        public String getClassName() {
            return "Object";
        }
    };

    /** The execution this global serves; bound just before the action runs (the global is prepared ahead). */
    private Execution ex;
    private final Map<String, Object> members = new HashMap<>(64);
    private String error = "";
    private JSObject drain;
    private JSObject start;

    Bridge(Limits limits) {
        members.put("FAIL", FAIL);
        members.put("maxString", limits.maxStringLength());
        members.put("maxBuffer", limits.maxBufferBytes());
        members.put("maxArray", limits.maxArrayLength());
        fn("error", a -> error);
        fn("check", a -> ex == null ? Budget.CHECK_PERIOD - 1 : ex.budget().check());
        fn("foreign", a -> a.length > 0 && a[0] instanceof Throwable);
        fn("rethrow", a -> {
            Throwable t = (Throwable) a[0];
            if (t instanceof StackOverflowError) {
                ex.budget().trip(Limit.STACK_DEPTH);
            } else if (t instanceof OutOfMemoryError) {
                ex.budget().trip(Limit.ALLOCATED_BYTES);
            }
            throw Bridge.<RuntimeException>sneaky(t);
        });
        fn("tooLong", a -> {
            throw ex.budget().tripAndThrow(Limit.ALLOCATED_BYTES);
        });
        fn("unhandled", a -> {
            ex.unhandledRejection(str(a, 0));
            return null;
        });
        fn("onDrain", a -> {
            drain = (JSObject) a[0];
            return null;
        });
        fn("onStart", a -> {
            start = (JSObject) a[0];
            return null;
        });
        fn("sleep", a -> {
            sleep(((Number) a[0]).longValue());
            return null;
        });
        fn("info", a -> info());
        fn("log", a -> {
            ex.log(str(a, 0));
            return null;
        });
        fn("setResponse", a -> {
            ex.setResponse(str(a, 0));
            return null;
        });
        fn("utf8Encode", a -> Hex.encode(str(a, 0).getBytes(StandardCharsets.UTF_8)));
        fn("utf8Decode", a -> utf8(Hex.decode(str(a, 0))));
        fn("btoa", a -> {
            String s = str(a, 0);
            byte[] latin1 = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xff) {
                    throw new HostRefusal("btoa: the string has characters outside Latin1");
                }
                latin1[i] = (byte) s.charAt(i);
            }
            return Base64.getEncoder().encodeToString(latin1);
        });
        fn("atob", a -> {
            try {
                return new String(Base64.getDecoder().decode(str(a, 0).replaceAll("\\s", "")),
                        StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException e) {
                throw new HostRefusal("atob: invalid base64");
            }
        });
        fn("fetch", this::fetch);
        fn("keccak256", a -> EthersSupport.keccak256(str(a, 0)));
        fn("hashMessage", a -> EthersSupport.hashMessage(str(a, 0)));
        fn("recoverPublicKey", a -> EthersSupport.recoverPublicKey(str(a, 0), str(a, 1)));
        fn("recoverAddress", a -> EthersSupport.recoverAddress(str(a, 0), str(a, 1)));
        fn("computeAddress", a -> EthersSupport.computeAddress(str(a, 0)));
        fn("getAddress", a -> EthersSupport.getAddress(str(a, 0)));
        fn("pubkeyToTokenId", a -> EthersSupport.pubkeyToTokenId(str(a, 0)));
        fn("signEcdsa", a -> {
            ex.budget().countSign();
            ex.host().signEcdsa(ex.context(), Hex.decode(str(a, 0), 32), str(a, 1), str(a, 2));
            return "success";
        });
        fn("personalSign", a -> {
            ex.budget().countSign();
            byte[] digest = EthersSupport.hashMessage(Hex.decode(str(a, 0)));
            ex.host().signEcdsa(ex.context(), digest, str(a, 1), str(a, 2));
            return "success";
        });
        fn("signAndCombine", a -> {
            ex.budget().countSign();
            return ex.host().signAndCombineEcdsa(ex.context(), Hex.decode(str(a, 0), 32), str(a, 1), str(a, 2));
        });
        fn("runOnceLeader", a -> ex.host().isRunOnceLeader(ex.context(), str(a, 0)));
        fn("runOnceShare", a -> nonNull(ex.host().shareRunOnceResult(ex.context(), str(a, 0),
                Boolean.TRUE.equals(a[2]) ? str(a, 1) : null)));
        fn("broadcastAndCollect", a -> jsonArray(ex.host().broadcastAndCollect(ex.context(), str(a, 0), str(a, 1))));
        fn("isPermittedAction", a -> ex.host().isPermittedAction(ex.context(), str(a, 0), str(a, 1)));
        fn("getPermittedActions", a -> jsonArray(ex.host().getPermittedActions(ex.context(), str(a, 0))));
        fn("checkConditions", a -> ex.host().checkConditions(ex.context(), str(a, 0), str(a, 1), str(a, 2)));
        fn("encrypt", a -> nonNull(ex.host().encrypt(ex.context(), str(a, 0), Hex.decode(str(a, 1)))));
        fn("decryptAndCombine", a -> nonNull(ex.host().decryptAndCombine(ex.context(), str(a, 0))));
        fn("callChild", a -> nonNull(ex.host().call(ex.context(), str(a, 0), str(a, 1))));
    }

    /** Binds this global to its execution and runs the prelude's start hook (Lit.Auth, jsParams). */
    void bind(Execution execution) {
        this.ex = execution;
        if (start != null) {
            start.call(null);
        }
    }

    /** Runs timers and promise jobs until none is left (the kernel's loop; checked like script code). */
    void drain() {
        if (drain != null) {
            drain.call(null);
        }
    }

    private void fn(String name, HostFunction.Body body) {
        members.put(name, new HostFunction(this, name, body));
    }

    /** Runs a host function body and maps every outcome to what a script may see. */
    Object invoke(String name, HostFunction.Body body, Object[] args) {
        try {
            Object r = body.apply(args);
            return r == null ? null : r;
        } catch (LimitTripped | StackOverflowError | OutOfMemoryError e) {
            throw e;
        } catch (HostRefusal | Fetcher.FetchRefused e) {
            return fail(e.getMessage());
        } catch (ActionFailure.LimitExceeded e) {
            // a child action hit call depth (or another limit): the parent fails the same way
            throw ex.budget().tripAndThrow(e.limit());
        } catch (ActionFailure e) {
            return fail("child action failed: " + e.detail());
        } catch (BadArgument e) {
            return fail(name + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(name + ": invalid argument");
        } catch (Throwable e) {
            if (e instanceof Error err && !(e instanceof AssertionError)) {
                throw err;
            }
            LOG.log(Level.FINE, "host function " + name + " failed", e);
            return fail(name + ": host call failed");
        }
    }

    private Object fail(String message) {
        error = message == null ? "failed" : message;
        return FAIL;
    }

    @Override
    public Object getMember(String name) {
        return members.get(name);
    }

    @Override
    public boolean hasMember(String name) {
        return members.containsKey(name);
    }

    @Override
    public String getClassName() {
        return "Object";
    }

    private static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    /** A string argument (null for null/undefined), refused beyond the string cap before it is flattened. */
    private String str(Object[] args, int i) {
        if (i >= args.length || args[i] == null
                || org.openjdk.nashorn.api.scripting.ScriptObjectMirror.isUndefined(args[i])) {
            return null;
        }
        if (args[i] instanceof CharSequence cs) {
            if (cs.length() > ex.budget().limits().maxStringLength()) {
                throw ex.budget().tripAndThrow(Limit.ALLOCATED_BYTES);
            }
            return cs.toString();
        }
        throw new BadArgument("expected a string");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HostRefusal("invalid UTF-8");
        }
    }

    private void sleep(long ms) {
        Duration left = ex.budget().remaining();
        if (ms >= left.toMillis()) {
            try {
                Thread.sleep(left.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw ex.budget().tripAndThrow(Limit.WALL_TIME);
        }
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ex.budget().tripAndThrow(Limit.WALL_TIME);
        }
    }

    private String info() {
        var r = ex.request();
        return "{\"cid\":" + Json.quote(ex.cid().toString()) + ",\"jsParams\":" + rawJson(r.jsParams())
                + ",\"authSig\":" + rawJson(r.authSig()) + "}";
    }

    private static String rawJson(String json) {
        return json == null || json.isBlank() ? "null" : json;
    }

    private Object fetch(Object[] a) throws Fetcher.FetchRefused {
        ex.budget().countFetch();
        String url = str(a, 0);
        String method = str(a, 1);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String lines = str(a, 2);
        if (lines != null && !lines.isEmpty()) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new Fetcher.FetchRefused("fetch refused: invalid header");
                }
                headers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1)));
            }
        }
        String text = str(a, 3);
        String hex = str(a, 4);
        byte[] body = hex != null ? Hex.decode(hex) : text != null ? text.getBytes(StandardCharsets.UTF_8) : null;
        Duration timeout = ex.budget().remaining();
        if (timeout.isZero()) {
            throw ex.budget().tripAndThrow(Limit.WALL_TIME);
        }
        Fetcher.Response r = ex.fetcher().fetch(new Fetcher.Request(url, method, headers, body), timeout);
        StringBuilder json = new StringBuilder(r.body().length() + 256);
        json.append("{\"status\":").append(r.status()).append(",\"statusText\":").append(Json.quote(r.statusText()))
                .append(",\"url\":").append(Json.quote(r.url())).append(",\"headers\":[");
        for (int i = 0; i < r.headers().size(); i++) {
            var h = r.headers().get(i);
            json.append(i == 0 ? "" : ",").append('[').append(Json.quote(h.getKey())).append(',')
                    .append(Json.quote(h.getValue())).append(']');
        }
        return json.append("],\"body\":").append(Json.quote(r.body())).append('}').toString();
    }

    private static String jsonArray(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(Json.quote(values.get(i)));
            }
        }
        return sb.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}

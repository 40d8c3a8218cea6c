package io.sigil.engine.pipeline;

/** The names instrumentation injects; the sandbox kernel defines them as non-writable globals. */
public final class Reserved {

    /** Prefix no script may declare a name with. */
    public static final String PREFIX = "$sigil$";
    /** The periodic limit check, called when the countdown runs out. */
    public static final String CHECK = PREFIX + "c";
    /** The countdown (an Int32Array): {@code if (--$sigil$k[0] < 0) $sigil$c();} opens every function, loop body
     * and finally block, so the common case costs a decrement and no call. */
    public static final String COUNTDOWN = PREFIX + "k";
    /** The one-shot accessor of the bridge, called by the runtime (prelude) only. */
    public static final String TAKE = PREFIX + "take";
    /** First statement of every catch block: rethrows limit trips and JVM errors, hides Nashorn internals. */
    public static final String RETHROW = PREFIX + "r";
    /** Checked string concatenation {@code a + b}. */
    public static final String ADD = PREFIX + "a";
    /** Checked {@code o[k] += v}. */
    public static final String ADD_TO = PREFIX + "A";

    /** String literals up to this length may be concatenated unchecked (growth per operation stays tiny). */
    public static final int SHORT_LITERAL = 32;

    private Reserved() {
    }
}

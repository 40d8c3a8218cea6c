package io.sigil.engine.pipeline;

import io.sigil.crypto.ipfs.Cid;

/**
 * An action ready for any engine of the pool: its prelude-plus-action ES5 source, transpiled, instrumented and
 * verified. Engines compile it (once each) with Nashorn.
 *
 * @param cid    the action's CID (the cache key)
 * @param source the instrumented ES5 source
 */
public record PreparedAction(Cid cid, String source) {

    /** Name Nashorn reports for this script (the CID, so compiled classes are told apart in a heap dump). */
    public String scriptName() {
        return cid.toString() + ".js";
    }
}

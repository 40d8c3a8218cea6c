package io.sigil.execute.control;

import io.sigil.action.ActionStore;
import io.sigil.crypto.ipfs.Cid;
import io.sigil.problem.SigilException;
import java.util.Optional;

/** Loads an action's code by CID for running it: stored here, or fetched from a peer (checked) and kept here. */
public final class ActionCode {
    private ActionCode() { }

    public static Optional<byte[]> load(ActionStore actions, Cid cid) {
        Optional<byte[]> here = actions.local(cid);
        if (here.isPresent()) {
            return here;
        }
        Optional<byte[]> fetched = actions.find(cid);
        fetched.ifPresent(code -> {
            try {
                actions.store(code);
            } catch (SigilException e) {
                // it runs from memory all the same; the next request fetches it again
            }
        });
        return fetched;
    }
}

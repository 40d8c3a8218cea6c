package io.sigil.engine.api;

/**
 * An {@link ActionHost} call that failed in a way the script may see: the promise (or call) rejects with a JavaScript
 * {@code Error} whose message is {@link #getMessage()}. Write messages for action authors; other exceptions from a
 * host reach the script only as {@code "host call failed"}.
 */
public class HostRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HostRefusal(String scriptVisibleMessage) {
        super(scriptVisibleMessage, null, false, false);
    }
}

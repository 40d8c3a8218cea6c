package io.sigil.transport;

/**
 * A protocol that runs over the transport. Implementations are CDI beans; the {@link Mailbox} finds them by
 * {@link #name()}. A node that starts a session opens it with {@link Transport#open}; the other participants
 * learn of it from its first message, which the mailbox hands to {@link #onFirstMessage} while buffering it.
 */
public interface Protocol {

    /** The protocol's name in envelopes: lowercase letters, digits and dashes. */
    String name();

    /**
     * Called once for the first message of a session this node has not opened. Return true if the node joins:
     * the protocol then opens the session with {@link Transport#open} (typically on a managed thread), and it
     * receives this message and any that arrived meanwhile. Return false to drop the message.
     */
    boolean onFirstMessage(InboundMessage message);
}

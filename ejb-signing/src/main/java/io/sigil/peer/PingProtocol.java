package io.sigil.peer;

import io.sigil.transport.InboundMessage;
import io.sigil.transport.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The simplest protocol: a signed, one-message session that proves the sender holds its pinned identity key and
 * that the receiver accepts it. {@link PeerMonitor} sends one to every peer periodically.
 */
@ApplicationScoped
public class PingProtocol implements Protocol {
    public static final String NAME = "ping";

    @Inject
    PeerMonitor monitor;

    @Override
    public String name() { return NAME; }

    @Override
    public boolean onFirstMessage(InboundMessage message) {
        monitor.heardFrom(message.from());
        return false; // nothing to join: the message itself is the news
    }
}

package io.sigil.transport;

import io.sigil.problem.SigilException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Routes verified messages to sessions. A message for a session this node has not opened is buffered for a
 * short while and offered to its protocol ({@link Protocol#onFirstMessage}); buffers and sessions expire at their
 * deadline, so a peer that stops mid-protocol leaves nothing behind.
 */
@ApplicationScoped
public class Mailbox {
    private static final Logger LOG = Logger.getLogger(Mailbox.class.getName());
    /** How long an unclaimed session buffer waits for its protocol to open the session. */
    static final Duration UNCLAIMED_TTL = Duration.ofSeconds(60);
    /** Upper bound on concurrent sessions; beyond it new sessions are refused (only members can create them). */
    static final int MAX_SESSIONS = 10_000;
    /**
     * Expired buffers and closed-session marks are swept at most this often: {@code closed} holds every session of
     * the last two minutes (about two thousand under load), and sweeping it on every message was 3.5% of a node's CPU
     * in the SigningLoad benchmark. Until swept, an expired entry only refuses what its live self would have.
     */
    static final long SWEEP_EVERY_MS = 1000;

    @Inject @Any
    Instance<Protocol> protocolBeans;

    private final Map<String, Protocol> protocols = new HashMap<>();
    private final Map<SessionId, Inbox> inboxes = new ConcurrentHashMap<>();
    /** Sessions closed recently, with when to forget them: a straggler's message must not reopen them. */
    private final Map<SessionId, Instant> closed = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    public Mailbox() { }

    /** For tests outside a container. */
    public Mailbox(Iterable<Protocol> protocols) {
        protocols.forEach(this::register);
    }

    @PostConstruct
    void init() {
        protocolBeans.forEach(this::register);
    }

    private void register(Protocol p) {
        if (protocols.putIfAbsent(p.name(), p) != null) {
            throw new IllegalStateException("two protocols named " + p.name());
        }
    }

    boolean knows(String protocol) { return protocols.containsKey(protocol); }

    Protocol protocol(String name) { return protocols.get(name); }

    void deliver(InboundMessage m) {
        Instant now = Instant.now();
        purgeExpired(now);
        Inbox box = inboxes.get(m.sessionId());
        if (box == null && closed.containsKey(m.sessionId())) {
            LOG.fine(() -> "message for a closed session ignored: " + m);
            return;
        }
        if (box == null) {
            Protocol protocol = protocols.get(m.protocol());
            if (protocol == null) {
                throw SigilException.malformed("protocol", "this node runs no such protocol");
            }
            if (inboxes.size() >= MAX_SESSIONS) {
                throw new SigilException(io.sigil.problem.ProblemType.RATE_LIMITED, "too many open sessions");
            }
            Inbox fresh = new Inbox(m.protocol(), now.plus(UNCLAIMED_TTL));
            box = inboxes.putIfAbsent(m.sessionId(), fresh);
            if (box == null) {
                fresh.add(m);
                if (!protocol.onFirstMessage(m)) {
                    inboxes.remove(m.sessionId(), fresh);
                }
                return;
            }
        }
        if (!box.protocol.equals(m.protocol())) {
            throw SigilException.malformed("protocol", "the session belongs to another protocol");
        }
        if (!box.add(m)) {
            LOG.fine(() -> "duplicate message ignored: " + m);
        }
    }

    /** Opens (or claims the buffer of) a session until {@code deadline}. */
    Inbox open(SessionId id, String protocol, Instant deadline) {
        Inbox box = inboxes.computeIfAbsent(id, k -> new Inbox(protocol, deadline));
        if (!box.protocol.equals(protocol)) {
            throw new IllegalStateException("session " + id + " belongs to " + box.protocol);
        }
        box.extendTo(deadline);
        return box;
    }

    void close(SessionId id) {
        Inbox box = inboxes.remove(id);
        closed.put(id, Instant.now().plus(UNCLAIMED_TTL).plus(Duration.ofMillis(2 * Transport.FRESHNESS_MS)));
        if (box != null && box.expires().isAfter(closed.get(id))) {
            closed.put(id, box.expires());
        }
    }

    int openSessions() { return inboxes.size(); }

    private void purgeExpired(Instant now) {
        long due = nextSweep.get();
        long ms = now.toEpochMilli();
        if (ms < due || !nextSweep.compareAndSet(due, ms + SWEEP_EVERY_MS)) {
            return;
        }
        inboxes.values().removeIf(box -> box.expires().isBefore(now));
        closed.values().removeIf(until -> until.isBefore(now));
    }
}

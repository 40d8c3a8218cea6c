package io.sigil.action;

import io.sigil.crypto.ipfs.Cid;
import io.sigil.engine.limits.ConfigValues;
import io.sigil.node.NodeConfig;
import io.sigil.peer.PeerCalls;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores and finds action code by CID. Storing is serialised (uploads are rare and a CID is stored once);
 * reading is concurrent. Code must be UTF-8 JavaScript no larger than {@code sigil.limits.code-size}.
 */
@Singleton
public class ActionStore {
    private static final Logger LOG = Logger.getLogger(ActionStore.class.getName());

    @PersistenceContext(unitName = "sigil")
    EntityManager em;

    @Inject NodeConfig config;
    @Inject PeerCalls peers;

    @Inject @ConfigProperty(name = "sigil.limits.code-size", defaultValue = "16MiB")
    String codeSizeSetting;

    private long maxCodeSize;

    /**
     * Code read or stored here, by CID, up to {@link #RECENT_BYTES} in all, least recently used out first. Code under a
     * CID never changes, so an execution of a recent action needs no database read.
     */
    private final RecentCode recent = new RecentCode(RECENT_BYTES);
    static final long RECENT_BYTES = 32L << 20;

    /** The outcome of a store: the CID, the size, and whether this call stored it (false if it was there). */
    public record Stored(Cid cid, long size, boolean created) { }

    @PostConstruct
    void init() {
        maxCodeSize = ConfigValues.size("sigil.limits.code-size", codeSizeSetting);
    }

    public long maxCodeSize() { return maxCodeSize; }

    @Lock(LockType.WRITE)
    public Stored store(byte[] code) {
        check(code);
        Cid cid = Cid.of(code);
        if (em.find(StoredAction.class, cid.toString()) != null) {
            return new Stored(cid, code.length, false);
        }
        em.persist(new StoredAction(cid.toString(), code));
        recent.put(cid, code.clone());
        LOG.info(() -> "stored action " + cid + " (" + code.length + " bytes)");
        return new Stored(cid, code.length, true);
    }

    /** The code stored here under {@code cid}, if any; no network call. */
    @Lock(LockType.READ)
    public Optional<byte[]> local(Cid cid) {
        byte[] code = recent.get(cid);
        if (code == null) {
            StoredAction stored = em.find(StoredAction.class, cid.toString());
            if (stored == null) {
                return Optional.empty();
            }
            code = stored.code();
            recent.put(cid, code.clone());
            return Optional.of(code);
        }
        return Optional.of(code.clone());
    }

    /**
     * The code for {@code cid}: stored here, or else fetched from the first peer that has it and checked against
     * the CID (so no peer can substitute code). Callers that run it store it with {@link #store}.
     */
    @Lock(LockType.READ)
    public Optional<byte[]> find(Cid cid) {
        Optional<byte[]> here = local(cid);
        if (here.isPresent()) {
            return here;
        }
        for (var member : config.network().members()) {
            if (member.index().equals(config.self())) {
                continue;
            }
            byte[] code;
            try {
                code = peers.action(member.url(), cid.toString(), maxCodeSize);
            } catch (RuntimeException unreachable) {
                continue;
            }
            if (code != null && Cid.of(code).equals(cid)) {
                return Optional.of(code);
            }
            if (code != null) {
                LOG.warning(() -> "node " + member.index() + " served code that does not match " + cid + "; ignored");
            }
        }
        return Optional.empty();
    }

    private void check(byte[] code) {
        if (code.length == 0) {
            throw SigilException.malformed("body", "the action's code is empty");
        }
        if (code.length > maxCodeSize) {
            throw new SigilException(ProblemType.PAYLOAD_TOO_LARGE,
                    "the action's code exceeds sigil.limits.code-size (" + maxCodeSize + " bytes)");
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(code));
        } catch (CharacterCodingException e) {
            throw SigilException.malformed("body", "the action's code is not UTF-8 text");
        }
    }
}

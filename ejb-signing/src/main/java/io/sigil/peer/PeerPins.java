package io.sigil.peer;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The pinned identity keys in the database; pinning is serialised so two first contacts cannot pin two keys. */
@Singleton
public class PeerPins {

    @PersistenceContext(unitName = "sigil")
    EntityManager em;

    @Lock(LockType.READ)
    public Map<Integer, PinnedPeer> all() {
        return em.createQuery("select p from PinnedPeer p", PinnedPeer.class).getResultList().stream()
                .collect(Collectors.toMap(PinnedPeer::nodeIndex, Function.identity()));
    }

    /** Pins {@code publicKey} for the node unless a key is pinned already; returns the pinned key either way. */
    @Lock(LockType.WRITE)
    public String pinIfAbsent(int nodeIndex, String publicKey, String url) {
        PinnedPeer existing = em.find(PinnedPeer.class, nodeIndex);
        if (existing != null) {
            return existing.identityPublicKey();
        }
        em.persist(new PinnedPeer(nodeIndex, publicKey, url, System.currentTimeMillis()));
        return publicKey;
    }
}

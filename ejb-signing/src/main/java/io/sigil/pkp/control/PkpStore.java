package io.sigil.pkp.control;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.Hex;
import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.dkg.KeyShare;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.eth.TokenId;
import io.sigil.keyshare.entity.KeyShareRecord;
import io.sigil.pkp.entity.PermissionChangeRecord;
import io.sigil.pkp.entity.PkpRecord;
import io.sigil.problem.ProblemType;
import io.sigil.problem.SigilException;
import io.sigil.storage.SecretSealer;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Owns the PKPs and key shares of this node ({@link PkpRecord}, {@link KeyShareRecord}, {@link PermissionChangeRecord}).
 *
 * <p>A {@code @Singleton} with container-managed locks rather than a {@code @Stateless} bean: every write here is a
 * read-check-write on one PKP (is the version current? is it still prepared?), and a write lock makes that atomic on
 * this node whatever the database's isolation level (H2 and PostgreSQL differ). Writes are rare and short (a mint,
 * a permission change); reads (signing loads a share, GET shows a PKP) take the shared read lock and run in
 * parallel. The {@code @Version} column on {@link PkpRecord} backs the lock up should the container release it
 * before the transaction commits. Parallel mints are independent rows and simply queue for a few milliseconds.
 *
 * <p>Key shares are sealed with the node's storage key under {@code key-share/<tokenId>} before they reach the
 * entity manager, and opened only into a {@link KeyShare} that the caller destroys after use.
 */
@Singleton
public class PkpStore {
    private static final Logger LOG = Logger.getLogger(PkpStore.class.getName());

    @PersistenceContext(unitName = "sigil")
    EntityManager em;

    @Inject
    SecretSealer sealer;

    /** Where one PKP's mint stands on this node. */
    public record Mint(TokenId tokenId, String dkgId, PkpRecord.State state, byte[] preparedStatements) { }

    /** Result of offering a forwarded or fetched change. */
    public enum Offer { APPLIED, ALREADY_APPLIED, AHEAD, UNKNOWN_PKP }

    /**
     * Stores this node's share and the PKP as {@link PkpRecord.State#PREPARED}: durable, but neither shown nor
     * usable until {@link #activate}. Fails if the token id exists.
     */
    @Lock(LockType.WRITE)
    public void prepare(String dkgId, KeyShare share, EthAddress owner, List<String> permittedActions, boolean sealed,
                        byte[] preparedStatements) {
        inTransaction(() -> {
            String tokenId = share.tokenId().toString();
            if (em.find(PkpRecord.class, tokenId) != null) {
                throw new SigilException(ProblemType.CONFLICT, "a PKP with this token id exists");
            }
            byte[] plain = share.toBytes();
            try {
                em.persist(new KeyShareRecord(tokenId, share.index(),
                        sealer.seal(KeyShareRecord.sealContext(tokenId), plain), System.currentTimeMillis()));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            em.persist(new PkpRecord(tokenId, dkgId, Hex.encode(Secp256k1.encode(share.publicKey())),
                    share.address().toString(), owner.toString(), permittedActions, sealed, preparedStatements,
                    System.currentTimeMillis()));
            em.flush();
            return null;
        });
    }

    /** Records the prepared statements known so far for a prepared mint. */
    @Lock(LockType.WRITE)
    public void recordStatements(TokenId tokenId, byte[] statements) {
        inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, tokenId.toString());
            if (r != null && r.state() == PkpRecord.State.PREPARED) {
                r.setPreparedStatements(statements);
            }
            return null;
        });
    }

    /** Prepared becomes active, keeping the certificate; false if there is no prepared PKP with this id. */
    @Lock(LockType.WRITE)
    public boolean activate(TokenId tokenId, byte[] certificate) {
        return inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, tokenId.toString());
            if (r == null || r.state() != PkpRecord.State.PREPARED) {
                return false;
            }
            r.setPreparedStatements(certificate);
            r.activate();
            return true;
        });
    }

    /** Deletes a prepared (never an active) PKP and its share: its mint did not complete. */
    @Lock(LockType.WRITE)
    public boolean discard(TokenId tokenId) {
        return inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, tokenId.toString());
            if (r == null || r.state() != PkpRecord.State.PREPARED) {
                return false;
            }
            KeyShareRecord share = em.find(KeyShareRecord.class, tokenId.toString());
            if (share != null) {
                em.remove(share);
            }
            em.remove(r);
            LOG.info(() -> "discarded the prepared share of " + tokenId + ": its mint did not complete");
            return true;
        });
    }

    /** The mint of a token id on this node, whatever its state. */
    @Lock(LockType.READ)
    public Optional<Mint> mint(TokenId tokenId) {
        return inTransaction(() -> Optional.ofNullable(em.find(PkpRecord.class, tokenId.toString()))
                .map(r -> new Mint(TokenId.parse(r.tokenId()), r.dkgId(), r.state(), r.preparedStatements())));
    }

    /** The mint of a DKG run on this node, if it got as far as preparing. */
    @Lock(LockType.READ)
    public Optional<Mint> mintOfRun(String dkgId) {
        return inTransaction(() -> em.createQuery("select p from PkpRecord p where p.dkgId = :id", PkpRecord.class)
                .setParameter("id", dkgId).getResultList().stream().findFirst()
                .map(r -> new Mint(TokenId.parse(r.tokenId()), r.dkgId(), r.state(), r.preparedStatements())));
    }

    /** Every mint still waiting for its outcome, oldest first. */
    @Lock(LockType.READ)
    public List<Mint> preparedMints() {
        return inTransaction(() -> em.createQuery("select p from PkpRecord p where p.state = :s order by p.createdAtMs",
                        PkpRecord.class)
                .setParameter("s", PkpRecord.State.PREPARED).getResultList().stream()
                .map(r -> new Mint(TokenId.parse(r.tokenId()), r.dkgId(), r.state(), r.preparedStatements()))
                .toList());
    }

    /** An active PKP. */
    @Lock(LockType.READ)
    public Optional<PkpState> find(TokenId tokenId) {
        return inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, tokenId.toString());
            return r == null || r.state() != PkpRecord.State.ACTIVE ? Optional.<PkpState>empty() : Optional.of(PkpState.of(r));
        });
    }

    /** The version of every active PKP, for catch-up. */
    @Lock(LockType.READ)
    public Map<TokenId, Long> versions() {
        return inTransaction(() -> {
            Map<TokenId, Long> out = new LinkedHashMap<>();
            em.createQuery("select p from PkpRecord p where p.state = :s order by p.tokenId", PkpRecord.class)
                    .setParameter("s", PkpRecord.State.ACTIVE).getResultList()
                    .forEach(r -> out.put(TokenId.parse(r.tokenId()), r.version()));
            return out;
        });
    }

    /**
     * This node's share of an active PKP, opened from its sealed row, if {@code permits} accepts the PKP as it stands;
     * else empty, and the share is not even opened. 404 if this node has no active PKP with that id. A signing call
     * checks its caller and loads the share in this one look-up. The caller must {@code destroy()} the share.
     */
    @Lock(LockType.READ)
    public Optional<KeyShare> keyShare(TokenId tokenId, Predicate<PkpState> permits) {
        KeyShareRecord row = inTransaction(() -> {
            PkpRecord pkp = em.find(PkpRecord.class, tokenId.toString());
            if (pkp == null || pkp.state() != PkpRecord.State.ACTIVE) {
                throw SigilException.notFound("PKP " + tokenId);
            }
            if (!permits.test(PkpState.of(pkp))) {
                return null;
            }
            return Optional.ofNullable(em.find(KeyShareRecord.class, tokenId.toString()))
                    .orElseThrow(() -> SigilException.notFound("the key share of PKP " + tokenId));
        });
        if (row == null) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            plain = sealer.open(KeyShareRecord.sealContext(row.tokenId()), row.sealedShare());
        } catch (CryptoException e) {
            LOG.severe(() -> "the key share of " + tokenId + " does not open with this node's storage key");
            throw new SigilException(ProblemType.INTERNAL, "this node cannot open its key share");
        }
        try {
            return Optional.of(KeyShare.restore(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Applies a verified, owner-signed change if it is for the current version (403 not owner or sealed, 409 stale,
     * 404 unknown): the new permissions and the signed change are stored in one transaction.
     */
    @Lock(LockType.WRITE)
    public PkpState apply(PermissionChange change) {
        return inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, change.tokenId().toString());
            if (r == null || r.state() != PkpRecord.State.ACTIVE) {
                throw SigilException.notFound("PKP " + change.tokenId());
            }
            change.checkAgainst(PkpState.of(r));
            r.changed(change.applyTo(r.permittedActions()), change.seal());
            em.persist(new PermissionChangeRecord(r.tokenId(), change.fromVersion(), change.toBytes(),
                    System.currentTimeMillis()));
            em.flush();
            return PkpState.of(r);
        });
    }

    /**
     * Offers a change that came from a peer (forwarded or fetched): applied if it is the next one and verifies,
     * ignored if already applied, {@link Offer#AHEAD} if this node misses earlier changes. A change that does not
     * verify throws as in {@link #apply}.
     */
    @Lock(LockType.WRITE)
    public Offer offer(PermissionChange change) {
        return inTransaction(() -> {
            PkpRecord r = em.find(PkpRecord.class, change.tokenId().toString());
            if (r == null || r.state() != PkpRecord.State.ACTIVE) {
                return Offer.UNKNOWN_PKP;
            }
            if (change.fromVersion() < r.version()) {
                return Offer.ALREADY_APPLIED;
            }
            if (change.fromVersion() > r.version()) {
                return Offer.AHEAD;
            }
            change.checkAgainst(PkpState.of(r));
            r.changed(change.applyTo(r.permittedActions()), change.seal());
            em.persist(new PermissionChangeRecord(r.tokenId(), change.fromVersion(), change.toBytes(),
                    System.currentTimeMillis()));
            em.flush();
            return Offer.APPLIED;
        });
    }

    /** The signed changes of a PKP from {@code fromVersion} on, in order (wire form). */
    @Lock(LockType.READ)
    public List<byte[]> changesFrom(TokenId tokenId, long fromVersion) {
        return inTransaction(() -> em.createQuery("select c from PermissionChangeRecord c where c.tokenId = :t"
                        + " and c.fromVersion >= :v order by c.fromVersion", PermissionChangeRecord.class)
                .setParameter("t", tokenId.toString()).setParameter("v", fromVersion)
                .setMaxResults(1000)
                .getResultList().stream().map(PermissionChangeRecord::signedChange).toList());
    }

    /**
     * Runs one business method's work (reads too). In the container the method's container-managed transaction
     * and lock already surround it, so this only calls {@code work}; tests outside a container override it to
     * serialise access and begin/commit a resource-local transaction.
     */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}

package io.sigil.node;

import io.sigil.crypto.CryptoException;
import io.sigil.crypto.EcdsaSignature;
import io.sigil.crypto.eth.EthAddress;
import io.sigil.crypto.identity.IdentityKey;
import io.sigil.crypto.identity.PeerBox;
import io.sigil.storage.SecretSealer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The node's secp256k1 identity key: it signs every node-to-node message and seals and opens the private
 * payloads exchanged with each peer (one {@link PeerBox} per peer key). Created on first start in {@code identity.key} under the data directory (owner-only, and sealed
 * with the storage key), kept across restarts; the private key never leaves this class.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start: no container lock on signing
// no database work: without this each of its calls (several per signature) began and committed a JTA transaction
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeIdentity {
    private static final Logger LOG = Logger.getLogger(NodeIdentity.class.getName());
    static final String FILE_NAME = "identity.key";
    private static final String SEAL_CONTEXT = "identity-key";

    @Inject
    NodeConfig config;

    @Inject
    SecretSealer sealer;

    private DataDirectoryLock lock;
    private Keyring keyring;
    private ECPoint publicKey;
    private EthAddress address;

    public NodeIdentity() { }

    /** For tests and tools outside a container. */
    public NodeIdentity(NodeConfig config, SecretSealer sealer) {
        this.config = config;
        this.sealer = sealer;
        start();
    }

    @PostConstruct
    void start() {
        Path dataDir = config.dataDirectory();
        lock = DataDirectoryLock.acquire(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        IdentityKey fresh = IdentityKey.generate(new SecureRandom());
        byte[] raw = fresh.toBytes();
        if (PrivateFiles.createIfAbsent(file, sealer.seal(SEAL_CONTEXT, raw))) {
            LOG.info(() -> "created a new identity key in " + file);
        }
        Arrays.fill(raw, (byte) 0);
        fresh.destroy();
        byte[] stored;
        try {
            stored = sealer.open(SEAL_CONTEXT, PrivateFiles.read(file));
        } catch (CryptoException e) {
            throw new IllegalStateException("the identity key in " + file
                    + " cannot be opened with the configured storage key");
        }
        IdentityKey key = IdentityKey.fromBytes(stored);
        Arrays.fill(stored, (byte) 0);
        keyring = new Keyring(key);
        publicKey = key.publicKey();
        address = key.address();
        LOG.info(() -> "node " + config.self() + " identity " + address);
    }

    /** Wipes the key and releases the data directory (the container calls this at shutdown). */
    @PreDestroy
    public void close() {
        if (keyring != null) {
            keyring.destroy();
        }
        if (lock != null) {
            lock.close();
        }
    }

    public NodeIndex index() { return config.self(); }
    public ECPoint publicKey() { return publicKey; }
    public EthAddress address() { return address; }
    public boolean ready() { return keyring != null; }

    /**
     * The key's operations as a plain object, for the transport, which signs, seals and opens several times per
     * threshold signature: each call through this bean's container proxy cost about a third of an envelope signature
     * (JFR under SigningLoad). It exposes no key material and stops working when the node shuts down.
     */
    public Keyring keyring() { return keyring; }

    /** Signs a 32-byte digest with the identity key. */
    public EcdsaSignature sign(byte[] digest) { return keyring.sign(digest); }

    /** The identity key and the box agreed with each peer key; the key never leaves it. */
    public static final class Keyring {
        private final IdentityKey key;
        /** Per peer identity key: the agreed box. Secrets, like the key itself: wiped on close. */
        private final Map<ECPoint, PeerBox> boxes = new ConcurrentHashMap<>();

        Keyring(IdentityKey key) {
            this.key = key;
        }

        /** Signs a 32-byte digest with the identity key. */
        public EcdsaSignature sign(byte[] digest) { return key.sign(digest); }

        /** Encrypts a private payload for the peer whose identity key is {@code peer} ({@link PeerBox}). */
        public byte[] sealTo(ECPoint peer, byte[] secret, byte[] aad, SecureRandom random) {
            return box(peer).seal(secret, aad, random);
        }

        /** Opens a private payload the peer with identity key {@code peer} sealed to this node; CryptoException if not. */
        public byte[] openFrom(ECPoint peer, byte[] sealed, byte[] aad) {
            return box(peer).open(sealed, aad);
        }

        /** The box agreed with a peer's key, made on first use; a peer with a new (re-pinned) key gets a new box. */
        private PeerBox box(ECPoint peer) {
            return boxes.computeIfAbsent(peer.normalize(), k -> PeerBox.agree(key, k));
        }

        void destroy() {
            boxes.values().forEach(PeerBox::destroy);
            boxes.clear();
            key.destroy();
        }

        @Override
        public String toString() { return "Keyring[<redacted>]"; }
    }

    @Override
    public String toString() { return "NodeIdentity[" + address + "]"; }
}

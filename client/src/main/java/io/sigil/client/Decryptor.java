package io.sigil.client;

import io.sigil.api.model.AuthSig;
import io.sigil.api.model.DecryptRequest;
import io.sigil.api.model.DecryptionShareResponse;
import io.sigil.api.model.EncryptedData;
import io.sigil.api.model.NetworkEncryptionKey;
import io.sigil.api.model.NodeInfo;
import io.sigil.api.model.Tdh2Json;
import io.sigil.crypto.CryptoException;
import io.sigil.crypto.shamir.FeldmanCommitment;
import io.sigil.crypto.tdh2.DecryptionShare;
import io.sigil.crypto.tdh2.Tdh2;
import io.sigil.crypto.tdh2.Tdh2Ciphertext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threshold encryption and decryption from the client side, trusting no single node: encrypts locally to the
 * network key (no node sees the data), and decrypts by asking every node for its share, checking each share's DLEQ
 * proof against that node's public share and combining t+1 valid ones. A node that returns a wrong share is
 * detected by its proof and skipped; {@link #rejected()} says which after a call.
 */
public final class Decryptor implements AutoCloseable {
    private final NodeConnection entry;
    private final Duration timeout;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sigil-decrypt");
        t.setDaemon(true);
        return t;
    });
    private NetworkEncryptionKey key;
    private Map<Integer, String> rejected = Map.of();

    public Decryptor(URI anyNode, Duration timeout) {
        this.entry = new NodeConnection(anyNode, timeout);
        this.timeout = timeout;
    }

    /**
     * The network key, fetched once: asked of every node, and accepted only if at least t+1 nodes give the same
     * consistent key and none gives another (one lying node cannot make the client encrypt to its own key).
     */
    public synchronized NetworkEncryptionKey networkKey() {
        if (key != null) {
            return key;
        }
        NodeInfo info = entry.node();
        Map<Integer, CompletableFuture<NetworkEncryptionKey>> calls = new TreeMap<>();
        for (NodeInfo.Member m : info.network().nodes()) {
            NodeConnection node = new NodeConnection(URI.create(m.url()), timeout);
            calls.put(m.index(), CompletableFuture.supplyAsync(node::encryptionKey, pool));
        }
        Map<NetworkEncryptionKey, Integer> votes = new LinkedHashMap<>();
        SigilClientException failure = null;
        for (var call : calls.values()) {
            try {
                NetworkEncryptionKey k = call.join();
                Tdh2Json.commitments(k);
                votes.merge(normalise(k), 1, Integer::sum);
            } catch (RuntimeException e) {
                if (failure == null && e.getCause() instanceof SigilClientException s) {
                    failure = s;
                }
            }
        }
        if (votes.size() > 1) {
            throw new SigilClientException("the nodes disagree on the network encryption key", 502);
        }
        int t = info.network().t();
        if (votes.isEmpty() || votes.values().iterator().next() < t + 1) {
            throw failure != null && votes.isEmpty() ? failure
                    : new SigilClientException("fewer than t+1 nodes vouch for the network encryption key", 503);
        }
        key = votes.keySet().iterator().next();
        return key;
    }

    /** Encrypts locally; the result is Lit's shape with the conditions in clear. */
    public EncryptedData encrypt(byte[] data, List<Object> accessControlConditions) {
        return Tdh2Json.encrypt(networkKey(), data, accessControlConditions);
    }

    /**
     * Asks every node for its share, keeps those whose proofs verify, combines t+1 and checks
     * {@code dataToEncryptHash}. Throws the nodes' refusal (403 conditions not met, 401 authSig, 400) if fewer
     * than t+1 gave a valid share and some refused, else a 503 naming who failed.
     */
    public byte[] decrypt(EncryptedData encrypted, AuthSig authSig) {
        NetworkEncryptionKey k = networkKey();
        FeldmanCommitment commitments = Tdh2Json.commitments(k);
        Tdh2Ciphertext ct;
        try {
            ct = Tdh2Json.ciphertext(encrypted.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new SigilClientException("the ciphertext is not a TDH2 ciphertext in base64", 400);
        }
        if (!java.util.Arrays.equals(ct.label(), Tdh2Json.label(encrypted.accessControlConditions()))) {
            throw new SigilClientException("the ciphertext is bound to other access-control conditions", 400);
        }
        DecryptRequest request = new DecryptRequest(encrypted.ciphertext(), encrypted.dataToEncryptHash(),
                encrypted.accessControlConditions(), encrypted.chain(), authSig);
        Map<Integer, CompletableFuture<DecryptionShareResponse>> calls = new TreeMap<>();
        for (NodeInfo.Member m : entry.node().network().nodes()) {
            NodeConnection node = new NodeConnection(URI.create(m.url()), timeout);
            calls.put(m.index(), CompletableFuture.supplyAsync(() -> node.decryptionShare(request), pool));
        }
        List<DecryptionShare> valid = new ArrayList<>();
        Map<Integer, String> why = new TreeMap<>();
        SigilClientException refusal = null;
        for (var call : calls.entrySet()) {
            int index = call.getKey();
            if (valid.size() > k.t()) {
                call.getValue().cancel(true);
                continue;
            }
            try {
                DecryptionShare s = Tdh2Json.share(call.getValue().join(), index);
                if (Tdh2Json.verify(ct, s, commitments)) {
                    valid.add(s);
                } else {
                    why.put(index, "its share's proof does not verify");
                }
            } catch (IllegalArgumentException e) {
                why.put(index, "sent a malformed share");
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof SigilClientException s && s.status() >= 400 && s.status() < 500) {
                    refusal = refusal != null ? refusal : s;
                }
                why.put(index, cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
            }
        }
        rejected = Map.copyOf(why);
        if (valid.size() <= k.t()) {
            if (refusal != null) {
                throw refusal;
            }
            throw new SigilClientException("only " + valid.size() + " of the " + (k.t() + 1)
                    + " decryption shares needed are valid: " + why, 503);
        }
        byte[] plain;
        try {
            plain = Tdh2.combine(ct, valid.subList(0, k.t() + 1), commitments);
        } catch (CryptoException e) {
            throw new SigilClientException("verified shares did not decrypt", 502);
        }
        if (encrypted.dataToEncryptHash() != null
                && !encrypted.dataToEncryptHash().equalsIgnoreCase(Tdh2Json.dataToEncryptHash(plain))) {
            throw new SigilClientException("the decrypted data does not match dataToEncryptHash", 502);
        }
        return plain;
    }

    /** Node index to why its share was not used, for the last {@link #decrypt}. */
    public Map<Integer, String> rejected() { return rejected; }

    private static NetworkEncryptionKey normalise(NetworkEncryptionKey k) {
        return new NetworkEncryptionKey(k.publicKey().toLowerCase(), k.H().toLowerCase(), k.t(), k.n(),
                k.commitments().stream().map(String::toLowerCase).toList(), new TreeMap<>(k.publicShares()));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

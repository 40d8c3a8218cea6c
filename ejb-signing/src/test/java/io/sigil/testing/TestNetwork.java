package io.sigil.testing;

import io.sigil.auth.AuthSigVerifier;
import io.sigil.dkg.control.DkgProtocol;
import io.sigil.dkg.control.DkgWiring;
import io.sigil.dkg.control.MintOutcomes;
import io.sigil.pkp.control.PermissionSync;
import io.sigil.pkp.control.Stores;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.StorageKey;
import io.sigil.transport.InMemoryNetwork;
import io.sigil.transport.Protocol;
import io.sigil.transport.TamperingTransport;
import io.sigil.transport.Transport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * n nodes in one JVM, each with its own data directory, identity, H2 database and the PKP protocols (mint, outcome,
 * permission sync, signing) and the actions' coordination protocol, over {@link InMemoryNetwork}. Every node's transport is a {@link TamperingTransport}
 * (honest until a test sets its hook).
 */
public final class TestNetwork implements AutoCloseable {
    public final InMemoryNetwork net;
    private final List<TestNode> nodes = new ArrayList<>();

    /** One node and its beans. */
    public static final class TestNode {
        public final InMemoryNetwork.Node node;
        public final TamperingTransport transport;
        public final TestDatabase db;
        public final TestDatabase.TxPkpStore store;
        public final MutableClock clock = new MutableClock();
        public final AuthSigVerifier authSigs = new AuthSigVerifier(clock);
        public final DkgProtocol dkg;
        public final MintOutcomes outcomes;
        public final PermissionSync sync;
        public final io.sigil.signing.control.SigningProtocol signing;
        public final io.sigil.netkey.control.NetworkKeyProtocol netkey;
        public io.sigil.netkey.control.NetworkKeyStore netkeyStore;
        public final io.sigil.execute.control.CoordinationProtocol coordination;

        TestNode(InMemoryNetwork.Node node, Protocols p, TestDatabase db, TestDatabase.TxPkpStore store) {
            this.node = node;
            this.transport = (TamperingTransport) node.transport;
            this.db = db;
            this.store = store;
            this.dkg = p.dkg;
            this.outcomes = p.outcomes;
            this.sync = p.sync;
            this.signing = p.signing;
            this.netkey = p.netkey;
            this.coordination = p.coordination;
        }

        public int index() { return node.index().value(); }

        /** Rows in this node's PKP and key-share tables, read with plain JDBC. */
        public int storedRows() throws Exception {
            try (Connection c = db.jdbc(); ResultSet rs = c.createStatement().executeQuery(
                    "select (select count(*) from sigil_key_share) + (select count(*) from sigil_pkp)")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static final class Protocols {
        final DkgProtocol dkg = new DkgProtocol();
        final MintOutcomes outcomes = new MintOutcomes();
        final PermissionSync sync = new PermissionSync();
        final io.sigil.signing.control.SigningProtocol signing = new io.sigil.signing.control.SigningProtocol();
        final io.sigil.netkey.control.NetworkKeyProtocol netkey = new io.sigil.netkey.control.NetworkKeyProtocol();
        final io.sigil.execute.control.CoordinationProtocol coordination =
                new io.sigil.execute.control.CoordinationProtocol();

        List<Protocol> all() { return List.of(dkg, outcomes, sync, signing, netkey, coordination); }
    }

    private TestNetwork(InMemoryNetwork net) {
        this.net = net;
    }

    /** @param timeout each protocol session's deadline, e.g. {@code 5s} */
    public static TestNetwork start(int n, Path dir, String timeout) {
        Map<Transport, Protocols> protocols = new IdentityHashMap<>();
        InMemoryNetwork net = InMemoryNetwork.start(n, dir, t -> {
            Protocols p = new Protocols();
            protocols.put(t, p);
            return p.all();
        }, i -> new TamperingTransport());
        TestNetwork tn = new TestNetwork(net);
        for (InMemoryNetwork.Node node : net.nodes()) {
            Protocols p = protocols.get(node.transport);
            TestDatabase db = new TestDatabase(node.config.dataDirectory());
            TestDatabase.TxPkpStore store = db.pkpStore(new SecretSealer(new StorageKey(node.config, Optional.empty())));
            TestNode tnode = new TestNode(node, p, db, store);
            DkgWiring.wire(p.dkg, p.outcomes, node.config, node.identity, node.transport, node.directory(), store,
                    tnode.authSigs, timeout);
            Stores.wire(p.sync, node.config, node.transport, store);
            io.sigil.signing.control.SigningWiring.wire(p.signing, node.config, node.transport, store, timeout);
            tnode.netkeyStore = new io.sigil.netkey.control.NetworkKeyStore(node.config,
                    new SecretSealer(new StorageKey(node.config, Optional.empty())));
            io.sigil.netkey.control.NetKeyWiring.wire(p.netkey, node.config, node.transport, tnode.netkeyStore, timeout);
            io.sigil.execute.control.CoordinationWiring.wire(p.coordination, node.config, node.transport);
            tn.nodes.add(tnode);
        }
        return tn;
    }

    public TestNode node(int index) { return nodes.get(index - 1); }

    public List<TestNode> nodes() { return List.copyOf(nodes); }

    @Override
    public void close() {
        nodes.forEach(n -> n.db.close());
        net.close();
    }
}

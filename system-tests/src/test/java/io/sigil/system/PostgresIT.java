package io.sigil.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigil.api.model.MintRequest;
import io.sigil.api.model.Pkp;
import io.sigil.client.NodeConnection;
import io.sigil.client.Wallet;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One setting switches a network to PostgreSQL: {@code SIGIL_DB_URL} given once to the launcher, with the node
 * index as a MicroProfile Config expression, gives each node its own database. Keys and PKPs land there (no H2
 * file is created), secrets stay sealed, and everything survives a restart.
 */
class PostgresIT {
    static final Duration READY = Duration.ofSeconds(150);

    @Test
    void aNetworkRunsOnPostgresql() throws Exception {
        try (PostgresServer pg = PostgresServer.start(LocalNetworkProcess.DATA.resolve("postgres-server"))) {
            for (int i = 1; i <= 3; i++) {
                pg.createDatabase("sigil_node" + i);
            }
            Map<String, String> env = Map.of(
                    "SIGIL_DB_URL", pg.url("sigil_node${sigil.node.index}"),
                    "SIGIL_DB_USER", "sigil");
            Pkp minted;
            Wallet owner = Wallet.random();
            try (LocalNetworkProcess net = LocalNetworkProcess.fresh("postgres", 3, env, READY)) {
                NodeConnection node1 = new NodeConnection(net.url(1), Duration.ofSeconds(60));
                minted = node1.mintPkp(new MintRequest(owner.authSig(Duration.ofMinutes(10)), List.of(), false));
                for (int i = 1; i <= 3; i++) {
                    assertFalse(Files.exists(net.data.resolve("node" + i).resolve("db")), "no H2 database for node " + i);
                }
            }
            for (int i = 1; i <= 3; i++) {
                String db = "sigil_node" + i;
                assertEquals(List.of(minted.tokenId()), pg.query(db, "select token_id from sigil_pkp"));
                assertEquals(2, pg.query(db, "select node_index from sigil_pinned_peer").size(), "node " + i + " pinned its peers");
                String shares = String.join("", pg.query(db, "select encode(sealed_share, 'hex') from sigil_key_share"));
                assertTrue(!shares.isEmpty(), "node " + i + " keeps a share");
            }
            try (LocalNetworkProcess net = LocalNetworkProcess.up("postgres", 3, LocalNetworkProcess.freePorts(3), env, READY)) {
                for (int i = 1; i <= 3; i++) {
                    assertEquals(minted, new NodeConnection(net.url(i), Duration.ofSeconds(30)).pkp(minted.tokenId()),
                            "node " + i + " still has the PKP after a restart");
                }
            }
        }
    }
}

package io.sigil.testing;

import io.sigil.pkp.control.PkpStore;
import io.sigil.storage.SecretSealer;
import io.sigil.storage.SigilDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A node's database outside the container: the node's entities, JPA provider and H2 file URL (as
 * {@link SigilDataSource#defaultUrl}), with resource-local transactions. Closing and reopening it on the same data
 * directory is a node restart as far as storage goes.
 */
public final class TestDatabase implements AutoCloseable {
    public final String url;
    private final EntityManagerFactory emf;

    public TestDatabase(Path dataDir) {
        this.url = SigilDataSource.defaultUrl(dataDir);
        this.emf = Persistence.createEntityManagerFactory("sigil-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
    }

    /** A store over this database: every call serialised (as the singleton's locks do) in its own transaction. */
    public TxPkpStore pkpStore(SecretSealer sealer) {
        TxPkpStore store = new TxPkpStore(emf.createEntityManager());
        store.init(sealer);
        return store;
    }

    /** Plain JDBC, to look at what is really in the tables. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public void close() {
        emf.close();
    }

    /** The store with resource-local transactions; {@link #failPrepare} makes storing a share fail (a full disk). */
    public static final class TxPkpStore extends PkpStore {
        private final EntityManager entityManager;
        public volatile boolean failPrepare;

        TxPkpStore(EntityManager em) {
            this.entityManager = em;
        }

        void init(SecretSealer sealer) {
            io.sigil.pkp.control.Stores.wire(this, entityManager, sealer);
        }

        @Override
        public void prepare(String dkgId, io.sigil.crypto.dkg.KeyShare share, io.sigil.crypto.eth.EthAddress owner,
                            java.util.List<String> permittedActions, boolean sealed, byte[] preparedStatements) {
            if (failPrepare) {
                throw new io.sigil.problem.SigilException(io.sigil.problem.ProblemType.INTERNAL, "cannot store (test)");
            }
            super.prepare(dkgId, share, owner, permittedActions, sealed, preparedStatements);
        }

        @Override
        protected synchronized <T> T inTransaction(Supplier<T> work) {
            EntityTransaction tx = entityManager.getTransaction();
            tx.begin();
            try {
                T result = work.get();
                tx.commit();
                return result;
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
                entityManager.clear();
            }
        }
    }
}

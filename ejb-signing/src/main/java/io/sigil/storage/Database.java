package io.sigil.storage;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Defines the node's data source (pooled by the container over {@link SigilDataSource}) and answers whether the
 * database is reachable, for readiness.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/sigil",
        className = "io.sigil.storage.SigilDataSource",
        initialPoolSize = 1,
        minPoolSize = 1,
        maxPoolSize = 32)
@Stateless
public class Database {

    @PersistenceContext(unitName = "sigil")
    EntityManager em;

    /** True if a trivial query succeeds. */
    public boolean reachable() {
        try {
            em.createNativeQuery("SELECT 1").getSingleResult();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

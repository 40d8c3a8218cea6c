/**
 * Where a node keeps what must survive a restart: the database (embedded H2 under the data directory by default,
 * PostgreSQL with one property) and the storage key that encrypts every secret column.
 */
package io.sigil.storage;

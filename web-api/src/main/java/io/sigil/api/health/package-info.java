/** MicroProfile Health: live while the process runs, ready once the node has its identity and database. */
package io.sigil.api.health;

/** {@code /api/v1/pkps}: mint (DKG over all nodes), show, change permissions (owner-signed). */
package io.sigil.api.pkp;

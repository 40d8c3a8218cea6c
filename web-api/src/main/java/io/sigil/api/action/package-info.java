/** {@code /api/v1/actions}: store immutable action code and read it back by CID. */
package io.sigil.api.action;

/** One mapper from every exception to an RFC 9457 problem+json response, and safe body parsing. */
package io.sigil.api.problem;

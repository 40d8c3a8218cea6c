/** PKPs for the HTTP API: mint, show, change permissions. */
package io.sigil.pkp.boundary;

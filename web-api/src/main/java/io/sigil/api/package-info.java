/** The node's HTTP API (API.md): thin JAX-RS resources over the EJBs of {@code ejb-signing}. */
package io.sigil.api;

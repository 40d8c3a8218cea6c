/** Executing actions over HTTP: one node's part ({@code /api/v1/execute}) and the gateway ({@code /api/v1/network/execute}). */
package io.sigil.api.execute;

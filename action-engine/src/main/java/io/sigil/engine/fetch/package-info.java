/**
 * The actions' {@code fetch}: {@link io.sigil.engine.fetch.Fetcher} (the boundary the sandbox calls),
 * {@link io.sigil.engine.fetch.HttpFetcher} (java.net.http) and {@link io.sigil.engine.fetch.AddressPolicy}
 * ({@code sigil.fetch.allow-private}).
 */
package io.sigil.engine.fetch;

package io.sigil.conditions.control;

import java.math.BigInteger;
import java.util.Optional;

/** Read-only access to EVM chains by name, for EVM conditions. */
public interface ChainReader {

    /** Whether this node has an RPC endpoint for {@code chain}. */
    boolean knows(String chain);

    /** {@code eth_getBalance(address, "latest")} in wei. */
    BigInteger balance(String chain, String address);

    /**
     * {@code eth_call({to, data}, "latest")}: the returned bytes, or empty if the call reverted (the chain's own
     * answer, unlike an endpoint that fails, which throws).
     */
    Optional<byte[]> call(String chain, String to, byte[] data);
}

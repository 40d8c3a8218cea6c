/** The Java half of the {@code ethers.utils} subset actions see: Keccak, EIP-191, recovery and addresses. */
package io.sigil.engine.ethers;

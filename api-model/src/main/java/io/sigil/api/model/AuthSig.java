package io.sigil.api.model;

/**
 * Lit's authSig (API.md): a wallet's EIP-191 {@code personal_sign} signature over an EIP-4361 (SIWE) message.
 *
 * @param sig           65-byte signature {@code r||s||v}, {@code 0x} hex
 * @param derivedVia    always {@code web3.eth.personal.sign}
 * @param signedMessage the SIWE message text that was signed
 * @param address       the signer's Ethereum address (must equal the SIWE message's and the recovered one)
 */
public record AuthSig(String sig, String derivedVia, String signedMessage, String address) {
    /** The only {@code derivedVia} Sigil accepts. */
    public static final String PERSONAL_SIGN = "web3.eth.personal.sign";

    @Override
    public String toString() {
        return "AuthSig[" + address + "]";
    }
}

package io.sigil.conditions.control;

import java.util.List;

/**
 * One validated access-control condition (Lit's {@code evmBasic} shape), with the kind that decides how it is
 * evaluated. Values are as sent; {@code :userAddress} in {@code parameters} or {@code value} is the requester.
 */
public record Condition(Kind kind, String contractAddress, String chain, String method, List<String> parameters,
                        String comparator, String value) {
    public static final String USER_ADDRESS = ":userAddress";

    /** The supported condition kinds. */
    public enum Kind {
        /** {@code method:"", parameters:[":userAddress"]}: the requester's address against {@code value}. */
        USER_ADDRESS,
        /** {@code standardContractType:"timestamp", method:"eth_getBlockByNumber"}: the node's clock, Unix seconds. */
        TIMESTAMP,
        /** {@code method:"eth_getBalance", parameters:[address, "latest"]}: wei. */
        ETH_BALANCE,
        /** ERC-20 / ERC-721 {@code balanceOf(address)} at {@code contractAddress}. */
        TOKEN_BALANCE,
        /** ERC-1155 {@code balanceOf(address, id)}. */
        ERC1155_BALANCE,
        /** ERC-721 {@code ownerOf(id)} compared as an address. */
        ERC721_OWNER,
        /**
         * {@code standardContractType:"LitAction", contractAddress:"ipfs://<CID>"}: the action's function
         * {@code method} called with {@code parameters}; its result (a string as is, anything else as JSON) compared
         * with {@code =}, {@code !=}, {@code contains} or {@code !contains}.
         */
        ACTION
    }

    /** Whether the comparison is numeric (otherwise it compares addresses, with {@code =} or {@code !=} only). */
    public boolean numeric() {
        return kind != Kind.USER_ADDRESS && kind != Kind.ERC721_OWNER && kind != Kind.ACTION;
    }

    /** Whether it reads an EVM chain (and so needs {@code sigil.chains.<chain>.rpc-url}). */
    public boolean evm() {
        return kind != Kind.USER_ADDRESS && kind != Kind.TIMESTAMP && kind != Kind.ACTION;
    }
}

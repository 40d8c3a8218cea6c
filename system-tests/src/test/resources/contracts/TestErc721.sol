// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

/// The part of ERC-721 access-control conditions read: balanceOf and ownerOf. One token goes to one holder.
contract TestErc721 {
    mapping(uint256 => address) private owners;
    mapping(address => uint256) private balances;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    constructor(address holder, uint256 tokenId) {
        owners[tokenId] = holder;
        balances[holder] = 1;
        emit Transfer(address(0), holder, tokenId);
    }

    function balanceOf(address owner) external view returns (uint256) {
        require(owner != address(0), "zero address");
        return balances[owner];
    }

    /// Reverts for a token that was never minted, as ERC-721 requires.
    function ownerOf(uint256 tokenId) external view returns (address) {
        address owner = owners[tokenId];
        require(owner != address(0), "no such token");
        return owner;
    }
}

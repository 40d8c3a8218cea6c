// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

/// The part of ERC-20 an access-control condition reads: balanceOf. The whole supply goes to one holder.
contract TestErc20 {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(address holder, uint256 amount) {
        balanceOf[holder] = amount;
        totalSupply = amount;
        emit Transfer(address(0), holder, amount);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

/// The part of ERC-1155 an access-control condition reads: balanceOf(account, id). One holder gets an amount of one id.
contract TestErc1155 {
    mapping(uint256 => mapping(address => uint256)) private balances;

    event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id,
                         uint256 value);

    constructor(address holder, uint256 id, uint256 amount) {
        balances[id][holder] = amount;
        emit TransferSingle(msg.sender, address(0), holder, id, amount);
    }

    function balanceOf(address account, uint256 id) external view returns (uint256) {
        return balances[id][account];
    }
}

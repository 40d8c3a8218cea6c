// Regenerates src/test/resources/vectors/eth.json: npm install ethers@5.7.2 siwe@2.3.2 && node eth.js > eth.json
const { ethers } = require('ethers')
const { SiweMessage } = require('siwe')
const wallet = new ethers.Wallet('0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318')
const msgs = ['Hello World', '', 'hello', 'Some data with a\nnewline and unicode: \u00e9\u4e2d']
const eip191 = msgs.map(m => ({ message: m, hash: ethers.utils.hashMessage(m) }))
eip191.push({ messageHex: '0xdeadbeef', hash: ethers.utils.hashMessage(ethers.utils.arrayify('0xdeadbeef')) })
;(async () => {
  const signed = []
  for (const m of ['Hello World', 'sigil']) {
    const sig = await wallet.signMessage(m)
    signed.push({ message: m, privateKey: wallet.privateKey, address: wallet.address, signature: sig })
  }
  const siwe = []
  const full = new SiweMessage({
    domain: 'localhost:8080', address: wallet.address, statement: 'Sign in to Sigil.',
    uri: 'http://localhost:8080/login', version: '1', chainId: 1, nonce: 'abcdEFGH1234',
    issuedAt: '2025-01-01T00:00:00.000Z', expirationTime: '2025-01-02T00:00:00.000Z',
    notBefore: '2024-12-31T23:00:00.000Z', requestId: 'req-42',
    resources: ['ipfs://QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', 'https://example.com/my-web2-claim.json']
  })
  const minimal = new SiweMessage({
    domain: 'example.com', address: wallet.address,
    uri: 'https://example.com', version: '1', chainId: 175177, nonce: '32891756',
    issuedAt: '2021-09-30T16:25:24Z'
  })
  for (const [name, m] of [['full', full], ['minimal, no statement', minimal]]) {
    const text = m.prepareMessage()
    const sig = await wallet.signMessage(text)
    siwe.push({ name, message: text, signature: sig, fields: JSON.parse(JSON.stringify(m)) })
  }
  console.log(JSON.stringify({
    source: 'ethers 5.7.2 utils.hashMessage / Wallet.signMessage and siwe 2.3.2 SiweMessage.prepareMessage; key 0x4c08...2318 is the web3.js documentation key',
    eip191, signed, siwe
  }, null, 2))
})()

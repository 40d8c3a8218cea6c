// Regenerates src/test/resources/vectors/cid.json: npm install ipfs-only-hash@4.0.0 && node cid.js > cid.json
// Computes CIDv0 known answers with ipfs-only-hash (js importer configured like `ipfs add`).
const Hash = require('ipfs-only-hash')
const PATTERN = 'The quick brown fox jumps over the lazy dog.\n'
const ACTION = [
  'const go = async () => {',
  '  // A small Lit-style action used as a CID known answer.',
  '  const url = "https://api.weather.gov/gridpoints/TOP/31,80/forecast";',
  '  const resp = await fetch(url).then((r) => r.json());',
  '  const temp = resp.properties.periods[0].temperature;',
  '  if (temp < 40) {',
  '    const sigShare = await Lit.Actions.signEcdsa({ toSign, publicKey, sigName });',
  '  }',
  '  Lit.Actions.setResponse({ response: JSON.stringify({ temp }) });',
  '};',
  'go();',
  ''
].join('\n')
function repeat (len) {
  const b = Buffer.alloc(len)
  const p = Buffer.from(PATTERN, 'utf8')
  for (let i = 0; i < len; i++) b[i] = p[i % p.length]
  return b
}
const cases = [
  { name: 'empty', text: '' },
  { name: 'hello world newline', text: 'hello world\n' },
  { name: 'small action', text: ACTION },
  { name: 'one full chunk', repeat: PATTERN, length: 262144 },
  { name: 'one chunk plus one byte', repeat: PATTERN, length: 262145 },
  { name: 'about 1 MiB', repeat: PATTERN, length: 1048576 + 17 },
  { name: '174 full chunks', repeat: PATTERN, length: 174 * 262144 },
  { name: '175 full chunks', repeat: PATTERN, length: 175 * 262144 },
  { name: '176 chunks, last of one byte', repeat: PATTERN, length: 175 * 262144 + 1 }
]
;(async () => {
  const out = []
  for (const c of cases) {
    const data = c.text !== undefined ? Buffer.from(c.text, 'utf8') : repeat(c.length)
    const cid = await Hash.of(data)
    out.push(Object.assign({}, c, { cid }))
  }
  console.log(JSON.stringify({
    source: 'ipfs-only-hash 4.0.0 (ipfs-unixfs-importer 7.0.3: CIDv0, fixed 262144-byte chunks, balanced layout with 174 links per node, dag-pb UnixFS File leaves, no raw leaves), the defaults of `ipfs add`',
    generator: 'text: UTF-8 bytes of the string; repeat+length: byte i is the UTF-8 byte i mod len of the repeat string',
    cases: out
  }, null, 2))
})()

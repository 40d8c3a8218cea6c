// Signs only if an HTTP JSON API reports a value over a threshold: "sign only if the price is above X".
// jsParams: { url, field, threshold, publicKey }
//   url       a JSON API, e.g. https://api.example.com/price  ->  {"price": 123.4}
//   field     the number's path in the answer, dot-separated, e.g. "data.price"
// Signs keccak256("<field> > <threshold> at <timestamp>: <value>") as sigName "threshold".
// Every node fetches the API itself; they sign together only if they all saw the same value.
const go = async () => {
  const answer = await fetch(url).then((r) => r.json());
  const value = field.split(".").reduce((o, k) => (o == null ? undefined : o[k]), answer);
  if (typeof value !== "number") {
    Lit.Actions.setResponse({ response: JSON.stringify({ signed: false, reason: `no number at ${field}` }) });
    return;
  }
  if (value <= threshold) {
    Lit.Actions.setResponse({ response: JSON.stringify({ signed: false, value }) });
    return;
  }
  const claim = `${field} > ${threshold}: ${value}`;
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(claim)));
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "threshold" });
  Lit.Actions.setResponse({ response: JSON.stringify({ signed: true, value, claim }) });
};

go();

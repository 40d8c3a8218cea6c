// runOnce: only one node (the session leader) runs the function; every node gets its result. Use it for side
// effects that must happen once (sending a transaction, calling a paid API), then sign what the leader saw.
// jsParams: { url, publicKey }
const go = async () => {
  const body = await Lit.Actions.runOnce({ waitForResponse: true, name: "fetch-once" }, async () => {
    const r = await fetch(url);
    return await r.text();
  });
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(body)));
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "once" });
  Lit.Actions.setResponse({ response: body });
};

go();

// The prime certifier: signs a number only if it is prime. A PKP sealed to this action's CID therefore proves,
// with every signature it makes, that this code looked at the number and found it prime.
// jsParams: { number, publicKey }   signs keccak256("prime:<number>") as sigName "prime".
const isPrime = (n) => {
  if (!Number.isInteger(n) || n < 2) return false;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) return false;
  }
  return true;
};

const go = async () => {
  if (!isPrime(number)) {
    Lit.Actions.setResponse({ response: `${number} is not prime: not signed` });
    return;
  }
  const toSign = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(`prime:${number}`)));
  await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: "prime" });
  Lit.Actions.setResponse({ response: `${number} is prime: signed` });
};

go();

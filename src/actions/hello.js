// The smallest action: answers with a greeting built from its parameters.
// Run it (once execution lands): bin/sigil exec src/actions/hello.js --params '{"name":"Sigil"}'
const go = async () => {
  Lit.Actions.setResponse({ response: `hello ${name}` });
};
go();

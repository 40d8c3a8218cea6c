package io.sigil.engine.api;

import java.util.List;

/** {@link ActionHost#REFUSE_ALL}: every call rejects with "not available on this node". */
final class RefusingHost implements ActionHost {

    private static HostRefusal refuse() {
        return new HostRefusal("not available on this node");
    }

    @Override
    public void signEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        throw refuse();
    }

    @Override
    public String signAndCombineEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName) {
        throw refuse();
    }

    @Override
    public boolean isRunOnceLeader(HostContext ctx, String name) {
        return true;
    }

    @Override
    public String shareRunOnceResult(HostContext ctx, String name, String leaderResult) {
        return leaderResult;
    }

    @Override
    public List<String> broadcastAndCollect(HostContext ctx, String name, String value) {
        throw refuse();
    }

    @Override
    public boolean isPermittedAction(HostContext ctx, String tokenId, String ipfsId) {
        throw refuse();
    }

    @Override
    public List<String> getPermittedActions(HostContext ctx, String tokenId) {
        throw refuse();
    }

    @Override
    public boolean checkConditions(HostContext ctx, String conditionsJson, String authSigJson, String chain) {
        throw refuse();
    }

    @Override
    public String encrypt(HostContext ctx, String conditionsJson, byte[] plaintext) {
        throw refuse();
    }

    @Override
    public String decryptAndCombine(HostContext ctx, String requestJson) {
        throw refuse();
    }

    @Override
    public String call(HostContext ctx, String ipfsId, String paramsJson) {
        throw refuse();
    }
}

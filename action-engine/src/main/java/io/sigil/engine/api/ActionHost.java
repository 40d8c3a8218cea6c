package io.sigil.engine.api;

import java.util.List;

/**
 * The {@code Lit.Actions} calls that need keys, storage or other nodes; {@code ejb-signing} implements it, one
 * instance per execution (it collects that execution's signature shares and decryptions).
 *
 * <p>Calls are blocking and run on the action's worker thread; the engine has already validated shapes (e.g.
 * {@code toSign} is 32 bytes, hex is 0x-prefixed) and counted sign calls against {@code sigil.limits.sign-count}.
 * Each call should finish within {@link HostContext#remaining()}. Throw {@link HostRefusal} for errors the script
 * may read; the engine turns results into resolved promises and refusals into rejected ones.
 */
public interface ActionHost {

    /**
     * {@code signEcdsa}: join the threshold signing session for {@code toSign} (32 bytes) with the key
     * {@code publicKey} (0x04... uncompressed hex); this node's share goes into {@code signedData[sigName]}.
     * {@code ethPersonalSignMessageEcdsa} arrives here too, with the EIP-191 digest already computed.
     */
    void signEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName);

    /** {@code signAndCombineEcdsa}: the participants exchange shares; returns JSON {@code {"r":..,"s":..,"v":..}}. */
    String signAndCombineEcdsa(HostContext ctx, byte[] toSign, String publicKey, String sigName);

    /** {@code runOnce}: whether this node is the one that runs the function named {@code name}. */
    boolean isRunOnceLeader(HostContext ctx, String name);

    /**
     * {@code runOnce}: the leader passes its function's result (a string), the others {@code null}; every node
     * gets the leader's result back (followers block until it arrives, or time out).
     */
    String shareRunOnceResult(HostContext ctx, String name, String leaderResult);

    /** {@code broadcastAndCollect}: every participant's value, ordered by node index. */
    List<String> broadcastAndCollect(HostContext ctx, String name, String value);

    /** {@code isPermittedAction}: whether action {@code ipfsId} may use the PKP {@code tokenId}. */
    boolean isPermittedAction(HostContext ctx, String tokenId, String ipfsId);

    /** {@code getPermittedActions}: the CIDs permitted to use {@code tokenId}. */
    List<String> getPermittedActions(HostContext ctx, String tokenId);

    /** {@code checkConditions}: evaluates access-control conditions (JSON array text) for {@code authSig} (JSON). */
    boolean checkConditions(HostContext ctx, String conditionsJson, String authSigJson, String chain);

    /**
     * {@code encrypt}: TDH2-encrypts {@code plaintext} under the network key bound to the conditions; returns JSON
     * {@code {"ciphertext":..,"dataToEncryptHash":..}}.
     */
    String encrypt(HostContext ctx, String conditionsJson, byte[] plaintext);

    /**
     * {@code decryptAndCombine}: collects decryption shares from the participants and returns the plaintext (UTF-8).
     * {@code requestJson} is Lit's parameter object ({@code accessControlConditions, ciphertext,
     * dataToEncryptHash, authSig, chain}).
     */
    String decryptAndCombine(HostContext ctx, String requestJson);

    /**
     * {@code call}: runs the child action {@code ipfsId} with {@code paramsJson} and returns its response. A host
     * normally loads the code and calls {@code ActionEngine.execute(request.child(...))}, which enforces
     * {@code sigil.limits.call-depth}; an {@link ActionFailure} thrown here fails the parent the same way.
     */
    String call(HostContext ctx, String ipfsId, String paramsJson);

    /** A host that refuses every call: for actions that need no keys (warm-up, benchmarks, previews). */
    ActionHost REFUSE_ALL = new RefusingHost();
}

package io.sigil.api.model;

import java.util.List;

/**
 * {@code POST /api/v1/pkps}: mint a PKP by DKG. The authSig's address becomes the owner; {@code permittedActions}
 * (IPFS CIDv0 of action code) and {@code sealed} at mint give Lit's "mint, grant and burn" in one step.
 *
 * @param authSig          who mints (required)
 * @param permittedActions action CIDs allowed to sign with the PKP (optional, default none)
 * @param sealed           true: no permission change is ever accepted (optional, default false)
 */
public record MintRequest(AuthSig authSig, List<String> permittedActions, Boolean sealed) { }

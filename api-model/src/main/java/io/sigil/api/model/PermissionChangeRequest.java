package io.sigil.api.model;

import java.util.List;

/**
 * {@code POST /api/v1/pkps/{tokenId}/permissions}: an owner-signed permission change (API.md).
 *
 * @param version                the PKP version the change applies to (the current one); the result is version + 1
 * @param addPermittedActions    action CIDs to permit (optional)
 * @param removePermittedActions action CIDs to stop permitting (optional)
 * @param seal                   true: seal the PKP, refusing every later change (optional, default false)
 * @param signature              the owner's EIP-191 signature over {@link PermissionChangeText#of}, {@code 0x} hex
 */
public record PermissionChangeRequest(Long version, List<String> addPermittedActions,
                                      List<String> removePermittedActions, Boolean seal, String signature) { }

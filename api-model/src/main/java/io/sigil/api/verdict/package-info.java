/**
 * The judgement of the participants' answers to one execute request ({@link io.sigil.api.verdict.Verdict}): plain
 * Java over the API's records and {@link io.sigil.api.model.SignedShares}, so the node's gateway and the Java client
 * judge alike and neither needs the other's runtime.
 */
package io.sigil.api.verdict;

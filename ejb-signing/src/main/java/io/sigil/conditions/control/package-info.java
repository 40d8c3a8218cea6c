/**
 * Lit's access-control conditions: parsing and validation ({@link io.sigil.conditions.control.AccessControlConditions}),
 * evaluation on this node alone ({@link io.sigil.conditions.control.ConditionEvaluator}) and the EVM chains it reads
 * ({@link io.sigil.conditions.control.ChainReader}).
 */
package io.sigil.conditions.control;

/** Key shares at rest: one sealed row per PKP on each node. */
package io.sigil.keyshare.entity;

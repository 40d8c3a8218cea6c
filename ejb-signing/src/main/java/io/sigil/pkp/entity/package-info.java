/** PKPs at rest: public key, owner, permissions, mint state, and the log of applied permission changes. */
package io.sigil.pkp.entity;

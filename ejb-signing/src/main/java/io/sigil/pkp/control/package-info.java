/** PKP storage and permission logic: the store EJB, the PKP value and owner-signed permission changes. */
package io.sigil.pkp.control;

/** Sigil's one error vocabulary: problem types with stable URIs and fixed titles, turned into problem+json by the web API. */
package io.sigil.problem;

/** JMH benchmarks of the threshold cryptography, against plain single-key ECDSA in the same run. */
package io.sigil.bench.crypto;

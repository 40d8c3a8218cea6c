package io.sigil.crypto.shamir;

import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.Destroyable;

/**
 * A secret polynomial {@code f(z) = a_0 + a_1 z + ... + a_d z^d} over Z_q: a dealer's sharing polynomial
 * (THRESHOLD.md "Key generation" step 1 and "Signing" round 1).
 *
 * <p>{@link #destroy()} drops the coefficients. {@link BigInteger} is immutable and cannot be zeroed, so this is
 * the strongest wipe plain Java allows: the values become unreachable and the polynomial unusable.
 */
public final class Polynomial implements Destroyable {

    private BigInteger[] coefficients;

    private Polynomial(BigInteger[] coefficients) {
        this.coefficients = coefficients;
    }

    /** A uniformly random polynomial of the given degree with the given constant term (for example 0). */
    public static Polynomial random(int degree, BigInteger constant, SecureRandom random) {
        if (degree < 0) {
            throw new IllegalArgumentException("degree must not be negative");
        }
        BigInteger[] c = new BigInteger[degree + 1];
        c[0] = constant.mod(Secp256k1.Q);
        for (int k = 1; k <= degree; k++) {
            c[k] = Secp256k1.randomScalar(random);
        }
        return new Polynomial(c);
    }

    /** A uniformly random polynomial of the given degree (random constant term: the shared secret). */
    public static Polynomial random(int degree, SecureRandom random) {
        return random(degree, Secp256k1.randomScalar(random), random);
    }

    /** A polynomial with explicit coefficients {@code a_0..a_d} (tests and known answers). */
    public static Polynomial of(BigInteger... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
        BigInteger[] c = new BigInteger[coefficients.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = coefficients[k].mod(Secp256k1.Q);
        }
        return new Polynomial(c);
    }

    public int degree() {
        return live().length - 1;
    }

    /** {@code f(0)}, the shared secret. */
    public BigInteger constant() {
        return live()[0];
    }

    /** {@code f(x) mod q} by Horner's rule. */
    public BigInteger evaluate(BigInteger x) {
        BigInteger[] c = live();
        BigInteger acc = BigInteger.ZERO;
        for (int k = c.length - 1; k >= 0; k--) {
            acc = acc.multiply(x).add(c[k]).mod(Secp256k1.Q);
        }
        return acc;
    }

    /** {@code f(j)} for a node index {@code j >= 1}. */
    public BigInteger evaluate(int j) {
        if (j < 1) {
            throw new IllegalArgumentException("share index must be at least 1");
        }
        return evaluate(BigInteger.valueOf(j));
    }

    /** The Feldman commitments {@code a_k*G}. */
    public FeldmanCommitment commit() {
        BigInteger[] c = live();
        List<org.bouncycastle.math.ec.ECPoint> points = new ArrayList<>(c.length);
        for (BigInteger a : c) {
            points.add(Secp256k1.mulG(a));
        }
        return new FeldmanCommitment(points);
    }

    @Override
    public void destroy() {
        if (coefficients != null) {
            Arrays.fill(coefficients, null);
            coefficients = null;
        }
    }

    @Override
    public boolean isDestroyed() {
        return coefficients == null;
    }

    @Override
    public String toString() {
        return "Polynomial[<redacted>]";
    }

    private BigInteger[] live() {
        if (coefficients == null) {
            throw new IllegalStateException("polynomial was destroyed");
        }
        return coefficients;
    }
}

package io.sigil.crypto.shamir;

import io.sigil.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.bouncycastle.math.ec.ECPoint;

/** Lagrange interpolation at zero over Z_q, on scalars and on points (shares "in the exponent"). */
public final class Lagrange {

    private Lagrange() {
    }

    /**
     * {@code lambda_i = prod_{m in S, m != i} m / (m - i) mod q}: the weight of share {@code i} when interpolating
     * {@code f(0)} from the shares at {@code indices}.
     */
    public static BigInteger coefficientAtZero(int i, Collection<Integer> indices) {
        TreeSet<Integer> set = checkIndices(indices);
        if (!set.contains(i)) {
            throw new IllegalArgumentException("index is not in the interpolation set");
        }
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        BigInteger bi = BigInteger.valueOf(i);
        for (int m : set) {
            if (m == i) {
                continue;
            }
            BigInteger bm = BigInteger.valueOf(m);
            num = num.multiply(bm).mod(Secp256k1.Q);
            den = den.multiply(bm.subtract(bi)).mod(Secp256k1.Q);
        }
        return num.multiply(den.modInverse(Secp256k1.Q)).mod(Secp256k1.Q);
    }

    /** {@code f(0) = sum_i lambda_i f(i)} from shares keyed by index. */
    public static BigInteger interpolateAtZero(Map<Integer, BigInteger> shares) {
        BigInteger acc = BigInteger.ZERO;
        for (Map.Entry<Integer, BigInteger> e : shares.entrySet()) {
            acc = acc.add(coefficientAtZero(e.getKey(), shares.keySet()).multiply(e.getValue()));
        }
        return acc.mod(Secp256k1.Q);
    }

    /** {@code f(0)*P = sum_i lambda_i (f(i)*P)} from point shares keyed by index (TDH2 combination). */
    public static ECPoint interpolatePointsAtZero(Map<Integer, ECPoint> shares) {
        ECPoint acc = Secp256k1.G.getCurve().getInfinity();
        for (Map.Entry<Integer, ECPoint> e : shares.entrySet()) {
            acc = acc.add(e.getValue().multiply(coefficientAtZero(e.getKey(), shares.keySet())));
        }
        return acc.normalize();
    }

    private static TreeSet<Integer> checkIndices(Collection<Integer> indices) {
        TreeSet<Integer> set = new TreeSet<>(indices);
        if (set.size() != indices.size()) {
            throw new IllegalArgumentException("interpolation indices must be distinct");
        }
        if (set.isEmpty() || set.first() < 1) {
            throw new IllegalArgumentException("interpolation indices must be at least 1");
        }
        return set;
    }
}

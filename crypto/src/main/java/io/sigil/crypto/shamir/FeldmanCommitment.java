package io.sigil.crypto.shamir;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Sha256;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Feldman commitments {@code C_k = a_k*G}, k = 0..d, to a sharing polynomial (THRESHOLD.md "Key generation"
 * step 1): public, and enough to check any share and to compute any public share {@code X_j = sum_k j^k C_k}.
 *
 * @param points {@code C_0..C_d}; {@code C_0} commits to the secret. Normalised, never infinity.
 */
public record FeldmanCommitment(List<ECPoint> points) {

    static final int TAG = 0x01;

    public FeldmanCommitment {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("a commitment needs at least one point");
        }
        List<ECPoint> copy = new ArrayList<>(points.size());
        for (ECPoint p : points) {
            if (p == null || p.isInfinity() || !p.isValid()) {
                throw new IllegalArgumentException("commitment point is not on secp256k1");
            }
            copy.add(p.normalize());
        }
        points = List.copyOf(copy);
    }

    /** The polynomial degree {@code d}. */
    public int degree() {
        return points.size() - 1;
    }

    /** {@code C_0}: the commitment to the secret (a dealer's contribution to a public key or nonce point). */
    public ECPoint constantTerm() {
        return points.get(0);
    }

    /** {@code sum_k j^k C_k} = {@code f(j)*G}: the public share of node {@code j}. */
    public ECPoint evaluate(int j) {
        if (j < 1) {
            throw new IllegalArgumentException("share index must be at least 1");
        }
        // Horner over points; j is a small integer, so each step is a cheap multiplication.
        BigInteger x = BigInteger.valueOf(j);
        ECPoint acc = points.get(points.size() - 1);
        for (int k = points.size() - 2; k >= 0; k--) {
            acc = acc.multiply(x).add(points.get(k));
        }
        return acc.normalize();
    }

    /** The Feldman check {@code share*G == sum_k j^k C_k}. */
    public boolean verify(int j, BigInteger share) {
        if (share == null || share.signum() < 0 || share.compareTo(Secp256k1.Q) >= 0) {
            return false;
        }
        ECPoint expected = evaluate(j);
        return Secp256k1.mulG(share).equals(expected);
    }

    /** Coefficient-wise sum: commitments to the sum of the polynomials (same degree required). */
    public FeldmanCommitment add(FeldmanCommitment other) {
        if (other.points.size() != points.size()) {
            throw new IllegalArgumentException("commitments have different degrees");
        }
        List<ECPoint> sum = new ArrayList<>(points.size());
        for (int k = 0; k < points.size(); k++) {
            ECPoint p = points.get(k).add(other.points.get(k)).normalize();
            if (p.isInfinity()) {
                throw new IllegalArgumentException("summed commitment is the point at infinity");
            }
            sum.add(p);
        }
        return new FeldmanCommitment(sum);
    }

    /** Wire form: tag 0x01, version, u16 count, then 33-byte compressed points (see {@link Wire}). */
    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u16(points.size());
        for (ECPoint p : points) {
            w.point(p);
        }
        return w.toBytes();
    }

    public static FeldmanCommitment fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "Feldman commitment");
        FeldmanCommitment c = read(r);
        r.end();
        return c;
    }

    /** Writes the points (without tag) into an enclosing message. */
    public void writeTo(Wire.Writer w) {
        w.u16(points.size());
        for (ECPoint p : points) {
            w.point(p);
        }
    }

    /** Reads the points written by {@link #writeTo}. */
    public static FeldmanCommitment read(Wire.Reader r) {
        int count = r.u16();
        if (count == 0) {
            throw new IllegalArgumentException("malformed Feldman commitment");
        }
        List<ECPoint> points = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            points.add(r.point());
        }
        return new FeldmanCommitment(points);
    }

    /** SHA-256 of the wire form: what DKG round 2 echoes. */
    public byte[] hash() {
        return Sha256.hash(toBytes());
    }
}

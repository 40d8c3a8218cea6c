package io.sigil.crypto.tdh2;

import io.sigil.crypto.Secp256k1;
import io.sigil.crypto.Wire;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Node {@code index}'s decryption share {@code u_i = x_i*u} with a DLEQ proof {@code (e_i, f_i)} that
 * {@code log_u u_i = log_G X_i} (THRESHOLD.md "Decryption"). Public: only t+1 of them together decrypt.
 *
 * <p>Wire form ({@link Wire}): tag 0x32, version, index(u16), u_i(33), e_i(32), f_i(32).
 */
public record DecryptionShare(int index, ECPoint ui, BigInteger e, BigInteger f) {

    static final int TAG = 0x32;

    public DecryptionShare {
        if (index < 1 || index > 0xffff || ui == null || ui.isInfinity() || !ui.isValid() || e == null || f == null
                || e.signum() < 0 || f.signum() < 0 || e.compareTo(Secp256k1.Q) >= 0 || f.compareTo(Secp256k1.Q) >= 0) {
            throw new IllegalArgumentException("malformed TDH2 decryption share");
        }
        ui = ui.normalize();
    }

    public byte[] toBytes() {
        return new Wire.Writer(TAG).u16(index).point(ui).scalar(e).scalar(f).toBytes();
    }

    public static DecryptionShare fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "TDH2 decryption share");
        DecryptionShare s = new DecryptionShare(r.u16(), r.point(), r.scalar(), r.scalar());
        r.end();
        return s;
    }
}

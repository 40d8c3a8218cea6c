package io.sigil.dkg.control;

import io.sigil.crypto.Wire;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The prepared statements a node knows for one mint, by node index; with one from every node it is the mint's
 * commit certificate. Stored with the PKP and sent in outcome replies.
 *
 * <p>Wire form: tag 0x45, version, u16 count, statements (as {@link PreparedStatement} without tag) by index.
 */
public final class PreparedStatements {
    static final int TAG = 0x45;
    private final SortedMap<Integer, PreparedStatement> byNode = new TreeMap<>();

    public PreparedStatements() { }

    public PreparedStatements(Collection<PreparedStatement> statements) {
        statements.forEach(this::add);
    }

    /** Adds a (verified) statement; the first one per node is kept. */
    public void add(PreparedStatement s) {
        byNode.putIfAbsent(s.from(), s);
    }

    public boolean has(int node) { return byNode.containsKey(node); }

    public int size() { return byNode.size(); }

    public Map<Integer, PreparedStatement> byNode() { return java.util.Collections.unmodifiableSortedMap(byNode); }

    /** One statement from each of nodes 1..n. */
    public boolean complete(int n) {
        for (int i = 1; i <= n; i++) {
            if (!byNode.containsKey(i)) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        Wire.Writer w = new Wire.Writer(TAG).u16(byNode.size());
        byNode.values().forEach(s -> s.writeTo(w));
        return w.toBytes();
    }

    public static PreparedStatements fromBytes(byte[] bytes) {
        Wire.Reader r = new Wire.Reader(bytes, TAG, "prepared statements");
        int count = r.u16();
        PreparedStatements out = new PreparedStatements();
        for (int i = 0; i < count; i++) {
            out.add(PreparedStatement.read(r));
        }
        r.end();
        return out;
    }
}

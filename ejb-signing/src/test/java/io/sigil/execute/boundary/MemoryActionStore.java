package io.sigil.execute.boundary;

import io.sigil.action.ActionStore;
import io.sigil.crypto.ipfs.Cid;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Action code in memory, shared by the nodes of a test network (as if every peer served it). */
final class MemoryActionStore extends ActionStore {
    final Map<Cid, byte[]> code = new ConcurrentHashMap<>();
    final long max;

    MemoryActionStore(long max) {
        this.max = max;
    }

    @Override
    public long maxCodeSize() { return max; }

    @Override
    public Stored store(byte[] bytes) {
        Cid cid = Cid.of(bytes);
        boolean created = code.putIfAbsent(cid, bytes.clone()) == null;
        return new Stored(cid, bytes.length, created);
    }

    @Override
    public Optional<byte[]> local(Cid cid) {
        return Optional.ofNullable(code.get(cid)).map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> find(Cid cid) {
        return local(cid);
    }
}

package io.sigil.crypto.ipfs;

import io.sigil.crypto.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An IPFS CIDv0: {@code Qm...}, the base58btc encoding of the sha2-256 multihash ({@code 0x12 0x20 || digest})
 * of a dag-pb block. Actions are named by the CID of their code (API.md {@code ipfsId}).
 *
 * @param value the base58 string, validated
 */
public record Cid(String value) {

    /** Kubo's default chunker: {@code size-262144}. */
    static final int CHUNK_SIZE = 262_144;
    /** Kubo's balanced layout puts at most this many links in a node. */
    static final int MAX_LINKS = 174;

    private static final int MULTIHASH_SHA2_256 = 0x12;

    public Cid {
        if (value == null || value.length() != 46 || !value.startsWith("Qm")) {
            throw new IllegalArgumentException("not a CIDv0");
        }
        byte[] multihash;
        try {
            multihash = Base58.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CIDv0");
        }
        if (multihash.length != 34 || multihash[0] != MULTIHASH_SHA2_256 || multihash[1] != 32) {
            throw new IllegalArgumentException("not a CIDv0");
        }
    }

    /** Parses and validates a CIDv0 string. */
    public static Cid parse(String text) {
        return new Cid(text);
    }

    /** The CIDv0 of the dag-pb block whose SHA-256 is {@code digest32}. */
    public static Cid ofDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != 32) {
            throw new IllegalArgumentException("a sha2-256 digest is 32 bytes");
        }
        byte[] multihash = new byte[34];
        multihash[0] = MULTIHASH_SHA2_256;
        multihash[1] = 32;
        System.arraycopy(digest32, 0, multihash, 2, 32);
        return new Cid(Base58.encode(multihash));
    }

    /** Exactly what {@code ipfs add} (CIDv0, size-262144 chunks, balanced 174-link DAG, no raw leaves) prints. */
    public static Cid of(byte[] content) {
        try {
            return of(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #of(byte[])}, reading the content from a stream (kept in memory one chunk at a time). */
    public static Cid of(InputStream content) throws IOException {
        return UnixFsFileBuilder.build(content).cid();
    }

    /** The 34-byte multihash. */
    public byte[] multihash() {
        return Base58.decode(value);
    }

    /** The SHA-256 of the root block. */
    public byte[] digest() {
        return Arrays.copyOfRange(multihash(), 2, 34);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Builds a UnixFS file DAG the way kubo's importer does and returns its root. Leaves are dag-pb nodes holding a
     * UnixFS {@code File} message with the chunk; the balanced layout groups each level into parents of at most
     * 174 links until one root remains (a single chunk is its own root).
     */
    static final class UnixFsFileBuilder {

        /** A built node as its parent links to it. */
        record Node(byte[] digest, long fileSize, long treeSize) {
            Cid cid() {
                return Cid.ofDigest(digest);
            }
        }

        private UnixFsFileBuilder() {
        }

        static Node build(InputStream in) throws IOException {
            List<Node> level = new ArrayList<>();
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK_SIZE)).length > 0) {
                level.add(leaf(chunk));
                if (chunk.length < CHUNK_SIZE) {
                    break;
                }
            }
            if (level.isEmpty()) {
                return leaf(new byte[0]);
            }
            while (level.size() > 1) {
                List<Node> parents = new ArrayList<>();
                for (int i = 0; i < level.size(); i += MAX_LINKS) {
                    parents.add(parent(level.subList(i, Math.min(i + MAX_LINKS, level.size()))));
                }
                level = parents;
            }
            return level.get(0);
        }

        private static Node leaf(byte[] chunk) {
            Protobuf data = new Protobuf();
            data.varintField(1, 2); // Type = File
            if (chunk.length > 0) {
                data.bytesField(2, chunk);
            }
            data.varintField(3, chunk.length); // filesize
            Protobuf node = new Protobuf();
            node.bytesField(1, data.toBytes()); // PBNode.Data
            byte[] block = node.toBytes();
            return new Node(Sha256.hash(block), chunk.length, block.length);
        }

        private static Node parent(List<Node> children) {
            long fileSize = 0;
            long linkedSize = 0;
            Protobuf data = new Protobuf();
            data.varintField(1, 2); // Type = File
            for (Node child : children) {
                fileSize += child.fileSize();
            }
            data.varintField(3, fileSize);
            for (Node child : children) {
                data.varintField(4, child.fileSize()); // blocksizes
            }
            // dag-pb's canonical form writes the links (field 2) before the data (field 1).
            Protobuf node = new Protobuf();
            for (Node child : children) {
                Protobuf link = new Protobuf();
                byte[] multihash = new byte[34];
                multihash[0] = MULTIHASH_SHA2_256;
                multihash[1] = 32;
                System.arraycopy(child.digest(), 0, multihash, 2, 32);
                link.bytesField(1, multihash); // Hash
                link.bytesField(2, new byte[0]); // Name: empty, but present as kubo writes it
                link.varintField(3, child.treeSize()); // Tsize
                node.bytesField(2, link.toBytes());
                linkedSize += child.treeSize();
            }
            node.bytesField(1, data.toBytes());
            byte[] block = node.toBytes();
            return new Node(Sha256.hash(block), fileSize, block.length + linkedSize);
        }
    }

    /** Just enough protobuf writing for dag-pb and UnixFS: varint and length-delimited fields. */
    static final class Protobuf {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void varintField(int field, long value) {
            varint((long) field << 3);
            varint(value);
        }

        void bytesField(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.write(value, 0, value.length);
        }

        private void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}

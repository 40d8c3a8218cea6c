package io.sigil.node;

/** A node's 1-based position in the network; also the x coordinate of its Shamir shares. */
public record NodeIndex(int value) implements Comparable<NodeIndex> {
    public NodeIndex {
        if (value < 1 || value > 1024) {
            throw new IllegalArgumentException("node index must be in 1..1024");
        }
    }

    public static NodeIndex of(int value) { return new NodeIndex(value); }

    @Override
    public int compareTo(NodeIndex o) { return Integer.compare(value, o.value); }

    @Override
    public String toString() { return Integer.toString(value); }
}

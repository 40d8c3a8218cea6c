package io.sigil.node;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The static membership of a network: node URLs by index and the corruption threshold {@code t}
 * (THRESHOLD.md, "Setting": {@code 1 <= t} and {@code 2t+1 <= n}).
 */
public record Network(List<Member> members, int t) {

    /** One member: its index and the base URL peers and clients reach it at. */
    public record Member(NodeIndex index, URI url) { }

    public Network {
        members = List.copyOf(members);
        int n = members.size();
        if (n < 1) {
            throw new IllegalArgumentException("a network needs at least one node");
        }
        for (int i = 0; i < n; i++) {
            if (members.get(i).index().value() != i + 1) {
                throw new IllegalArgumentException("members must be listed by index 1..n");
            }
        }
        if (n >= 3 && (t < 1 || 2 * t + 1 > n)) {
            throw new IllegalArgumentException("threshold t=" + t + " must satisfy 1 <= t and 2t+1 <= n=" + n);
        }
    }

    /** Builds a network from its URLs in index order; {@code t} defaults to {@code max(1, floor((n-1)/3))}. */
    public static Network of(List<String> urls, Optional<Integer> t) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            members.add(new Member(NodeIndex.of(i + 1), parseUrl(urls.get(i).trim())));
        }
        return new Network(members, t.orElse(defaultThreshold(urls.size())));
    }

    public static int defaultThreshold(int n) {
        return Math.max(1, (n - 1) / 3);
    }

    private static URI parseUrl(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("node URL must be http(s)://host[:port]: " + url);
        }
        return uri;
    }

    public int n() { return members.size(); }

    /** Participants a signing session needs (GJKR multiplication): {@code 2t+1}. */
    public int signers() { return 2 * t + 1; }

    public boolean isMember(int index) { return index >= 1 && index <= members.size(); }

    public Member member(NodeIndex index) {
        if (!isMember(index.value())) {
            throw new IllegalArgumentException("no node with index " + index);
        }
        return members.get(index.value() - 1);
    }
}

package io.sigil.engine.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses {@code fetch} may connect to: by default none of loopback, private (RFC 1918), link-local,
 * unique-local (fc00::/7), multicast, wildcard, CGNAT (100.64/10) or IPv4-mapped forms of these, so an action
 * cannot probe the node's own network. {@code sigil.fetch.allow-private=true} lifts this (tests, private nets).
 */
public class AddressPolicy {

    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Resolves {@code host} and refuses it unless every address it resolves to is allowed. */
    public InetAddress[] check(String host) throws Fetcher.FetchRefused {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Fetcher.FetchRefused("fetch failed: unknown host");
        }
        for (InetAddress a : all) {
            if (!allowed(a)) {
                throw new Fetcher.FetchRefused("fetch refused: address not allowed");
            }
        }
        return all;
    }

    /** Whether {@code fetch} may connect to {@code address}. */
    protected boolean allowed(InetAddress address) {
        return allowPrivate || isPublic(address);
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique-local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0
                && (b[2] & 0xff) == 0) && first < 240;
    }
}

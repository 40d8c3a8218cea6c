package io.sigil.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkTest {

    @Test
    void defaultThresholdFollowsThresholdMd() {
        assertEquals(1, Network.defaultThreshold(3));
        assertEquals(1, Network.defaultThreshold(4));
        assertEquals(1, Network.defaultThreshold(6));
        assertEquals(2, Network.defaultThreshold(7));
        assertEquals(3, Network.defaultThreshold(10));
    }

    @Test
    void signersAreTwoTPlusOne() {
        Network n = Network.of(List.of("http://a:1", "http://a:2", "http://a:3", "http://a:4"), Optional.empty());
        assertEquals(4, n.n());
        assertEquals(1, n.t());
        assertEquals(3, n.signers());
    }

    @Test
    void thresholdMustLeaveEnoughSigners() {
        List<String> three = List.of("http://a:1", "http://a:2", "http://a:3");
        assertThrows(IllegalArgumentException.class, () -> Network.of(three, Optional.of(2)));
        assertThrows(IllegalArgumentException.class, () -> Network.of(three, Optional.of(0)));
    }

    @Test
    void urlsAreValidatedAndNormalised() {
        Network n = Network.of(List.of(" http://127.0.0.1:8080/ ", "https://node2.example:443"), Optional.empty());
        assertEquals("http://127.0.0.1:8080", n.member(NodeIndex.of(1)).url().toString());
        assertThrows(IllegalArgumentException.class, () -> Network.of(List.of("ftp://x"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Network.of(List.of("not a url"), Optional.empty()));
    }

    @Test
    void nodeIndexMustBeAMember() {
        assertThrows(IllegalStateException.class,
                () -> new NodeConfig(4, List.of("http://a:1", "http://a:2", "http://a:3"), Optional.empty(), "x"));
    }
}

package io.sigil.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sigil.crypto.ipfs.Cid;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentCodeTest {

    private static byte[] code(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsCodeUntilTheBoundForcesTheLeastRecentlyUsedOut() {
        RecentCode recent = new RecentCode(20);
        byte[] a = code("Lit.Actions.a();"); // 16 bytes
        byte[] b = code("b();");             // 4 bytes
        byte[] c = code("c();");             // 4 bytes
        recent.put(Cid.of(a), a);
        recent.put(Cid.of(b), b);
        assertEquals(20, recent.bytes());
        recent.get(Cid.of(a)); // a is now the most recently used
        recent.put(Cid.of(c), c);
        assertNull(recent.get(Cid.of(b)));
        assertArrayEquals(a, recent.get(Cid.of(a)));
        assertArrayEquals(c, recent.get(Cid.of(c)));
        assertEquals(20, recent.bytes());
    }

    @Test
    void anEntryLargerThanEverythingElseEvictsTheRestButNeverItself() {
        RecentCode recent = new RecentCode(20);
        byte[] small = code("s();");
        byte[] big = code("x".repeat(20));
        recent.put(Cid.of(small), small);
        recent.put(Cid.of(big), big);
        assertNull(recent.get(Cid.of(small)));
        assertNotNull(recent.get(Cid.of(big)));
        assertEquals(20, recent.bytes());
    }

    @Test
    void codeLargerThanTheBoundIsNotKept() {
        RecentCode recent = new RecentCode(8);
        byte[] big = code("123456789");
        recent.put(Cid.of(big), big);
        assertNull(recent.get(Cid.of(big)));
        assertEquals(0, recent.bytes());
        assertEquals(0, recent.size());
    }

    @Test
    void puttingTheSameCidAgainCountsItOnce() {
        RecentCode recent = new RecentCode(100);
        byte[] a = code("a();");
        recent.put(Cid.of(a), a);
        recent.put(Cid.of(a), a.clone());
        assertEquals(4, recent.bytes());
        assertEquals(1, recent.size());
    }
}

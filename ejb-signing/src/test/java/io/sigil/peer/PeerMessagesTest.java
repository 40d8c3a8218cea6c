package io.sigil.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The cap on a participant's answer to execute, which the gateway reads into memory. */
class PeerMessagesTest {

    /** Records what the body subscriber asked of the connection. */
    static final class Subscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerWithinTheCapArrivesWholeFromItsParts() throws Exception {
        PeerMessages.CappedBody body = new PeerMessages.CappedBody(10);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(List.of(bytes("{\"a\":"), bytes("1")));
        body.onNext(List.of(bytes("}")));
        body.onComplete();
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), body.getBody().toCompletableFuture().get());
        assertTrue(s.requested > 0);
    }

    @Test
    void aLongerAnswerIsCancelledAndFailsInWords() {
        PeerMessages.CappedBody body = new PeerMessages.CappedBody(10);
        Subscription s = new Subscription();
        body.onSubscribe(s);
        body.onNext(List.of(bytes("0123456789")));
        body.onNext(List.of(bytes("!")));
        body.onNext(List.of(bytes("more")));
        body.onComplete();
        assertTrue(s.cancelled, "the rest is not read");
        ExecutionException e = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get());
        assertInstanceOf(PeerMessages.CappedBody.AnswerTooLarge.class, e.getCause());
        assertEquals("answered more than 4 MiB", PeerClient.describe(e));
    }
}

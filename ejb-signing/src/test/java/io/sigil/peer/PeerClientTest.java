package io.sigil.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PeerClientTest {

    @Test
    void transportFailuresAreDescribedInWordsWhateverTheClientThrows() {
        assertEquals("connection refused", PeerClient.describe(new CompletionException(new ConnectException())));
        assertEquals("connection closed",
                PeerClient.describe(new CompletionException(new IOException(new ClosedChannelException()))));
        assertEquals("connection closed", PeerClient.describe(new UncheckedIOException(new EOFException())));
        assertEquals("timed out", PeerClient.describe(new HttpConnectTimeoutException("connect timed out")));
    }

    @Test
    void anUnknownFailureNeverShowsAJavaTypeName() {
        for (Throwable t : new Throwable[] {new IllegalStateException(), new IOException(), new StackOverflowError(),
                new CompletionException(new java.nio.channels.AsynchronousCloseException())}) {
            String d = PeerClient.describe(t);
            assertFalse(d.contains("Exception") || d.contains("Error"), d);
        }
        assertEquals("failed", PeerClient.describe(new Exception()));
    }
}

package io.sigil.engine.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The network behind the actions' {@code fetch}; {@link HttpFetcher} is the real one, tests may substitute. */
public interface Fetcher {

    /** One HTTP exchange, redirects followed; throws {@link FetchRefused} with a script-visible message. */
    Response fetch(Request request, Duration timeout) throws FetchRefused;

    /** @param body {@code null} for no body */
    record Request(String url, String method, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** @param body the body decoded as UTF-8 */
    record Response(int status, String statusText, String url, List<Map.Entry<String, String>> headers,
                    String body) {
    }

    /** A fetch that failed; the message is shown to the script (never Java internals). */
    final class FetchRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public FetchRefused(String message) {
            super(message, null, false, false);
        }
    }
}

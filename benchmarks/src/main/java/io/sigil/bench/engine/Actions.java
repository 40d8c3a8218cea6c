package io.sigil.bench.engine;

/** The sources every benchmark runs; the ES5 forms are what the peers (which cannot lower ES2017) run. */
final class Actions {

    /** A trivial action: what the per-execution floor costs. */
    static final String TRIVIAL = "Lit.Actions.setResponse({ response: 'ok' });";

    /** A small async action the way Lit's documentation writes them. */
    static final String SMALL_ASYNC = """
            const go = async () => {
              const values = await Promise.all([1, 2, 3].map(async (x) => x * 2));
              const { total, count } = values.reduce((acc, v) => ({ total: acc.total + v, count: acc.count + 1 }),
                { total: 0, count: 0 });
              Lit.Actions.setResponse({ response: `${total}/${count}` });
            };
            go();
            """;

    /** Loop-heavy code (ES5, so the peers run the very same source): the cost of the injected checks. */
    static final String LOOP = """
            var s = 0;
            for (var i = 0; i < 100000; i++) { s = (s + i * i) % 1000003; }
            var parts = [];
            for (var j = 0; j < 2000; j++) { parts.push(String(j % 10)); }
            Lit.Actions.setResponse({ response: s + ':' + parts.join('').length });
            """;

    /** What the peers get in front of every source: the one API call the actions make. */
    static final String PEER_SHIM = "var response; var Lit = { Actions: { setResponse: function (o) { response = o.response; } } };"
            + " var jobs = []; function setTimeout(f) { jobs.push(f); }\n";

    /** What the peers get after an async source: the job queue the Promise polyfill schedules on. */
    static final String DRAIN = "\n;while (jobs.length) { jobs.shift()(); }";

    private Actions() {
    }
}

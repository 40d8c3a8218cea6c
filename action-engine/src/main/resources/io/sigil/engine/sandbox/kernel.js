// The sandbox kernel: runs first in every fresh global, before the action's script. Trusted and not instrumented,
// so every loop here calls check() itself. It installs the instrumentation targets as non-writable globals, removes
// Nashorn's extensions that reach Java, the file system or other engines, disables code generation from strings,
// caps the builtins that allocate or spin in one native call, and owns the timer queue.
(function (g) {
    var B = g['$sigil$bridge'];
    delete g['$sigil$bridge'];
    var defineProperty = Object.defineProperty;
    var FP = Function.prototype;
    var originalApply = FP.apply;
    // The kernel calls builtins it hides (and user callbacks) with fn.call(...): Nashorn links such a call straight
    // to fn. It used bound functions (FP.call.bind(...)) before, which Nashorn invokes generically through a method
    // handle of each global's own; past 127 calls the JVM compiles a class for that handle, so every execution that
    // called a wrapped builtin 127 times cost a new class and its JIT compilation (about 4 per signature, and half
    // of a small action's CPU). Function.prototype.call and .apply are locked below so no script can intercept them.
    function callWith(fn, self, args) {
        switch (args.length) {
            case 0: return fn.call(self);
            case 1: return fn.call(self, args[0]);
            case 2: return fn.call(self, args[0], args[1]);
            case 3: return fn.call(self, args[0], args[1], args[2]);
            default: return originalApply.call(fn, self, args);
        }
    }
    var maxString = B.maxString, maxBuffer = B.maxBuffer, maxArray = B.maxArray, maxArgs = 65536;
    // The countdown lives in an Int32Array: a closure variable would box a new number on every check, and an
    // Int32Array keeps whatever is stored in it an int. Built in a function of its own: a `new` of a builtin links to
    // this global's own constructor, so in code shared by every global it relinks on each execution, and each relink
    // throws away the JIT's code for the function that holds it (here the kernel's whole body, recompiled again and
    // again until it moved out).
    function counter() {
        return new Int32Array(1);
    }
    var k = counter();
    k[0] = 1023;

    function check() {
        if (--k[0] < 0) {
            k[0] = B.check();
        }
    }
    function hidden(obj, name, value) {
        defineProperty(obj, name, {value: value, writable: false, enumerable: false, configurable: false});
    }
    function tooLong() {
        k[0] = -1;
        B.tooLong();
    }
    function lengthOf(x) {
        return typeof x === 'string' ? x.length : String(x).length;
    }
    function add(a, b) {
        var r = a + b;
        if (typeof r === 'string' && r.length > maxString) {
            tooLong();
        }
        return r;
    }
    // Instrumented code counts down inline (if (--$sigil$k[0] < 0) $sigil$c();) and calls in when it runs out.
    hidden(g, '$sigil$c', function () {
        k[0] = B.check();
    });
    // The countdown goes to the two wrappers that run before any action code (runtime, then action); any later
    // read, e.g. this['$sigil$k'] from the action, gets a decoy whose count decides nothing.
    var handouts = 2;
    defineProperty(g, '$sigil$k', {get: function () {
        return handouts-- > 0 ? k : counter();
    }, enumerable: false, configurable: false});
    hidden(g, '$sigil$r', function (e) {
        if (B.foreign(e)) {
            k[0] = -1;
            B.rethrow(e);
        }
        if (e !== null && typeof e === 'object') {
            delete e.nashornException;
        }
        return e;
    });
    hidden(g, '$sigil$a', add);
    hidden(g, '$sigil$A', function (o, k, v) {
        return o[k] = add(o[k], v);
    });
    var taken = false;
    hidden(g, '$sigil$take', function () {
        if (taken) {
            return undefined;
        }
        taken = true;
        return B;
    });

    // Nashorn extensions: console and file access, other globals and engines, Java stack traces.
    var drop = ['print', 'printf', 'echo', 'load', 'loadWithNewGlobal', 'exit', 'quit', 'JSAdapter', 'JavaImporter',
        'Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'net', 'edu', 'jdk', '__FILE__', '__DIR__',
        '__LINE__', '__noSuchProperty__', 'javax.script.filename', 'arguments', 'engine', 'context', 'readLine',
        'readFully', '$ARG', '$ENV', '$EXEC', '$OPTIONS', '$OUT', '$ERR', '$EXIT'];
    for (var i = 0; i < drop.length; i++) {
        delete g[drop[i]];
    }
    delete Object.bindProperties;
    delete Error.dumpStack;
    delete Error.captureStackTrace;
    delete Error.prototype.printStackTrace;
    delete Error.prototype.getStackTrace;

    // No code from strings, as in Lit: eval and the Function constructor (also reachable as fn.constructor).
    function noCodeGeneration() {
        throw new EvalError('Code generation from strings is disabled');
    }
    var SafeFunction = function Function() {
        noCodeGeneration();
    };
    SafeFunction.prototype = FP;
    hidden(FP, 'constructor', SafeFunction);
    hidden(g, 'Function', SafeFunction);
    hidden(g, 'eval', function eval() {
        noCodeGeneration();
    });

    // Builtins that allocate or loop natively in proportion to an argument: capped up front.
    defineProperty(FP, 'apply', {value: function apply(thisArg, args) {
        if (args !== null && args !== undefined && args.length > maxArgs) {
            throw new RangeError('too many arguments');
        }
        return originalApply.call(this, thisArg, args);
    }, writable: false, enumerable: false, configurable: false});
    defineProperty(FP, 'call', {value: FP.call, writable: false, enumerable: false, configurable: false});
    var AP = Array.prototype;
    // push is not here: it neither copies nor walks the array, and a loop of pushes meets the allocation budget.
    ['join', 'toString', 'toLocaleString', 'sort', 'reverse', 'indexOf', 'lastIndexOf', 'concat', 'slice', 'splice',
        'forEach', 'map', 'filter', 'some', 'every', 'reduce', 'reduceRight', 'unshift', 'shift'
    ].forEach(function (name) {
        var original = AP[name];
        var wrapped = function () {
            if (this !== null && this !== undefined && this.length > maxArray) {
                throw new RangeError('array too large');
            }
            return callWith(original, this, arguments);
        };
        defineProperty(AP, name, {value: wrapped, writable: true, enumerable: false, configurable: true});
    });
    var join = AP.join;
    defineProperty(AP, 'join', {value: function (sep) {
        var len = this.length >>> 0;
        var s = sep === undefined ? 1 : lengthOf(sep);
        var total = len * s;
        for (var i = 0; i < len && total <= maxString; i++) {
            check();
            var v = this[i];
            total += typeof v === 'string' ? v.length : 24;
        }
        if (total > maxString) {
            tooLong();
        }
        return callWith(join, this, arguments);
    }, writable: true, enumerable: false, configurable: true});

    // Strings: the operations that build one from many are capped at maxString (+, concat, join, replace, JSON,
    // escapes), so the other methods (charAt, indexOf, slice, match...) run in time and space linear in a bounded
    // string and stay unwrapped (toUpperCase may triple one, which no check on its input prevented either). A
    // wrapper on each call was a third of a small action's time.
    var SP = String.prototype;
    function stringMethod(name, guard) {
        var original = SP[name];
        defineProperty(SP, name, {value: function () {
            if (this.length > maxString) {
                tooLong();
            }
            var self = String(this);
            return guard(original, self, arguments);
        }, writable: true, enumerable: false, configurable: true});
    }
    stringMethod('concat', function (original, self, args) {
        var total = self.length;
        for (var i = 0; i < args.length; i++) {
            total += lengthOf(args[i]);
        }
        if (total > maxString) {
            tooLong();
        }
        return callWith(original, self, args);
    });
    stringMethod('split', function (original, self, args) {
        var limit = args[1] === undefined ? maxArray : Math.min(args[1] >>> 0, maxArray);
        return original.call(self, args[0], limit);
    });
    stringMethod('replace', function (original, self, args) {
        var replacement = args[1];
        if (typeof replacement === 'function') {
            var total = 0;
            var user = replacement;
            replacement = function () {
                check();
                var r = callWith(user, undefined, arguments);
                total += lengthOf(r);
                if (total > maxString) {
                    tooLong();
                }
                return String(r);
            };
        } else {
            if (self.length * (lengthOf(replacement) + 1) > maxString) {
                tooLong();
            }
            replacement = String(replacement);
        }
        return original.call(self, args[0], replacement);
    });
    ['encodeURI', 'encodeURIComponent', 'escape'].forEach(function (name) {
        var original = g[name];
        g[name] = function (s) {
            if (lengthOf(s) * 9 > maxString) {
                tooLong();
            }
            return original(s);
        };
    });
    var RP = RegExp.prototype;
    ['exec', 'test'].forEach(function (name) {
        var original = RP[name];
        defineProperty(RP, name, {value: function (s) {
            if (lengthOf(s) > maxString) {
                tooLong();
            }
            return original.call(this, s);
        }, writable: true, enumerable: false, configurable: true});
    });

    var stringify = JSON.stringify, parse = JSON.parse;
    // A replacer makes native stringify call back per value, so deep or self-multiplying structures hit the checks.
    JSON.stringify = function (value, replacer, space) {
        var r;
        if (typeof replacer === 'function') {
            r = function (k, v) {
                check();
                return replacer.call(this, k, v);
            };
        } else if (replacer !== null && typeof replacer === 'object' && replacer.length !== undefined) {
            var allowed = {};
            for (var i = 0; i < replacer.length; i++) {
                check();
                allowed[String(replacer[i])] = true;
            }
            r = function (k, v) {
                check();
                return k === '' || allowed[k] === true || AP.isPrototypeOf(this) || this instanceof Array ? v : undefined;
            };
        } else {
            r = function (k, v) {
                check();
                return v;
            };
        }
        return stringify(value, r, space);
    };
    JSON.parse = function (text, reviver) {
        if (lengthOf(text) > maxString / 4) {
            tooLong();
        }
        return reviver === undefined ? parse(text) : parse(text, reviver);
    };

    // Typed arrays and ArrayBuffer: the allocation happens in the constructor.
    function capBuffer(name, bytesPer) {
        var Original = g[name];
        if (typeof Original !== 'function') {
            return;
        }
        var Capped = function (a, b, c) {
            var len = 0;
            if (typeof a === 'number') {
                len = a;
            } else if (a !== null && typeof a === 'object' && !(a instanceof g.ArrayBuffer)) {
                len = +a.length;
                if (!(a instanceof Array) && !ArrayBuffer.isView(a)) {
                    if (len * bytesPer > maxBuffer) {
                        throw new RangeError('array too large');
                    }
                    var copy = [];
                    for (var i = 0; i < len; i++) {
                        check();
                        copy[i] = a[i];
                    }
                    a = copy;
                }
            }
            if (len * bytesPer > maxBuffer) {
                throw new RangeError('array too large');
            }
            return construct(arguments.length, a, b, c);
        };
        // `new Original` relinks on every execution (see counter above), so it is kept out of Capped
        function construct(n, a, b, c) {
            switch (n) {
                case 0: return new Original();
                case 1: return new Original(a);
                case 2: return new Original(a, b);
                default: return new Original(a, b, c);
            }
        }
        Capped.prototype = Original.prototype;
        defineProperty(Original.prototype, 'constructor', {value: Capped, writable: true, enumerable: false, configurable: true});
        if (Original.isView) {
            Capped.isView = Original.isView;
        }
        Capped.BYTES_PER_ELEMENT = bytesPer;
        g[name] = Capped;
    }
    capBuffer('Int8Array', 1);
    capBuffer('Uint8Array', 1);
    capBuffer('Uint8ClampedArray', 1);
    capBuffer('Int16Array', 2);
    capBuffer('Uint16Array', 2);
    capBuffer('Int32Array', 4);
    capBuffer('Uint32Array', 4);
    capBuffer('Float32Array', 4);
    capBuffer('Float64Array', 8);
    capBuffer('ArrayBuffer', 1);

    // Timers and the macrotask queue; the Promise polyfill schedules its job batches with setTimeout(f, 0).
    var tasks = [], seq = 0, unhandled = false;
    function enqueue(t) {
        var i = tasks.length;
        while (i > 0 && tasks[i - 1].due > t.due) {
            check();
            i--;
        }
        tasks.splice(i, 0, t);
    }
    function schedule(fn, ms, args, periodic) {
        if (typeof fn !== 'function') {
            throw new TypeError('timer callback must be a function');
        }
        ms = +ms;
        if (!(ms > 0)) {
            ms = 0;
        }
        var t = {id: ++seq, fn: fn, args: AP.slice.call(args, 2), due: Date.now() + ms, period: periodic ? Math.max(ms, 1) : 0};
        enqueue(t);
        return t.id;
    }
    function cancel(id) {
        for (var i = 0; i < tasks.length; i++) {
            check();
            if (tasks[i].id === id) {
                tasks.splice(i, 1);
                return;
            }
        }
    }
    g.setTimeout = function setTimeout(fn, ms) {
        return schedule(fn, ms, arguments, false);
    };
    g.setInterval = function setInterval(fn, ms) {
        return schedule(fn, ms, arguments, true);
    };
    g.clearTimeout = g.clearInterval = function clearTimeout(id) {
        cancel(id);
    };
    // The Promise polyfill reports unhandled rejections through these; Lit fails such an action, and so do we.
    g.CustomEvent = function CustomEvent(type) {
        this.type = type;
    };
    g.dispatchEvent = function dispatchEvent(event) {
        if (event && event.type === 'unhandledrejection' && !unhandled) {
            unhandled = true;
            var reason = event.reason;
            B.unhandled(reason instanceof Error ? String(reason) : (function () {
                try {
                    return 'Uncaught (in promise) ' + stringify(reason);
                } catch (e) {
                    return 'Uncaught (in promise)';
                }
            })());
        }
        return false; // handled: the failure carries the reason, the logs stay the action's own
    };
    B.onDrain(function drain() {
        while (tasks.length > 0) {
            check();
            var t = tasks[0];
            var wait = t.due - Date.now();
            if (wait > 0) {
                B.sleep(wait);
                continue;
            }
            tasks.shift();
            if (t.period) {
                t.due = Date.now() + t.period;
                enqueue(t);
            }
            callWith(t.fn, undefined, t.args);
        }
    });
})(this);

// The action API of API.md (Lit-compatible). Lowered and instrumented like an action, run in every fresh global
// while the engine is idle (with the Promise polyfill); what depends on the execution is set up by the start hook.
// Host calls go through the bridge B, which takes and returns only strings, numbers and booleans; B.FAIL signals
// a refused call whose script-visible message B.error() gives.
(function (g) {
    var B = $sigil$take();
    var FAIL = B.FAIL;

    function host(result) {
        if (result === FAIL) {
            throw new Error(B.error());
        }
        return result;
    }
    function async(fn) {
        return new Promise(function (resolve) {
            resolve(fn());
        });
    }
    function isBytes(v) {
        return v !== null && typeof v === 'object' && typeof v.length === 'number';
    }
    var HEX = '0123456789abcdef';
    function toHex(v, what) {
        if (typeof v === 'string') {
            if (!/^0x([0-9a-fA-F]{2})*$/.test(v)) {
                throw new TypeError(what + ' must be bytes or a 0x hex string');
            }
            return v.toLowerCase();
        }
        if (!isBytes(v)) {
            throw new TypeError(what + ' must be bytes');
        }
        var n = v.length;
        if (n > B.maxBuffer) {
            throw new RangeError(what + ' is too large');
        }
        var out = []; // not new Array(n): see the countdown in kernel.js
        for (var i = 0; i < n; i++) {
            var b = v[i];
            if (typeof b !== 'number' || b < 0 || b > 255 || b % 1 !== 0) {
                throw new TypeError(what + ' must contain bytes (0-255)');
            }
            out[i] = HEX.charAt(b >> 4) + HEX.charAt(b & 15);
        }
        return '0x' + out.join('');
    }
    function fromHex(hex) {
        var n = (hex.length - 2) / 2;
        var out = new Uint8Array(n);
        for (var i = 0; i < n; i++) {
            out[i] = parseInt(hex.substr(2 + 2 * i, 2), 16);
        }
        return out;
    }
    function text(v, what) {
        if (typeof v !== 'string') {
            throw new TypeError(what + ' must be a string');
        }
        return v;
    }
    function json(v) {
        return v === undefined ? null : JSON.stringify(v);
    }
    function toSign32(v) {
        var hex = toHex(v, 'toSign');
        if (hex.length !== 66) {
            throw new TypeError('toSign must be exactly 32 bytes');
        }
        return hex;
    }

    // console: captured into the execution's logs
    function format(args) {
        var parts = [];
        for (var i = 0; i < args.length; i++) {
            var a = args[i];
            if (typeof a === 'string') {
                parts.push(a);
            } else if (a instanceof Error) {
                parts.push(String(a));
            } else if (a === undefined || typeof a === 'function' || typeof a === 'symbol') {
                parts.push(String(a));
            } else {
                try {
                    parts.push(JSON.stringify(a));
                } catch (e) {
                    parts.push(String(a));
                }
            }
        }
        return parts.join(' ');
    }
    function logger() {
        return function () {
            host(B.log(format(arguments)));
        };
    }
    g.console = {log: logger(), info: logger(), warn: logger(), error: logger(), debug: logger(), trace: logger()};

    // TextEncoder / TextDecoder / atob / btoa, as the Deno runtime of Lit offers them
    g.TextEncoder = function TextEncoder() {
        this.encoding = 'utf-8';
    };
    g.TextEncoder.prototype.encode = function (s) {
        return fromHex(host(B.utf8Encode(s === undefined ? '' : String(s))));
    };
    g.TextDecoder = function TextDecoder() {
        this.encoding = 'utf-8';
    };
    g.TextDecoder.prototype.decode = function (bytes) {
        return bytes === undefined ? '' : host(B.utf8Decode(toHex(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes, 'bytes')));
    };
    g.btoa = function (s) {
        return host(B.btoa(String(s)));
    };
    g.atob = function (s) {
        return host(B.atob(String(s)));
    };

    // fetch
    function Headers(pairs) {
        this._h = {};
        if (pairs instanceof Headers) {
            pairs = pairs.entries();
        }
        if (pairs instanceof Array) {
            for (var i = 0; i < pairs.length; i++) {
                this.append(pairs[i][0], pairs[i][1]);
            }
        } else if (pairs !== null && typeof pairs === 'object') {
            for (var k in pairs) {
                if (Object.prototype.hasOwnProperty.call(pairs, k)) {
                    this.append(k, pairs[k]);
                }
            }
        }
    }
    Headers.prototype.append = function (k, v) {
        k = String(k).toLowerCase();
        v = String(v);
        this._h[k] = this._h.hasOwnProperty(k) ? this._h[k] + ', ' + v : v;
    };
    Headers.prototype.set = function (k, v) {
        this._h[String(k).toLowerCase()] = String(v);
    };
    Headers.prototype.get = function (k) {
        k = String(k).toLowerCase();
        return this._h.hasOwnProperty(k) ? this._h[k] : null;
    };
    Headers.prototype.has = function (k) {
        return this._h.hasOwnProperty(String(k).toLowerCase());
    };
    Headers.prototype.entries = function () {
        var out = [];
        for (var k in this._h) {
            if (this._h.hasOwnProperty(k)) {
                out.push([k, this._h[k]]);
            }
        }
        return out;
    };
    Headers.prototype.forEach = function (fn) {
        var e = this.entries();
        for (var i = 0; i < e.length; i++) {
            fn(e[i][1], e[i][0], this);
        }
    };
    g.Headers = Headers;

    function Response(r) {
        this.status = r.status;
        this.statusText = r.statusText;
        this.ok = r.status >= 200 && r.status < 300;
        this.url = r.url;
        this.redirected = false;
        this.type = 'basic';
        this.headers = new Headers(r.headers);
        this._body = r.body;
        this.bodyUsed = false;
    }
    Response.prototype._take = function () {
        if (this.bodyUsed) {
            throw new TypeError('body stream already read');
        }
        this.bodyUsed = true;
        return this._body;
    };
    Response.prototype.text = function () {
        var self = this;
        return async(function () {
            return self._take();
        });
    };
    Response.prototype.json = function () {
        var self = this;
        return async(function () {
            return JSON.parse(self._take());
        });
    };
    Response.prototype.arrayBuffer = function () {
        var self = this;
        return async(function () {
            return new g.TextEncoder().encode(self._take()).buffer;
        });
    };
    g.Response = Response;

    g.fetch = function fetch(resource, init) {
        return async(function () {
            init = init || {};
            var url = typeof resource === 'string' ? resource : (resource && resource.url) || String(resource);
            var method = String(init.method || 'GET').toUpperCase();
            var headers = new Headers(init.headers).entries();
            var lines = [];
            for (var i = 0; i < headers.length; i++) {
                lines.push(headers[i][0] + ':' + headers[i][1]);
            }
            var body = init.body;
            var bodyHex = null;
            if (body !== undefined && body !== null) {
                bodyHex = typeof body === 'string' ? null : toHex(body instanceof ArrayBuffer ? new Uint8Array(body) : body, 'body');
                body = typeof body === 'string' ? body : null;
            } else {
                body = null;
            }
            return new Response(JSON.parse(host(B.fetch(url, method, lines.join('\n'), body, bodyHex))));
        });
    };

    // Lit.Actions
    var authSig = null;
    var Actions = {
        setResponse: function (o) {
            var r = o && o.response;
            host(B.setResponse(typeof r === 'string' ? r : (r === undefined ? '' : JSON.stringify(r))));
        },
        signEcdsa: function (o) {
            return async(function () {
                return host(B.signEcdsa(toSign32(o.toSign), text(o.publicKey, 'publicKey'), text(o.sigName, 'sigName')));
            });
        },
        ethPersonalSignMessageEcdsa: function (o) {
            return async(function () {
                var m = o.message;
                var hex = typeof m === 'string' ? host(B.utf8Encode(m)) : toHex(m, 'message');
                return host(B.personalSign(hex, text(o.publicKey, 'publicKey'), text(o.sigName, 'sigName')));
            });
        },
        signAndCombineEcdsa: function (o) {
            return async(function () {
                return host(B.signAndCombine(toSign32(o.toSign), text(o.publicKey, 'publicKey'), text(o.sigName, 'sigName')));
            });
        },
        runOnce: function (o, fn) {
            var name = text((o && o.name) || 'runOnce', 'name');
            return async(function () {
                if (host(B.runOnceLeader(name))) {
                    return Promise.resolve(fn()).then(function (v) {
                        return host(B.runOnceShare(name, v === undefined ? '' : String(v), true));
                    });
                }
                return host(B.runOnceShare(name, '', false));
            });
        },
        broadcastAndCollect: function (o) {
            return async(function () {
                return JSON.parse(host(B.broadcastAndCollect(text(o.name, 'name'), String(o.value))));
            });
        },
        isPermittedAction: function (o) {
            return async(function () {
                return host(B.isPermittedAction(String(o.tokenId), text(o.ipfsId, 'ipfsId')));
            });
        },
        getPermittedActions: function (o) {
            return async(function () {
                return JSON.parse(host(B.getPermittedActions(String(o.tokenId))));
            });
        },
        checkConditions: function (o) {
            return async(function () {
                return host(B.checkConditions(json(o.conditions || o.accessControlConditions), json(o.authSig || authSig), String(o.chain || 'ethereum')));
            });
        },
        encrypt: function (o) {
            return async(function () {
                var data = o.to_encrypt !== undefined ? o.to_encrypt : o.toEncrypt;
                var hex = typeof data === 'string' ? host(B.utf8Encode(data)) : toHex(data, 'to_encrypt');
                return JSON.parse(host(B.encrypt(json(o.accessControlConditions), hex)));
            });
        },
        decryptAndCombine: function (o) {
            return async(function () {
                var req = {};
                for (var k in o) {
                    if (Object.prototype.hasOwnProperty.call(o, k)) {
                        req[k] = o[k];
                    }
                }
                // Lit's docs and node tests pass authSig: null to mean the caller's, as checkConditions does
                if (req.authSig === undefined || req.authSig === null) {
                    req.authSig = authSig;
                }
                return host(B.decryptAndCombine(JSON.stringify(req)));
            });
        },
        pubkeyToTokenId: function (o) {
            return host(B.pubkeyToTokenId(text(o.publicKey, 'publicKey')));
        },
        call: function (o) {
            return async(function () {
                return host(B.callChild(text(o.ipfsId, 'ipfsId'), json(o.params === undefined ? {} : o.params)));
            });
        }
    };
    var Auth = {
        actionIpfsIds: [],
        authSigAddress: null,
        authMethodContexts: [],
        resources: [],
        customAuthResource: ''
    };
    g.Lit = {Actions: Actions, Auth: Auth};
    g.LitActions = Actions;
    g.LitAuth = Auth;

    // ethers.utils subset (v5 semantics)
    function bytesHex(v, what) {
        if (typeof v === 'number') {
            return hexlify(v);
        }
        return toHex(v, what);
    }
    function hexlify(v) {
        if (typeof v === 'number') {
            if (v < 0 || v % 1 !== 0 || v > 9007199254740991) {
                throw new RangeError('invalid hexlify value');
            }
            var h = v.toString(16);
            return '0x' + (h.length % 2 ? '0' + h : h);
        }
        return toHex(v, 'value');
    }
    function splitSignature(sig) {
        var r, s, v;
        if (typeof sig === 'string' || isBytes(sig)) {
            var hex = toHex(sig, 'signature');
            if (hex.length === 132) {
                r = '0x' + hex.substr(2, 64);
                s = '0x' + hex.substr(66, 64);
                v = parseInt(hex.substr(130, 2), 16);
                if (v < 27) {
                    v += 27;
                }
            } else if (hex.length === 130) {
                r = '0x' + hex.substr(2, 64);
                var vs = hex.substr(66, 64);
                var top = parseInt(vs.substr(0, 1), 16);
                v = top >= 8 ? 28 : 27;
                s = '0x' + HEX.charAt(top & 7) + vs.substr(1);
            } else {
                throw new TypeError('invalid signature length');
            }
        } else if (sig !== null && typeof sig === 'object') {
            r = toHex(sig.r, 'r').toLowerCase();
            s = toHex(sig.s, 's').toLowerCase();
            v = sig.v !== undefined ? +sig.v : 27 + (+sig.recoveryParam);
            if (v < 27) {
                v += 27;
            }
        } else {
            throw new TypeError('invalid signature');
        }
        if (r.length !== 66 || s.length !== 66 || (v !== 27 && v !== 28)) {
            throw new TypeError('invalid signature');
        }
        var recoveryParam = v - 27;
        var vsTop = parseInt(s.substr(2, 1), 16) | (recoveryParam ? 8 : 0);
        var _vs = '0x' + HEX.charAt(vsTop) + s.substr(3);
        return {r: r, s: s, _vs: _vs, recoveryParam: recoveryParam, v: v, yParityAndS: _vs, compact: r + _vs.substr(2)};
    }
    function joinSignature(sig) {
        var split = splitSignature(sig);
        return split.r + split.s.substr(2) + (split.recoveryParam ? '1c' : '1b');
    }
    var utils = {
        arrayify: function (v) {
            if (typeof v === 'number') {
                return fromHex(hexlify(v));
            }
            if (typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v) && v.length % 2 === 1) {
                throw new TypeError('hex data is odd-length');
            }
            return fromHex(toHex(v, 'value'));
        },
        hexlify: hexlify,
        isHexString: function (v, length) {
            return typeof v === 'string' && /^0x[0-9a-fA-F]*$/.test(v) && (length === undefined || v.length === 2 + 2 * length);
        },
        keccak256: function (v) {
            return host(B.keccak256(bytesHex(v, 'data')));
        },
        toUtf8Bytes: function (s) {
            return fromHex(host(B.utf8Encode(text(s, 'text'))));
        },
        toUtf8String: function (v) {
            return host(B.utf8Decode(toHex(v, 'bytes')));
        },
        id: function (s) {
            return host(B.keccak256(host(B.utf8Encode(text(s, 'text')))));
        },
        hashMessage: function (m) {
            return host(B.hashMessage(typeof m === 'string' ? host(B.utf8Encode(m)) : toHex(m, 'message')));
        },
        splitSignature: splitSignature,
        joinSignature: joinSignature,
        recoverPublicKey: function (digest, sig) {
            return host(B.recoverPublicKey(toHex(digest, 'digest'), joinSignature(sig)));
        },
        recoverAddress: function (digest, sig) {
            return host(B.recoverAddress(toHex(digest, 'digest'), joinSignature(sig)));
        },
        computeAddress: function (key) {
            return host(B.computeAddress(toHex(key, 'key')));
        },
        getAddress: function (address) {
            return host(B.getAddress(text(address, 'address')));
        },
        verifyMessage: function (message, sig) {
            return utils.recoverAddress(utils.hashMessage(message), sig);
        }
    };
    g.ethers = {utils: utils};

    // When the execution starts: Lit.Auth, the authSig, and jsParams (the object, and each key as a global)
    B.onStart(function () {
        var info = JSON.parse(B.info());
        authSig = info.authSig;
        Auth.actionIpfsIds.push(info.cid);
        Auth.authSigAddress = authSig && typeof authSig.address === 'string' ? authSig.address : null;
        var params = info.jsParams;
        g.jsParams = params === null || params === undefined ? {} : params;
        if (params !== null && typeof params === 'object') {
            for (var key in params) {
                if (Object.prototype.hasOwnProperty.call(params, key) && !(key in g)) {
                    g[key] = params[key];
                }
            }
        }
    });
})(this);

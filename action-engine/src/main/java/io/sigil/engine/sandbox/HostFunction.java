package io.sigil.engine.sandbox;

import org.openjdk.nashorn.api.scripting.AbstractJSObject;

/**
 * A Java function scripts can call. An {@link AbstractJSObject}: Nashorn links calls to it through
 * {@link #call} only, so scripts see no Java methods, fields or class on it.
 */
final class HostFunction extends AbstractJSObject {

    @FunctionalInterface
    interface Body {
        Object apply(Object[] args) throws Exception;
    }

    private final String name;
    private final Body body;
    private final Bridge bridge;

    HostFunction(Bridge bridge, String name, Body body) {
        this.bridge = bridge;
        this.name = name;
        this.body = body;
    }

    @Override
    public Object call(Object thiz, Object... args) {
        return bridge.invoke(name, body, args);
    }

    @Override
    public boolean isFunction() {
        return true;
    }

    @Override
    public String getClassName() {
        return "Function";
    }

    @Override
    public String toString() {
        return "function " + name + "() { [native code] }";
    }
}

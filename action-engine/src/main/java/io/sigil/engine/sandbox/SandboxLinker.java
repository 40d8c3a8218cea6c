package io.sigil.engine.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import jdk.dynalink.CallSiteDescriptor;
import jdk.dynalink.NamedOperation;
import jdk.dynalink.NamespaceOperation;
import jdk.dynalink.Operation;
import jdk.dynalink.StandardOperation;
import jdk.dynalink.linker.GuardedInvocation;
import jdk.dynalink.linker.GuardingDynamicLinker;
import jdk.dynalink.linker.GuardingDynamicLinkerExporter;
import jdk.dynalink.linker.LinkRequest;
import jdk.dynalink.linker.LinkerServices;
import org.openjdk.nashorn.api.scripting.JSObject;
import org.openjdk.nashorn.internal.runtime.ECMAErrors;
import org.openjdk.nashorn.internal.runtime.ScriptObject;
import org.openjdk.nashorn.internal.runtime.ScriptRuntime;
import org.openjdk.nashorn.internal.runtime.Undefined;

/**
 * Closes the last door to Java: Nashorn links member access on anything that is not a script object (a Java
 * exception in {@code e.nashornException}, the methods of {@code java.lang.String} on primitives such as
 * {@code 'x'.getClass()}) through Dynalink's bean linker. Dynalink consults exported linkers before that fallback,
 * so this one answers first for every such receiver: reads give {@code undefined}, writes do nothing, calls and
 * construction throw. Installed only into the sandbox's engines, through {@link SandboxClassLoader}.
 */
public final class SandboxLinker extends GuardingDynamicLinkerExporter {

    private static final MethodHandle UNDEFINED;
    private static final MethodHandle IGNORE;
    private static final MethodHandle DENY;
    private static final MethodHandle FOREIGN;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            UNDEFINED = l.findStatic(SandboxLinker.class, "undefined", MethodType.methodType(Object.class, Object.class));
            IGNORE = l.findStatic(SandboxLinker.class, "ignore", MethodType.methodType(void.class, Object.class));
            DENY = l.findStatic(SandboxLinker.class, "deny", MethodType.methodType(Object.class, Object.class));
            FOREIGN = l.findStatic(SandboxLinker.class, "foreign", MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public List<GuardingDynamicLinker> get() {
        return List.of(SandboxLinker::link);
    }

    static boolean foreign(Object o) {
        return o != null && !(o instanceof ScriptObject) && !(o instanceof JSObject) && !(o instanceof Undefined);
    }

    static Object undefined(Object receiver) {
        return ScriptRuntime.UNDEFINED;
    }

    static void ignore(Object receiver) {
        // writes to a Java object are dropped
    }

    static Object deny(Object receiver) {
        throw ECMAErrors.typeError("not.a.function", "value");
    }

    private static GuardedInvocation link(LinkRequest request, LinkerServices services) {
        if (!foreign(request.getReceiver())) {
            return null;
        }
        CallSiteDescriptor desc = request.getCallSiteDescriptor();
        Operation op = NamedOperation.getBaseOperation(desc.getOperation());
        while (op instanceof NamespaceOperation ns) {
            op = ns.getBaseOperation();
        }
        MethodHandle target = op == StandardOperation.GET ? UNDEFINED : op == StandardOperation.SET ? IGNORE : DENY;
        MethodType type = desc.getMethodType();
        List<Class<?>> rest = type.parameterList().subList(1, type.parameterCount());
        target = MethodHandles.dropArguments(target, 1, rest);
        MethodHandle guard = MethodHandles.dropArguments(FOREIGN, 1, rest);
        return new GuardedInvocation(target, guard).asType(services, type);
    }
}

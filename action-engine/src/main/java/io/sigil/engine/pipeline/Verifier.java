package io.sigil.engine.pipeline;

import java.util.List;
import org.openjdk.nashorn.api.tree.ArrayAccessTree;
import org.openjdk.nashorn.api.tree.AssignmentTree;
import org.openjdk.nashorn.api.tree.IfTree;
import org.openjdk.nashorn.api.tree.LiteralTree;
import org.openjdk.nashorn.api.tree.BinaryTree;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.CompoundAssignmentTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ExpressionTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.FunctionCallTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.MemberSelectTree;
import org.openjdk.nashorn.api.tree.UnaryTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES5_1;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.TryTree;
import org.openjdk.nashorn.api.tree.VariableTree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;
import org.openjdk.nashorn.api.tree.WithTree;

/**
 * The safety net after {@link Instrumenter}: walks a fresh parse of the instrumented source and refuses it unless
 * reserved names appear only where the instrumenter writes them, and unless
 * every function body, loop body and finally block starts with the check, every catch block starts with the
 * rethrow, no unchecked concatenation of two non-literals is left, no {@code with} statement exists (it could
 * shadow the checks), and no declaration or assignment uses the reserved prefix (the check functions are
 * parameters of the wrapper the whole program runs in, so nothing may rebind them).
 */
final class Verifier extends SimpleTreeVisitorES5_1<Void, Void> {

    /** Thrown when the instrumented code is not fully instrumented; the pipeline refuses to run it. */
    static final class Unverified extends Exception {
        private static final long serialVersionUID = 1L;

        Unverified(String what) {
            super(what, null, false, false);
        }
    }

    private String failure;

    static void verify(CompilationUnitTree unit) throws Unverified {
        Verifier v = new Verifier();
        v.requireWrapper(unit);
        unit.accept(v, null);
        if (v.failure != null) {
            throw new Unverified(v.failure);
        }
    }

    private void fail(String what, Tree at) {
        if (failure == null) {
            failure = what + " at offset " + at.getStartPosition();
        }
    }

    /**
     * The program must be exactly the instrumenter's wrapper {@code (function(){var $sigil$c=this.$sigil$c;...
     * <program>}).call(this);} with its prologue of aliases, and nothing else.
     */
    private void requireWrapper(CompilationUnitTree unit) {
        boolean ok = unit.getSourceElements().size() == 1
                && unit.getSourceElements().get(0) instanceof ExpressionStatementTree es
                && es.getExpression() instanceof FunctionCallTree call
                && call.getFunctionSelect() instanceof MemberSelectTree sel && sel.getIdentifier().equals("call")
                && sel.getExpression() instanceof FunctionExpressionTree fn && fn.getParameters().isEmpty()
                && call.getArguments().size() == 1 && call.getArguments().get(0).getKind() == Tree.Kind.IDENTIFIER
                && "this".equals(((IdentifierTree) call.getArguments().get(0)).getName())
                && fn.getBody() instanceof BlockTree body && hasPrologue(body);
        if (!ok) {
            fail("program not wrapped", unit);
        } else {
            wrapper = (FunctionExpressionTree) ((MemberSelectTree) ((FunctionCallTree)
                    ((ExpressionStatementTree) unit.getSourceElements().get(0)).getExpression()).getFunctionSelect())
                    .getExpression();
        }
    }

    private static boolean hasPrologue(BlockTree body) {
        List<? extends StatementTree> sts = body.getStatements();
        List<String> names = Instrumenter.ALIASES;
        if (sts.size() < names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!(sts.get(i) instanceof VariableTree v && v.getBinding() instanceof IdentifierTree id
                    && id.getName().equals(names.get(i)) && v.getInitializer() instanceof MemberSelectTree init
                    && init.getIdentifier().equals(names.get(i)) && init.getExpression() instanceof IdentifierTree self
                    && "this".equals(self.getName()))) {
                return false;
            }
        }
        return true;
    }

    private FunctionExpressionTree wrapper;

    private void assigned(ExpressionTree target) {
        if (target instanceof IdentifierTree id && id.getName().startsWith(Reserved.PREFIX)) {
            fail("reserved name assigned", target);
        }
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void p) {
        assigned(node.getVariable());
        return super.visitAssignment(node, p);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
        assigned(node.getVariable());
        if (node.getKind() == Tree.Kind.PLUS_ASSIGNMENT && !Instrumenter.exempt(node.getExpression())) {
            fail("unchecked concatenation", node);
        }
        return super.visitCompoundAssignment(node, p);
    }

    @Override
    public Void visitUnary(UnaryTree node, Void p) {
        assigned(node.getExpression());
        return super.visitUnary(node, p);
    }

    /** {@code if (--$sigil$k[0] < 0) $sigil$c();} exactly. */
    private static boolean isCheck(StatementTree st) {
        return st instanceof IfTree it && it.getElseStatement() == null
                && it.getCondition() instanceof BinaryTree lt && lt.getKind() == Tree.Kind.LESS_THAN
                && lt.getRightOperand() instanceof LiteralTree zero && Integer.valueOf(0).equals(zero.getValue())
                && lt.getLeftOperand() instanceof UnaryTree dec && dec.getKind() == Tree.Kind.PREFIX_DECREMENT
                && dec.getExpression() instanceof ArrayAccessTree aa
                && aa.getExpression() instanceof IdentifierTree k && k.getName().equals(Reserved.COUNTDOWN)
                && aa.getIndex() instanceof LiteralTree idx && Integer.valueOf(0).equals(idx.getValue())
                && it.getThenStatement() instanceof ExpressionStatementTree es
                && es.getExpression() instanceof FunctionCallTree call && call.getArguments().isEmpty()
                && call.getFunctionSelect() instanceof IdentifierTree c && c.getName().equals(Reserved.CHECK);
    }

    @Override
    public Void visitIf(IfTree node, Void p) {
        if (isCheck(node)) {
            return null; // the one place the countdown and the check may appear
        }
        return super.visitIf(node, p);
    }

    /** Reserved names may appear only where the instrumenter puts them: as callees of the kernel's functions. */
    @Override
    public Void visitFunctionCall(FunctionCallTree node, Void p) {
        if (node.getFunctionSelect() instanceof MemberSelectTree sel && sel.getExpression() == wrapper) {
            return wrapper.accept(this, p); // its arguments are the kernel's globals, checked by requireWrapper
        }
        if (node.getFunctionSelect() instanceof IdentifierTree id && CALLABLE.contains(id.getName())) {
            node.getArguments().forEach(a -> a.accept(this, p));
            return null;
        }
        return super.visitFunctionCall(node, p);
    }

    private static final java.util.Set<String> CALLABLE = java.util.Set.of(Reserved.RETHROW, Reserved.ADD,
            Reserved.ADD_TO, Reserved.TAKE);

    @Override
    public Void visitIdentifier(IdentifierTree node, Void p) {
        if (node.getName().startsWith(Reserved.PREFIX)) {
            fail("reserved name used", node);
        }
        return null;
    }

    private void requireCheck(BlockTree block, String what) {
        List<? extends StatementTree> sts = block.getStatements();
        int i = 0;
        while (i < sts.size() && Instrumenter.isDirective(sts.get(i))) {
            i++;
        }
        if (i >= sts.size() || !isCheck(sts.get(i))) {
            fail("unchecked " + what, block);
        }
    }

    private void requireLoopCheck(StatementTree body) {
        if (body instanceof BlockTree block && !block.getStatements().isEmpty()
                && isCheck(block.getStatements().get(0))) {
            return;
        }
        fail("unchecked loop", body);
    }

    private void declared(ExpressionTree id) {
        if (id instanceof IdentifierTree ident && ident.getName().startsWith(Reserved.PREFIX)) {
            fail("reserved name declared", id);
        }
    }

    @Override
    public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void p) {
        declared(node.getName());
        node.getParameters().forEach(this::declared);
        requireCheck(node.getBody(), "function");
        return super.visitFunctionDeclaration(node, p);
    }

    @Override
    public Void visitFunctionExpression(FunctionExpressionTree node, Void p) {
        if (node == wrapper) {
            List<? extends StatementTree> sts = ((BlockTree) node.getBody()).getStatements();
            sts.subList(Instrumenter.ALIASES.size(), sts.size()).forEach(st -> st.accept(this, p));
            return null; // the prologue of aliases is the one place they are declared
        }
        declared(node.getName());
        node.getParameters().forEach(this::declared);
        if (node.getBody() instanceof BlockTree block) {
            requireCheck(block, "function");
        } else {
            fail("expression-bodied function", node);
        }
        return super.visitFunctionExpression(node, p);
    }

    @Override
    public Void visitVariable(VariableTree node, Void p) {
        if (node.getBinding() instanceof IdentifierTree id) {
            declared(id);
        } else {
            fail("destructuring declaration", node);
        }
        return super.visitVariable(node, p);
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void p) {
        requireLoopCheck(node.getStatement());
        return super.visitForLoop(node, p);
    }

    @Override
    public Void visitForInLoop(ForInLoopTree node, Void p) {
        assigned(node.getVariable());
        requireLoopCheck(node.getStatement());
        return super.visitForInLoop(node, p);
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void p) {
        requireLoopCheck(node.getStatement());
        return super.visitWhileLoop(node, p);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void p) {
        requireLoopCheck(node.getStatement());
        return super.visitDoWhileLoop(node, p);
    }

    @Override
    public Void visitTry(TryTree node, Void p) {
        if (node.getFinallyBlock() != null) {
            requireCheck(node.getFinallyBlock(), "finally block");
        }
        return super.visitTry(node, p);
    }

    @Override
    public Void visitCatch(CatchTree node, Void p) {
        if (node.getCondition() != null) {
            fail("conditional catch", node);
        }
        if (!(node.getParameter() instanceof IdentifierTree param)) {
            fail("catch without a simple parameter", node);
            return null;
        }
        declared(param);
        List<? extends StatementTree> sts = node.getBlock().getStatements();
        boolean ok = !sts.isEmpty() && sts.get(0) instanceof ExpressionStatementTree es
                && es.getExpression() instanceof AssignmentTree as
                && as.getVariable() instanceof IdentifierTree target && target.getName().equals(param.getName())
                && as.getExpression() instanceof FunctionCallTree call
                && call.getFunctionSelect() instanceof IdentifierTree fn && fn.getName().equals(Reserved.RETHROW)
                && call.getArguments().size() == 1 && call.getArguments().get(0) instanceof IdentifierTree arg
                && arg.getName().equals(param.getName());
        if (!ok) {
            fail("catch without rethrow", node);
        }
        return super.visitCatch(node, p);
    }

    @Override
    public Void visitBinary(BinaryTree node, Void p) {
        if (node.getKind() == Tree.Kind.PLUS && !Instrumenter.exempt(node.getLeftOperand())
                && !Instrumenter.exempt(node.getRightOperand())) {
            fail("unchecked concatenation", node);
        }
        return super.visitBinary(node, p);
    }


    @Override
    public Void visitWith(WithTree node, Void p) {
        fail("with statement", node);
        return null;
    }

    @Override
    public Void visitUnknown(Tree node, Void p) {
        fail("unsupported syntax " + node.getKind(), node);
        return null;
    }
}

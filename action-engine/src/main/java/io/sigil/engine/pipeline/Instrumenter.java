package io.sigil.engine.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjdk.nashorn.api.tree.ArrayAccessTree;
import org.openjdk.nashorn.api.tree.AssignmentTree;
import org.openjdk.nashorn.api.tree.BinaryTree;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.CompoundAssignmentTree;
import org.openjdk.nashorn.api.tree.ConditionalExpressionTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ExpressionTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionCallTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.InstanceOfTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.LiteralTree;
import org.openjdk.nashorn.api.tree.MemberSelectTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES5_1;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.TryTree;
import org.openjdk.nashorn.api.tree.UnaryTree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;

/**
 * Rewrites ES5 source so a script cannot run unchecked: a call to {@link Reserved#CHECK} opens every function body,
 * loop body and finally block, every catch block starts by passing its exception through {@link Reserved#RETHROW},
 * and string concatenations that could grow a string fast go through {@link Reserved#ADD}. Works on text with the
 * positions of Nashorn's public parser; {@link Verifier} re-parses the result and refuses anything it missed.
 */
final class Instrumenter {

    static final String CHECK_CALL = "if(--" + Reserved.COUNTDOWN + "[0]<0)" + Reserved.CHECK + "();";

    private record Edit(int start, int end, String text, int depth, boolean closer) {
    }

    private final String src;
    private final List<Edit> edits = new ArrayList<>();

    private Instrumenter(String src) {
        this.src = src;
    }

    /** The kernel's globals the wrapper copies into locals, in this order. */
    static final java.util.List<String> ALIASES = java.util.List.of(Reserved.CHECK, Reserved.RETHROW, Reserved.ADD,
            Reserved.ADD_TO, Reserved.COUNTDOWN);

    /**
     * The instrumented source of {@code unit}, which was parsed from {@code src}, wrapped in a function that copies
     * the kernel's check functions into locals: a local read instead of a global look-up per check (globals are
     * new in every execution, so global call sites never stay linked). Locals, not parameters: a parameter would be
     * reachable (and, outside strict mode, replaceable) through the wrapper's {@code arguments}, which lowered
     * top-level arrow functions refer to.
     */
    static String instrument(String src, CompilationUnitTree unit) {
        Instrumenter in = new Instrumenter(src);
        unit.accept(in.new Visitor(), 0);
        StringBuilder prologue = new StringBuilder("(function(){");
        for (String name : ALIASES) {
            prologue.append("var ").append(name).append("=this.").append(name).append(';');
        }
        return prologue + in.apply() + "\n}).call(this);";
    }

    private String apply() {
        // Later positions first so earlier offsets stay valid; at one position closers go inner-first and openers
        // outer-first, which keeps nested insertions balanced.
        edits.sort(Comparator.comparingInt(Edit::start).reversed()
                .thenComparing(e -> !e.closer())
                .thenComparingInt(e -> e.closer() ? e.depth() : -e.depth()));
        StringBuilder out = new StringBuilder(src);
        for (Edit e : edits) {
            out.replace(e.start(), e.end(), e.text());
        }
        return out.toString();
    }

    private void insert(int pos, String text, int depth, boolean closer) {
        edits.add(new Edit(pos, pos, text, depth, closer));
    }

    private void replace(int start, int end, String text, int depth) {
        edits.add(new Edit(start, end, text, depth, false));
    }

    /** Inserts the check as the first statement of {@code block}, after any directive prologue. */
    private void checkAtStart(BlockTree block, int depth) {
        int open = src.indexOf('{', (int) block.getStartPosition());
        int pos = open + 1;
        for (StatementTree st : block.getStatements()) {
            if (isDirective(st)) {
                pos = statementEnd(st);
            } else {
                break;
            }
        }
        insert(pos, CHECK_CALL, depth, false);
    }

    private int statementEnd(StatementTree st) {
        int end = end(st);
        int i = skipSpace(end);
        return i < src.length() && src.charAt(i) == ';' ? i + 1 : end;
    }

    static boolean isDirective(StatementTree st) {
        return st instanceof ExpressionStatementTree es && es.getExpression() instanceof LiteralTree lit
                && lit.getValue() instanceof String;
    }

    /** Makes a loop body a block that starts with the check. */
    private void checkLoopBody(StatementTree body, int depth) {
        if (body instanceof BlockTree block) {
            checkAtStart(block, depth);
        } else {
            insert(start(body), "{" + CHECK_CALL, depth, false);
            insert(statementEnd(body), "}", depth, true);
        }
    }

    private int skipSpace(int i) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private int skipSpaceBack(int i) {
        while (i > 0 && Character.isWhitespace(src.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * Start of a tree. Nashorn's positions of string literals leave out the quotes, and a call in a chain starts at
     * its argument list ({@code a.b().c(1)} at {@code (1)}), so an expression starts where its leftmost operand does,
     * with the parentheses that wrap exactly that operand.
     */
    private int start(Tree t) {
        int s = (int) t.getStartPosition();
        s = s > 0 && isQuote(src.charAt(s - 1)) ? s - 1 : s;
        ExpressionTree left = leftOperand(t);
        return left == null ? s : Math.min(s, span(left)[0]);
    }

    private static ExpressionTree leftOperand(Tree t) {
        if (t instanceof FunctionCallTree call) {
            return call.getFunctionSelect();
        } else if (t instanceof MemberSelectTree member) {
            return member.getExpression();
        } else if (t instanceof ArrayAccessTree index) {
            return index.getExpression();
        } else if (t instanceof BinaryTree binary) {
            return binary.getLeftOperand();
        } else if (t instanceof ConditionalExpressionTree conditional) {
            return conditional.getCondition();
        } else if (t instanceof AssignmentTree assignment) {
            return assignment.getVariable();
        } else if (t instanceof CompoundAssignmentTree assignment) {
            return assignment.getVariable();
        } else if (t instanceof InstanceOfTree instanceOf) {
            return instanceOf.getExpression();
        } else if (t instanceof UnaryTree unary && (unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
                || unary.getKind() == Tree.Kind.POSTFIX_DECREMENT)) {
            return unary.getExpression();
        }
        return null;
    }

    private int end(Tree t) {
        int e = (int) t.getEndPosition();
        return e < src.length() && isQuote(src.charAt(e)) ? e + 1 : e;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** [start, end) of an operand including parentheses that wrap exactly it. */
    private int[] span(Tree t) {
        int s = start(t);
        int e = end(t);
        while (true) {
            int before = skipSpaceBack(s);
            int after = skipSpace(e);
            if (before > 0 && after < src.length() && src.charAt(before - 1) == '(' && src.charAt(after) == ')') {
                s = before - 1;
                e = after + 1;
            } else {
                return new int[] {s, e};
            }
        }
    }

    /** Operators whose result is always a number or a boolean (a few characters once printed). */
    private static final java.util.Set<Tree.Kind> NUMERIC = java.util.EnumSet.of(Tree.Kind.MULTIPLY, Tree.Kind.DIVIDE,
            Tree.Kind.REMAINDER, Tree.Kind.MINUS, Tree.Kind.LEFT_SHIFT, Tree.Kind.RIGHT_SHIFT,
            Tree.Kind.UNSIGNED_RIGHT_SHIFT, Tree.Kind.AND, Tree.Kind.OR, Tree.Kind.XOR, Tree.Kind.LESS_THAN,
            Tree.Kind.GREATER_THAN, Tree.Kind.LESS_THAN_EQUAL, Tree.Kind.GREATER_THAN_EQUAL, Tree.Kind.EQUAL_TO,
            Tree.Kind.NOT_EQUAL_TO, Tree.Kind.STRICT_EQUAL_TO, Tree.Kind.STRICT_NOT_EQUAL_TO, Tree.Kind.IN,
            Tree.Kind.INSTANCE_OF, Tree.Kind.UNARY_MINUS, Tree.Kind.UNARY_PLUS, Tree.Kind.BITWISE_COMPLEMENT,
            Tree.Kind.LOGICAL_COMPLEMENT, Tree.Kind.PREFIX_INCREMENT, Tree.Kind.PREFIX_DECREMENT,
            Tree.Kind.POSTFIX_INCREMENT, Tree.Kind.POSTFIX_DECREMENT, Tree.Kind.TYPEOF);

    /**
     * Concatenation with this operand cannot grow a string by more than a few characters: a number or short
     * string literal, or an operator that always yields a number, a boolean or a type name. Growth that small
     * per operation allocates a rope node per step, so the allocation checks bound it.
     */
    static boolean exempt(ExpressionTree t) {
        if (t instanceof LiteralTree lit) {
            Object v = lit.getValue();
            return !(v instanceof String s) || s.length() <= Reserved.SHORT_LITERAL;
        }
        return NUMERIC.contains(t.getKind());
    }

    private final class Visitor extends SimpleTreeVisitorES5_1<Void, Integer> {

        @Override
        public Void visitFunctionDeclaration(FunctionDeclarationTree node, Integer depth) {
            checkAtStart(node.getBody(), depth);
            return super.visitFunctionDeclaration(node, depth + 1);
        }

        @Override
        public Void visitFunctionExpression(FunctionExpressionTree node, Integer depth) {
            if (node.getBody() instanceof BlockTree block) {
                checkAtStart(block, depth);
            }
            return super.visitFunctionExpression(node, depth + 1);
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Integer depth) {
            checkLoopBody(node.getStatement(), depth);
            return super.visitForLoop(node, depth + 1);
        }

        @Override
        public Void visitForInLoop(ForInLoopTree node, Integer depth) {
            checkLoopBody(node.getStatement(), depth);
            return super.visitForInLoop(node, depth + 1);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree node, Integer depth) {
            checkLoopBody(node.getStatement(), depth);
            return super.visitWhileLoop(node, depth + 1);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
            checkLoopBody(node.getStatement(), depth);
            return super.visitDoWhileLoop(node, depth + 1);
        }

        @Override
        public Void visitTry(TryTree node, Integer depth) {
            if (node.getFinallyBlock() != null) {
                checkAtStart(node.getFinallyBlock(), depth);
            }
            return super.visitTry(node, depth + 1);
        }

        @Override
        public Void visitCatch(CatchTree node, Integer depth) {
            if (node.getParameter() instanceof IdentifierTree id) {
                int open = src.indexOf('{', (int) node.getBlock().getStartPosition());
                String name = id.getName();
                insert(open + 1, name + "=" + Reserved.RETHROW + "(" + name + ");", depth, false);
            }
            return super.visitCatch(node, depth + 1);
        }

        @Override
        public Void visitBinary(BinaryTree node, Integer depth) {
            if (node.getKind() == Tree.Kind.PLUS && !exempt(node.getLeftOperand())
                    && !exempt(node.getRightOperand())) {
                int[] l = span(node.getLeftOperand());
                int[] r = span(node.getRightOperand());
                int plus = src.indexOf('+', l[1]);
                insert(l[0], Reserved.ADD + "(", depth, false);
                replace(plus, plus + 1, ",", depth);
                insert(r[1], ")", depth, true);
            }
            return super.visitBinary(node, depth + 1);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Integer depth) {
            if (node.getKind() == Tree.Kind.PLUS_ASSIGNMENT && !exempt(node.getExpression())) {
                ExpressionTree target = node.getVariable();
                int[] t = span(target);
                int[] r = span(node.getExpression());
                int op = src.indexOf("+=", t[1]);
                if (target instanceof IdentifierTree id) {
                    replace(op, op + 2, "=" + Reserved.ADD + "(" + id.getName() + ",", depth);
                    insert(r[1], ")", depth, true);
                } else if (target instanceof MemberSelectTree m) {
                    int[] o = span(m.getExpression());
                    insert(t[0], Reserved.ADD_TO + "(", depth, false);
                    replace(o[1], op + 2, ",\"" + m.getIdentifier() + "\",", depth);
                    insert(r[1], ")", depth, true);
                } else if (target instanceof ArrayAccessTree a) {
                    int[] o = span(a.getExpression());
                    int[] k = span(a.getIndex());
                    insert(t[0], Reserved.ADD_TO + "(", depth, false);
                    replace(o[1], k[0], ",", depth);
                    replace(k[1], op + 2, ",", depth);
                    insert(r[1], ")", depth, true);
                }
            }
            return super.visitCompoundAssignment(node, depth + 1);
        }
    }
}

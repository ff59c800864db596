package io.github.hotpatch.msbuild.eval;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MSBuild conditions, the subset hand-written C++ projects use: {@code ==}, {@code !=}, {@code <}, {@code >},
 * {@code <=}, {@code >=}, {@code and}, {@code or}, {@code !}, parentheses, quoted strings with {@code $(...)}
 * expansion, unquoted words and properties, and the functions {@code Exists('path')} and
 * {@code HasTrailingSlash('path')}. Comparisons ignore case; two numbers compare as numbers, as MSBuild does.
 * Anything else is {@link Unevaluable}, never guessed.
 */
final class Condition {

    /** Expands {@code $(...)} in a quoted string or unquoted word. */
    interface Expander {
        String expand(String text) throws Unevaluable;
    }

    /** Longer conditions are not hand-written; this also bounds the work per condition. */
    static final int MAX_LENGTH = 8192;

    /** Parentheses and {@code !} nest at most this deep (the parser recurses). */
    static final int MAX_DEPTH = 64;

    private enum Kind {
        STRING,
        WORD,
        LPAREN,
        RPAREN,
        NOT,
        OP,
        COMMA,
        END
    }

    private record Token(Kind kind, String text, int at) {}

    private final String source;
    private final List<Token> tokens;
    private final Expander expander;
    private final Path baseDirectory;
    private final java.util.function.Predicate<Path> inTree;
    private int next;
    private int depth;

    private Condition(
            String source,
            List<Token> tokens,
            Expander expander,
            Path baseDirectory,
            java.util.function.Predicate<Path> inTree) {
        this.source = source;
        this.tokens = tokens;
        this.expander = expander;
        this.baseDirectory = baseDirectory;
        this.inTree = inTree;
    }

    /**
     * Evaluates {@code condition}.
     *
     * @param baseDirectory what relative paths in {@code Exists} are relative to: the directory of the file the
     *                      condition is in
     */
    static boolean evaluate(String condition, Expander expander, Path baseDirectory) throws Unevaluable {
        return evaluate(condition, expander, baseDirectory, p -> true);
    }

    /** As above; {@code Exists} of a path outside {@code inTree} is not looked up but {@link Unevaluable}. */
    static boolean evaluate(
            String condition, Expander expander, Path baseDirectory, java.util.function.Predicate<Path> inTree)
            throws Unevaluable {
        if (condition.length() > MAX_LENGTH) {
            throw new Unevaluable("condition has " + condition.length() + " characters, more than " + MAX_LENGTH);
        }
        Condition c = new Condition(condition, tokenize(condition), expander, baseDirectory, inTree);
        boolean result = c.or();
        if (c.peek().kind() != Kind.END) {
            throw c.unexpected("'and', 'or' or the end of the condition");
        }
        return result;
    }

    private boolean or() throws Unevaluable {
        boolean value = and();
        while (isWord(peek(), "or")) {
            next++;
            boolean right = and();
            value = value || right;
        }
        return value;
    }

    private boolean and() throws Unevaluable {
        boolean value = unary();
        while (isWord(peek(), "and")) {
            next++;
            boolean right = unary();
            value = value && right;
        }
        return value;
    }

    private boolean unary() throws Unevaluable {
        if (++depth > MAX_DEPTH) {
            throw new Unevaluable("condition nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (peek().kind() == Kind.NOT) {
                next++;
                return !unary();
            }
            if (peek().kind() == Kind.LPAREN) {
                next++;
                boolean value = or();
                expect(Kind.RPAREN, "')'");
                return value;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private boolean comparison() throws Unevaluable {
        Token first = peek();
        if (first.kind() == Kind.WORD && tokens.get(next + 1).kind() == Kind.LPAREN && isFunctionName(first.text())) {
            return function();
        }
        String left = operand();
        Token op = peek();
        if (op.kind() != Kind.OP) {
            return asBoolean(left);
        }
        next++;
        String right = operand();
        return compare(left, op.text(), right);
    }

    private static boolean isFunctionName(String word) {
        return !word.startsWith("$") && !word.startsWith("@") && !word.startsWith("%");
    }

    private boolean function() throws Unevaluable {
        Token name = tokens.get(next);
        next += 2;
        String argument = operand();
        if (peek().kind() == Kind.COMMA) {
            throw new Unevaluable(
                    "function " + name.text() + " with more than one argument is not evaluated (" + source + ")");
        }
        expect(Kind.RPAREN, "')' after the argument of " + name.text());
        return switch (name.text().toLowerCase(Locale.ROOT)) {
            case "exists" -> exists(argument);
            case "hastrailingslash" -> argument.endsWith("/") || argument.endsWith("\\");
            default ->
                throw new Unevaluable("condition function " + name.text()
                        + "(...) is not evaluated; only Exists and HasTrailingSlash");
        };
    }

    private boolean exists(String path) throws Unevaluable {
        String trimmed = ProjectEvaluator.unescape(path.trim());
        if (trimmed.isEmpty()) {
            return false;
        }
        Path p;
        try {
            p = Path.of(trimmed.replace('\\', '/'));
        } catch (InvalidPathException e) {
            return false;
        }
        Path resolved = (p.isAbsolute() ? p : baseDirectory.resolve(p)).normalize();
        if (!inTree.test(resolved)) {
            throw new Unevaluable("Exists('" + trimmed + "') names a path outside the evaluated tree");
        }
        return Files.exists(resolved);
    }

    private String operand() throws Unevaluable {
        Token t = peek();
        if (t.kind() == Kind.STRING || t.kind() == Kind.WORD) {
            next++;
            if (t.text().contains("@(")) {
                throw new Unevaluable("item list @(...) in a condition is not evaluated (" + source + ")");
            }
            if (t.text().contains("%(")) {
                throw new Unevaluable("metadata %(...) in a condition is not evaluated (" + source + ")");
            }
            return expander.expand(t.text());
        }
        throw unexpected("a quoted string, a word or a property");
    }

    private static boolean compare(String left, String op, String right) throws Unevaluable {
        BigDecimal l = number(left);
        BigDecimal r = number(right);
        switch (op) {
            case "==":
            case "!=":
                boolean equal = l != null && r != null ? l.compareTo(r) == 0 : left.equalsIgnoreCase(right);
                return op.equals("==") == equal;
            default:
                if (l == null || r == null) {
                    throw new Unevaluable(
                            "'" + left + "' " + op + " '" + right + "' compares values that are not both" + " numbers");
                }
                int c = l.compareTo(r);
                return switch (op) {
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                };
        }
    }

    private static BigDecimal number(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new BigDecimal(new java.math.BigInteger(t.substring(2), 16));
            }
            if (!t.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
                return null;
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean asBoolean(String value) throws Unevaluable {
        String v = value.trim().toLowerCase(Locale.ROOT);
        boolean negate = false;
        while (v.startsWith("!")) {
            negate = !negate;
            v = v.substring(1).trim();
        }
        boolean b;
        switch (v) {
            case "true", "on", "yes" -> b = true;
            case "false", "off", "no" -> b = false;
            default -> throw new Unevaluable("'" + value + "' is not a boolean (true, false, on, off, yes, no)");
        }
        return negate != b;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private void expect(Kind kind, String what) throws Unevaluable {
        if (peek().kind() != kind) {
            throw unexpected(what);
        }
        next++;
    }

    private Unevaluable unexpected(String expected) {
        Token t = peek();
        String found = t.kind() == Kind.END ? "the end" : "'" + t.text() + "'";
        return new Unevaluable("malformed condition: expected " + expected + " at column " + (t.at() + 1) + ", found "
                + found + " (" + source + ")");
    }

    private static boolean isWord(Token t, String word) {
        return t.kind() == Kind.WORD && t.text().equalsIgnoreCase(word);
    }

    private static List<Token> tokenize(String s) throws Unevaluable {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new Unevaluable(
                            "malformed condition: the quote at column " + (i + 1) + " is not closed (" + s + ")");
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                boolean two = i + 1 < s.length() && s.charAt(i + 1) == '=';
                String op = two ? s.substring(i, i + 2) : String.valueOf(c);
                if (op.equals("=")) {
                    throw new Unevaluable("malformed condition: '=' at column " + (i + 1) + " (use '==') (" + s + ")");
                }
                out.add(new Token(op.equals("!") ? Kind.NOT : Kind.OP, op, i));
                i += op.length();
            } else {
                int start = i;
                int parens = 0;
                while (i < s.length()) {
                    char d = s.charAt(i);
                    if ((d == '$' || d == '@' || d == '%') && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                        parens++;
                        i += 2;
                        continue;
                    }
                    if (parens > 0) {
                        if (d == '(') {
                            parens++;
                        } else if (d == ')') {
                            parens--;
                        }
                        i++;
                        continue;
                    }
                    if (Character.isWhitespace(d) || "()'=!<>,".indexOf(d) >= 0) {
                        break;
                    }
                    i++;
                }
                if (parens > 0) {
                    throw new Unevaluable(
                            "malformed condition: '$(' at column " + (start + 1) + " is not closed (" + s + ")");
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }
}

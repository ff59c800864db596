package io.github.hotpatch.vcxproj;

import io.github.hotpatch.process.CommandLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The switches of a {@code <Link><AdditionalOptions>} value: the flags CMake's flag table did not map
 * to an element. CMake writes {@code %(AdditionalOptions) /a /b}, quoting a flag that holds spaces and
 * MSBuild-escaping {@code ;} as {@code %3B}.
 */
public final class AdditionalOptions {

    static final String INHERITED = "%(AdditionalOptions)";

    private static final AdditionalOptions NONE = new AdditionalOptions(List.of());

    private final List<String> tokens;

    private AdditionalOptions(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public static AdditionalOptions none() {
        return NONE;
    }

    /**
     * Splits a raw element value into switches. {@code %(AdditionalOptions)} stands for the value
     * defined before ({@code inherited}), as MSBuild item-definition metadata does.
     */
    public static AdditionalOptions parse(String raw, AdditionalOptions inherited) {
        List<String> result = new ArrayList<>();
        for (String token : CommandLine.split(raw)) {
            if (token.equals(INHERITED)) {
                result.addAll(inherited.tokens);
            } else {
                result.add(unescapeMsbuild(token));
            }
        }
        return new AdditionalOptions(result);
    }

    /** The switches in command-line order, without {@code %(AdditionalOptions)}. */
    public List<String> tokens() {
        return tokens;
    }

    /**
     * The last switch equal to {@code flag}, ignoring case and whether it starts with {@code /} or
     * {@code -}: link.exe accepts both prefixes and treats switch names case-insensitively.
     */
    public Optional<String> find(String flag) {
        String wanted = LinkerSwitch.body(flag);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String token = tokens.get(i);
            if (LinkerSwitch.isSwitch(token) && token.substring(1).equalsIgnoreCase(wanted)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.join(" ", tokens);
    }

    /** Whitespace splits, double quotes group (and are dropped), {@code \"} is a literal quote. */
    /** MSBuild escapes special characters as {@code %XX} (hex); evaluation turns them back. */
    private static String unescapeMsbuild(String token) {
        if (token.indexOf('%') < 0) {
            return token;
        }
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '%' && i + 2 < token.length() && isHex(token.charAt(i + 1)) && isHex(token.charAt(i + 2))) {
                sb.append((char) Integer.parseInt(token.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

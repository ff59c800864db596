package io.github.hotpatch.report;

/**
 * Makes arbitrary text legal in XML 1.0. XMLStreamWriter escapes markup characters (&lt;, &amp;, quotes)
 * but writes control characters and lone surrogates as they are, which no XML 1.0 parser accepts.
 */
final class XmlText {

    private XmlText() {}

    /**
     * Replaces each character XML 1.0 forbids with a visible escape such as <code>&#92;u0001</code>,
     * so the evidence survives instead of silently vanishing.
     */
    static String legal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            if (!isLegal(codePoint)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", codePoint));
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i += length;
        }
        return out == null ? text : out.toString();
    }

    // XML 1.0 §2.2 Char production; a lone surrogate comes back from codePointAt as itself and fails here.
    private static boolean isLegal(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package io.github.hotpatch.diff;

import java.util.List;

/**
 * A global or static variable that differs between base and patched build.
 *
 * @param kind           changed, added or removed
 * @param name           its name; a static is named {@code object!name}, a function-local one {@code function::name}
 * @param baseSection    section name in the base, or null when added
 * @param patchedSection section name in the patched build, or null when removed
 * @param baseType       CodeView type index in the base, or -1
 * @param patchedType    CodeView type index in the patched build, or -1
 * @param baseSize       size in bytes in the base when the type says it (built-in types), or -1
 * @param patchedSize    likewise in the patched build
 * @param what           for a change: which of "section", "type", "size" changed
 */
public record GlobalChange(
        FunctionChange.Kind kind,
        String name,
        String baseSection,
        String patchedSection,
        long baseType,
        long patchedType,
        long baseSize,
        long patchedSize,
        List<String> what) {

    public GlobalChange {
        what = List.copyOf(what);
    }
}

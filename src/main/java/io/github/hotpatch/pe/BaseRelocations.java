package io.github.hotpatch.pe;

/**
 * The evidence for {@code /FIXED:NO} (implied by {@code /PROFILE}): a non-empty base relocation directory
 * (#5), a {@code .reloc} section, and FILE_RELOCS_STRIPPED clear. Block contents are not read.
 */
public record BaseRelocations(DataDirectory directory, boolean relocSection, boolean relocsStripped) {

    /** Relocations the loader can apply: directory non-empty and the image not marked stripped. */
    public boolean present() {
        return directory.isPresent() && !relocsStripped;
    }
}

package io.github.hotpatch.pe;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One 28-byte IMAGE_DEBUG_DIRECTORY entry, with the decoded payload for the two types the hotpatch checks
 * need: the RSDS record of a CODEVIEW entry, and the first DWORD of an EX_DLLCHARACTERISTICS entry.
 *
 * @param fileOffset where this entry itself lies in the file
 */
public record DebugEntry(
        long fileOffset,
        long characteristics,
        long timeDateStamp,
        int majorVersion,
        int minorVersion,
        int type,
        long sizeOfData,
        long addressOfRawData,
        long pointerToRawData,
        Optional<CodeViewRecord> codeView,
        OptionalInt exDllCharacteristics) {

    public static final int SIZE = 28;

    public String typeName() {
        return DebugType.nameOf(type);
    }

    @Override
    public String toString() {
        return "DebugEntry[" + typeName() + " (" + type + "), size=" + Hex.of(sizeOfData) + ", rva="
                + Hex.of(addressOfRawData) + ", ptr=" + Hex.of(pointerToRawData)
                + codeView.map(cv -> ", " + cv).orElse("")
                + (exDllCharacteristics.isPresent() ? ", ex=" + Hex.u32(exDllCharacteristics.getAsInt()) : "") + "]";
    }
}

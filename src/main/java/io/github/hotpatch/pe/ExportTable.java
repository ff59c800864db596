package io.github.hotpatch.pe;

import java.nio.file.Path;
import java.util.List;

/**
 * The export directory (data directory #0) of an image.
 *
 * @param file        the image
 * @param dllName     the name the directory gives the DLL; empty when the image exports nothing
 * @param ordinalBase the Base field: ordinal of the first export address table entry
 * @param exports     non-empty entries of the export address table, in ordinal order
 */
public record ExportTable(Path file, String dllName, long ordinalBase, List<Export> exports) {

    public ExportTable {
        exports = List.copyOf(exports);
    }
}

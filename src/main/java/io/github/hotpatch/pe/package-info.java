/**
 * A small, JDK-only reader for the parts of Windows PE images (PE32 and PE32+) that show how an image was
 * linked: machine, characteristics, sections, data directories, the debug directory (CodeView RSDS record,
 * EX_DLLCHARACTERISTICS with the /hotpatchcompatible bit 0x80), base relocations, the load config and the
 * MSVC Rich header.
 *
 * <p>Entry point: {@link io.github.hotpatch.pe.PeImageReader#read(java.nio.file.Path)} returns an immutable
 * {@link io.github.hotpatch.pe.PeImage}. It reads about a kilobyte however large the file is.
 *
 * <p>Policy for bad input: structural damage in the headers, the section table (including raw data past the
 * end of the file), the debug directory and its CODEVIEW / EX_DLLCHARACTERISTICS payloads, or the load config
 * throws {@link io.github.hotpatch.pe.PeFormatException} (a checked {@code IOException} whose message names
 * file, field, offset and expectation). Only informational oddities become
 * {@link io.github.hotpatch.pe.PeImage#warnings() warnings}: a damaged Rich header, a non-RSDS (e.g. NB10) or
 * unterminated CodeView record, a debug entry without data, AddressOfRawData disagreeing with
 * PointerToRawData, a zero-size debug directory with an RVA, duplicate EX_DLLCHARACTERISTICS entries.
 */
package io.github.hotpatch.pe;

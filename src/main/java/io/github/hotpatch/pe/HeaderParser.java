package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates the DOS header, PE signature, COFF header, optional header and section table. Every
 * size or count read from the file is checked against the file size before it is used.
 */
final class HeaderParser {

    static final int DOS_HEADER_SIZE = 0x40;
    static final int E_LFANEW_OFFSET = 0x3C;
    static final int MZ = 0x5A4D;
    static final int PE_SIGNATURE = 0x00004550;
    /** The PE specification's limit, which the Windows loader enforces too. */
    static final int MAX_SECTIONS = 96;
    /** Standard + Windows-specific fields before the data directories. */
    static final int PE32_FIXED_SIZE = 96;

    static final int PE32_PLUS_FIXED_SIZE = 112;

    private final BoundedReader reader;
    private final Path file;
    private final List<String> warnings;

    HeaderParser(BoundedReader reader, List<String> warnings) {
        this.reader = reader;
        this.file = reader.file();
        this.warnings = warnings;
    }

    Headers parse() throws IOException {
        long size = reader.size();
        if (size == 0) {
            throw fail("file", 0, "is empty (0 bytes); expected a PE image starting with \"MZ\"");
        }
        if (size < 2) {
            throw fail("e_magic", 0, "is cut off: the file has " + size + " byte; expected \"MZ\"");
        }
        ByteBuffer magic = reader.read(0, 2, "e_magic");
        int eMagic = Short.toUnsignedInt(magic.getShort(0));
        if (eMagic != MZ) {
            throw fail(
                    "e_magic",
                    0,
                    "is " + String.format("0x%04X", eMagic) + "; expected \"MZ\" (0x5A4D): not a PE image");
        }
        if (size < DOS_HEADER_SIZE) {
            throw fail("DOS header", 0, "is cut off: the file has " + size + " bytes; expected at least 64");
        }
        long eLfanew = Integer.toUnsignedLong(
                reader.read(E_LFANEW_OFFSET, 4, "e_lfanew").getInt(0));
        if (!reader.covers(eLfanew, 4 + CoffHeader.SIZE)) {
            throw fail(
                    "e_lfanew",
                    E_LFANEW_OFFSET,
                    "points to " + Hex.of(eLfanew)
                            + ", but the PE signature and 20-byte COFF header would end past the end of the "
                            + size + "-byte file");
        }
        ByteBuffer peAndCoff = reader.read(eLfanew, 4 + CoffHeader.SIZE, "PE signature and COFF header");
        int signature = peAndCoff.getInt(0);
        if (signature != PE_SIGNATURE) {
            throw fail(
                    "PE signature",
                    eLfanew,
                    "is " + Hex.u32(signature) + "; expected \"PE\\0\\0\" (0x4550)" + " where e_lfanew points");
        }
        long coffOffset = eLfanew + 4;
        CoffHeader coff = parseCoff(peAndCoff.position(4).slice().order(peAndCoff.order()));
        if (coff.numberOfSections() > MAX_SECTIONS) {
            throw fail(
                    "NumberOfSections",
                    coffOffset + 2,
                    "is " + coff.numberOfSections() + "; expected at most " + MAX_SECTIONS);
        }
        long optionalOffset = coffOffset + CoffHeader.SIZE;
        int sizeOfOptional = coff.sizeOfOptionalHeader();
        if (sizeOfOptional < 2) {
            throw fail(
                    "SizeOfOptionalHeader",
                    coffOffset + 16,
                    "is " + sizeOfOptional
                            + "; an image needs an optional header (expected 224 for PE32 or 240 for PE32+)");
        }
        if (!reader.covers(optionalOffset, sizeOfOptional)) {
            throw fail(
                    "SizeOfOptionalHeader",
                    coffOffset + 16,
                    "is " + sizeOfOptional + ", so the optional header" + " at " + Hex.of(optionalOffset)
                            + " would end past the end of the " + size + "-byte file");
        }
        int magicValue = Short.toUnsignedInt(
                reader.read(optionalOffset, 2, "optional header Magic").getShort(0));
        boolean plus;
        if (magicValue == OptionalHeader.PE32_PLUS_MAGIC) {
            plus = true;
        } else if (magicValue == OptionalHeader.PE32_MAGIC) {
            plus = false;
        } else {
            throw fail(
                    "optional header Magic",
                    optionalOffset,
                    "is " + String.format("0x%04X", magicValue) + "; expected 0x10B (PE32) or 0x20B (PE32+)");
        }
        int fixed = plus ? PE32_PLUS_FIXED_SIZE : PE32_FIXED_SIZE;
        if (sizeOfOptional < fixed) {
            throw fail(
                    "SizeOfOptionalHeader",
                    coffOffset + 16,
                    "is " + sizeOfOptional + "; a " + (plus ? "PE32+" : "PE32") + " optional header needs at least "
                            + fixed + " bytes before the data directories");
        }
        // Only the fixed part and the (at most 16) directories are read, never the declared size blindly.
        int readLength = Math.min(sizeOfOptional, fixed + DataDirectory.COUNT * 8);
        ByteBuffer opt = reader.read(optionalOffset, readLength, "optional header");
        OptionalHeader optional = parseOptional(opt, plus);
        long rvaCount = optional.numberOfRvaAndSizes();
        long rvaCountOffset = optionalOffset + fixed - 4;
        if (rvaCount > DataDirectory.COUNT) {
            throw fail("NumberOfRvaAndSizes", rvaCountOffset, "is " + rvaCount + "; expected at most 16");
        }
        if (fixed + rvaCount * 8 > sizeOfOptional) {
            throw fail(
                    "NumberOfRvaAndSizes",
                    rvaCountOffset,
                    "is " + rvaCount + ", needing " + (fixed + rvaCount * 8)
                            + " bytes of optional header, but SizeOfOptionalHeader is " + sizeOfOptional);
        }
        List<DataDirectory> directories = new ArrayList<>(DataDirectory.COUNT);
        for (int i = 0; i < DataDirectory.COUNT; i++) {
            if (i < rvaCount) {
                int at = fixed + i * 8;
                directories.add(new DataDirectory(
                        i, Integer.toUnsignedLong(opt.getInt(at)), Integer.toUnsignedLong(opt.getInt(at + 4))));
            } else {
                directories.add(new DataDirectory(i, 0, 0));
            }
        }
        long sectionTable = optionalOffset + sizeOfOptional;
        List<Section> sections = parseSections(sectionTable, coff.numberOfSections(), coffOffset + 2);
        if (optional.sizeOfHeaders() > size) {
            warnings.add(
                    "SizeOfHeaders " + Hex.of(optional.sizeOfHeaders()) + " is larger than the " + size + "-byte file");
        }
        return new Headers(eLfanew, coff, optional, directories, sections);
    }

    private static CoffHeader parseCoff(ByteBuffer b) {
        return new CoffHeader(
                Machine.of(Short.toUnsignedInt(b.getShort(0))),
                Short.toUnsignedInt(b.getShort(2)),
                Integer.toUnsignedLong(b.getInt(4)),
                Integer.toUnsignedLong(b.getInt(8)),
                Integer.toUnsignedLong(b.getInt(12)),
                Short.toUnsignedInt(b.getShort(16)),
                Short.toUnsignedInt(b.getShort(18)));
    }

    private static OptionalHeader parseOptional(ByteBuffer b, boolean plus) {
        LinkerVersion linker = new LinkerVersion(Byte.toUnsignedInt(b.get(2)), Byte.toUnsignedInt(b.get(3)));
        long imageBase = plus ? b.getLong(24) : Integer.toUnsignedLong(b.getInt(28));
        return new OptionalHeader(
                Short.toUnsignedInt(b.getShort(0)),
                linker,
                Integer.toUnsignedLong(b.getInt(16)),
                imageBase,
                Integer.toUnsignedLong(b.getInt(32)),
                Integer.toUnsignedLong(b.getInt(36)),
                Integer.toUnsignedLong(b.getInt(56)),
                Integer.toUnsignedLong(b.getInt(60)),
                Integer.toUnsignedLong(b.getInt(64)),
                Short.toUnsignedInt(b.getShort(68)),
                Short.toUnsignedInt(b.getShort(70)),
                Integer.toUnsignedLong(b.getInt(plus ? 108 : 92)));
    }

    private List<Section> parseSections(long tableOffset, int count, long countFieldOffset) throws IOException {
        long length = (long) count * Section.HEADER_SIZE;
        if (!reader.covers(tableOffset, length)) {
            throw fail(
                    "NumberOfSections",
                    countFieldOffset,
                    "is " + count + ", so the section table at "
                            + Hex.of(tableOffset) + " would end at " + Hex.of(tableOffset + length)
                            + ", past the end of the " + reader.size() + "-byte file");
        }
        ByteBuffer table = reader.read(tableOffset, length, "section table");
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i * Section.HEADER_SIZE;
            Section s = new Section(
                    sectionName(table, at),
                    Integer.toUnsignedLong(table.getInt(at + 8)),
                    Integer.toUnsignedLong(table.getInt(at + 12)),
                    Integer.toUnsignedLong(table.getInt(at + 16)),
                    Integer.toUnsignedLong(table.getInt(at + 20)),
                    table.getInt(at + 36));
            // A section whose bytes are not all in the file means a truncated or forged image.
            if (s.sizeOfRawData() != 0 && !reader.covers(s.pointerToRawData(), s.sizeOfRawData())) {
                throw fail(
                        "section " + (i + 1) + " (" + s.name() + ") PointerToRawData/SizeOfRawData",
                        tableOffset + at + 16,
                        "place its raw data at " + Hex.of(s.pointerToRawData()) + ".."
                                + Hex.of(s.pointerToRawData() + s.sizeOfRawData())
                                + ", past the end of the " + reader.size() + "-byte file (truncated?)");
            }
            sections.add(s);
        }
        return sections;
    }

    private static String sectionName(ByteBuffer table, int at) {
        byte[] raw = new byte[8];
        table.get(at, raw);
        int length = 0;
        while (length < raw.length && raw[length] != 0) {
            length++;
        }
        return new String(raw, 0, length, StandardCharsets.UTF_8);
    }

    private PeFormatException fail(String field, long offset, String detail) {
        return new PeFormatException(file, field, offset, detail);
    }
}

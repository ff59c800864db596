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

    /** "PE\0\0", at e_lfanew, before the COFF header. */
    static final int PE_SIGNATURE_SIZE = 4;

    // COFF file header field offsets, from its start (PE format, "COFF File Header (Object and Image)").
    static final int COFF_MACHINE = 0;
    static final int COFF_NUMBER_OF_SECTIONS = 2;
    static final int COFF_TIME_DATE_STAMP = 4;
    static final int COFF_POINTER_TO_SYMBOL_TABLE = 8;
    static final int COFF_NUMBER_OF_SYMBOLS = 12;
    static final int COFF_SIZE_OF_OPTIONAL_HEADER = 16;
    static final int COFF_CHARACTERISTICS = 18;

    // Optional header field offsets, from its start; where PE32 and PE32+ differ, both are named.
    static final int OPT_MAGIC = 0;
    static final int OPT_MAJOR_LINKER_VERSION = 2;
    static final int OPT_MINOR_LINKER_VERSION = 3;
    static final int OPT_ADDRESS_OF_ENTRY_POINT = 16;
    static final int OPT_IMAGE_BASE_PE32_PLUS = 24;
    static final int OPT_IMAGE_BASE_PE32 = 28;
    static final int OPT_SECTION_ALIGNMENT = 32;
    static final int OPT_FILE_ALIGNMENT = 36;
    static final int OPT_SIZE_OF_IMAGE = 56;
    static final int OPT_SIZE_OF_HEADERS = 60;
    static final int OPT_CHECK_SUM = 64;
    static final int OPT_SUBSYSTEM = 68;
    static final int OPT_DLL_CHARACTERISTICS = 70;
    /** NumberOfRvaAndSizes is the last fixed field: 4 bytes before the data directories. */
    static final int OPT_NUMBER_OF_RVA_AND_SIZES_PE32 = PE32_FIXED_SIZE - 4;

    static final int OPT_NUMBER_OF_RVA_AND_SIZES_PE32_PLUS = PE32_PLUS_FIXED_SIZE - 4;

    /** One data directory: a u32 RVA and a u32 size. */
    static final int DATA_DIRECTORY_SIZE = 8;

    // Section header field offsets, from the entry's start (the name is the 8 bytes at 0).
    static final int SECTION_NAME_SIZE = 8;
    static final int SECTION_VIRTUAL_SIZE = 8;
    static final int SECTION_VIRTUAL_ADDRESS = 12;
    static final int SECTION_SIZE_OF_RAW_DATA = 16;
    static final int SECTION_POINTER_TO_RAW_DATA = 20;
    static final int SECTION_CHARACTERISTICS = 36;

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
        if (!reader.covers(eLfanew, PE_SIGNATURE_SIZE + CoffHeader.SIZE)) {
            throw fail(
                    "e_lfanew",
                    E_LFANEW_OFFSET,
                    "points to " + Hex.of(eLfanew)
                            + ", but the PE signature and 20-byte COFF header would end past the end of the "
                            + size + "-byte file");
        }
        ByteBuffer peAndCoff =
                reader.read(eLfanew, PE_SIGNATURE_SIZE + CoffHeader.SIZE, "PE signature and COFF header");
        int signature = peAndCoff.getInt(0);
        if (signature != PE_SIGNATURE) {
            throw fail(
                    "PE signature",
                    eLfanew,
                    "is " + Hex.u32(signature) + "; expected \"PE\\0\\0\" (0x4550)" + " where e_lfanew points");
        }
        long coffOffset = eLfanew + PE_SIGNATURE_SIZE;
        CoffHeader coff =
                parseCoff(peAndCoff.position(PE_SIGNATURE_SIZE).slice().order(peAndCoff.order()));
        if (coff.numberOfSections() > MAX_SECTIONS) {
            throw fail(
                    "NumberOfSections",
                    coffOffset + COFF_NUMBER_OF_SECTIONS,
                    "is " + coff.numberOfSections() + "; expected at most " + MAX_SECTIONS);
        }
        long optionalOffset = coffOffset + CoffHeader.SIZE;
        int sizeOfOptional = coff.sizeOfOptionalHeader();
        if (sizeOfOptional < 2) {
            throw fail(
                    "SizeOfOptionalHeader",
                    coffOffset + COFF_SIZE_OF_OPTIONAL_HEADER,
                    "is " + sizeOfOptional
                            + "; an image needs an optional header (expected 224 for PE32 or 240 for PE32+)");
        }
        if (!reader.covers(optionalOffset, sizeOfOptional)) {
            throw fail(
                    "SizeOfOptionalHeader",
                    coffOffset + COFF_SIZE_OF_OPTIONAL_HEADER,
                    "is " + sizeOfOptional + ", so the optional header" + " at " + Hex.of(optionalOffset)
                            + " would end past the end of the " + size + "-byte file");
        }
        int magicValue = Short.toUnsignedInt(reader.read(optionalOffset + OPT_MAGIC, 2, "optional header Magic")
                .getShort(0));
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
                    coffOffset + COFF_SIZE_OF_OPTIONAL_HEADER,
                    "is " + sizeOfOptional + "; a " + (plus ? "PE32+" : "PE32") + " optional header needs at least "
                            + fixed + " bytes before the data directories");
        }
        // Only the fixed part and the (at most 16) directories are read, never the declared size blindly.
        int readLength = Math.min(sizeOfOptional, fixed + DataDirectory.COUNT * DATA_DIRECTORY_SIZE);
        ByteBuffer opt = reader.read(optionalOffset, readLength, "optional header");
        OptionalHeader optional = parseOptional(opt, plus);
        long rvaCount = optional.numberOfRvaAndSizes();
        long rvaCountOffset =
                optionalOffset + (plus ? OPT_NUMBER_OF_RVA_AND_SIZES_PE32_PLUS : OPT_NUMBER_OF_RVA_AND_SIZES_PE32);
        if (rvaCount > DataDirectory.COUNT) {
            throw fail("NumberOfRvaAndSizes", rvaCountOffset, "is " + rvaCount + "; expected at most 16");
        }
        if (fixed + rvaCount * DATA_DIRECTORY_SIZE > sizeOfOptional) {
            throw fail(
                    "NumberOfRvaAndSizes",
                    rvaCountOffset,
                    "is " + rvaCount + ", needing " + (fixed + rvaCount * DATA_DIRECTORY_SIZE)
                            + " bytes of optional header, but SizeOfOptionalHeader is " + sizeOfOptional);
        }
        List<DataDirectory> directories = new ArrayList<>(DataDirectory.COUNT);
        for (int i = 0; i < DataDirectory.COUNT; i++) {
            if (i < rvaCount) {
                int at = fixed + i * DATA_DIRECTORY_SIZE;
                directories.add(new DataDirectory(
                        i, Integer.toUnsignedLong(opt.getInt(at)), Integer.toUnsignedLong(opt.getInt(at + 4))));
            } else {
                directories.add(new DataDirectory(i, 0, 0));
            }
        }
        long sectionTable = optionalOffset + sizeOfOptional;
        List<Section> sections =
                parseSections(sectionTable, coff.numberOfSections(), coffOffset + COFF_NUMBER_OF_SECTIONS);
        if (optional.sizeOfHeaders() > size) {
            warnings.add(
                    "SizeOfHeaders " + Hex.of(optional.sizeOfHeaders()) + " is larger than the " + size + "-byte file");
        }
        return new Headers(eLfanew, coff, optional, directories, sections);
    }

    private static CoffHeader parseCoff(ByteBuffer b) {
        return new CoffHeader(
                Machine.of(Short.toUnsignedInt(b.getShort(COFF_MACHINE))),
                Short.toUnsignedInt(b.getShort(COFF_NUMBER_OF_SECTIONS)),
                Integer.toUnsignedLong(b.getInt(COFF_TIME_DATE_STAMP)),
                Integer.toUnsignedLong(b.getInt(COFF_POINTER_TO_SYMBOL_TABLE)),
                Integer.toUnsignedLong(b.getInt(COFF_NUMBER_OF_SYMBOLS)),
                Short.toUnsignedInt(b.getShort(COFF_SIZE_OF_OPTIONAL_HEADER)),
                Short.toUnsignedInt(b.getShort(COFF_CHARACTERISTICS)));
    }

    private static OptionalHeader parseOptional(ByteBuffer b, boolean plus) {
        LinkerVersion linker = new LinkerVersion(
                Byte.toUnsignedInt(b.get(OPT_MAJOR_LINKER_VERSION)),
                Byte.toUnsignedInt(b.get(OPT_MINOR_LINKER_VERSION)));
        long imageBase =
                plus ? b.getLong(OPT_IMAGE_BASE_PE32_PLUS) : Integer.toUnsignedLong(b.getInt(OPT_IMAGE_BASE_PE32));
        return new OptionalHeader(
                Short.toUnsignedInt(b.getShort(OPT_MAGIC)),
                linker,
                Integer.toUnsignedLong(b.getInt(OPT_ADDRESS_OF_ENTRY_POINT)),
                imageBase,
                Integer.toUnsignedLong(b.getInt(OPT_SECTION_ALIGNMENT)),
                Integer.toUnsignedLong(b.getInt(OPT_FILE_ALIGNMENT)),
                Integer.toUnsignedLong(b.getInt(OPT_SIZE_OF_IMAGE)),
                Integer.toUnsignedLong(b.getInt(OPT_SIZE_OF_HEADERS)),
                Integer.toUnsignedLong(b.getInt(OPT_CHECK_SUM)),
                Short.toUnsignedInt(b.getShort(OPT_SUBSYSTEM)),
                Short.toUnsignedInt(b.getShort(OPT_DLL_CHARACTERISTICS)),
                Integer.toUnsignedLong(
                        b.getInt(plus ? OPT_NUMBER_OF_RVA_AND_SIZES_PE32_PLUS : OPT_NUMBER_OF_RVA_AND_SIZES_PE32)));
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
                    Integer.toUnsignedLong(table.getInt(at + SECTION_VIRTUAL_SIZE)),
                    Integer.toUnsignedLong(table.getInt(at + SECTION_VIRTUAL_ADDRESS)),
                    Integer.toUnsignedLong(table.getInt(at + SECTION_SIZE_OF_RAW_DATA)),
                    Integer.toUnsignedLong(table.getInt(at + SECTION_POINTER_TO_RAW_DATA)),
                    table.getInt(at + SECTION_CHARACTERISTICS));
            // A section whose bytes are not all in the file means a truncated or forged image.
            if (s.sizeOfRawData() != 0 && !reader.covers(s.pointerToRawData(), s.sizeOfRawData())) {
                throw fail(
                        "section " + (i + 1) + " (" + s.name() + ") PointerToRawData/SizeOfRawData",
                        tableOffset + at + SECTION_SIZE_OF_RAW_DATA,
                        "place its raw data at " + Hex.of(s.pointerToRawData()) + ".."
                                + Hex.of(s.pointerToRawData() + s.sizeOfRawData())
                                + ", past the end of the " + reader.size() + "-byte file (truncated?)");
            }
            sections.add(s);
        }
        return sections;
    }

    private static String sectionName(ByteBuffer table, int at) {
        byte[] raw = new byte[SECTION_NAME_SIZE];
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

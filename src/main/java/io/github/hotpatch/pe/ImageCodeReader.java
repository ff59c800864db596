package io.github.hotpatch.pe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * An open image for reading code by RVA, one function at a time: each read is bounded by the section's raw data and
 * by {@link #MAX_FUNCTION} bytes, so the heap holds one function, never the image. Also reads the image's export
 * table and base relocations through the same open file.
 */
public final class ImageCodeReader implements Closeable {

    /** Longest function read; a longer code size in a PDB is refused rather than buffered. */
    public static final int MAX_FUNCTION = 1 << 20;

    private final ImageAccess image;

    private ImageCodeReader(ImageAccess image) {
        this.image = image;
    }

    public static ImageCodeReader open(Path file) throws IOException {
        return new ImageCodeReader(ImageAccess.open(file));
    }

    public Path file() {
        return image.file();
    }

    public List<Section> sections() {
        return image.sections();
    }

    public int machine() {
        return image.headers.coff().machine().code();
    }

    /**
     * The RVA of {@code offset} in section {@code segment} (1-based, as PDB symbols number them).
     *
     * @throws PeFormatException when the image has no such section or the offset is past its end
     */
    public long rvaOf(int segment, long offset, String what) throws PeFormatException {
        List<Section> sections = image.sections();
        if (segment < 1 || segment > sections.size()) {
            throw new PeFormatException(
                    image.file(),
                    "section table",
                    image.headers.eLfanew(),
                    "has " + sections.size() + " sections; " + what + " names section " + segment);
        }
        Section s = sections.get(segment - 1);
        if (offset > s.virtualSpan()) {
            throw new PeFormatException(
                    image.file(),
                    "section " + segment + " (" + s.name() + ")",
                    image.headers.eLfanew(),
                    "spans " + Hex.of(s.virtualSpan()) + " bytes; " + what + " is at offset " + Hex.of(offset));
        }
        return s.virtualAddress() + offset;
    }

    /** The bytes of {@code [rva, rva + length)}, which must lie in one section's raw data. */
    public byte[] read(long rva, long length, String what) throws IOException {
        if (length > MAX_FUNCTION) {
            throw new PeFormatException(
                    image.file(),
                    what,
                    0,
                    "is " + Hex.of(length) + " bytes long, expected at most " + Hex.of(MAX_FUNCTION));
        }
        ByteBuffer b = image.readRva(rva, length, what, 0);
        byte[] out = new byte[(int) length];
        b.get(out);
        return out;
    }

    public ExportTable exports() throws IOException {
        return ExportTableReader.read(image);
    }

    public BaseRelocationTable baseRelocations() throws IOException {
        return BaseRelocationTableReader.read(image);
    }

    /** Bytes read from the image so far. */
    public long bytesRead() {
        return image.reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        image.close();
    }
}

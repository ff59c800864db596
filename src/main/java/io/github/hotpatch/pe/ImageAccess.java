package io.github.hotpatch.pe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An open image with its headers parsed: bounded reads by RVA for the readers that go past the headers. */
final class ImageAccess implements Closeable {

    final BoundedReader reader;
    final Headers headers;
    final RvaMapper mapper;
    /** File offset of data directory 0 in the optional header. */
    final long directoriesAt;

    private ImageAccess(BoundedReader reader) throws IOException {
        this.reader = reader;
        this.headers = new HeaderParser(reader, new ArrayList<>()).parse();
        boolean plus = headers.optional().isPe32Plus();
        this.directoriesAt = headers.eLfanew()
                + 4
                + CoffHeader.SIZE
                + (plus ? HeaderParser.PE32_PLUS_FIXED_SIZE : HeaderParser.PE32_FIXED_SIZE);
        this.mapper = new RvaMapper(
                reader.file(), headers.sections(), headers.optional().sizeOfHeaders());
    }

    static ImageAccess open(Path file) throws IOException {
        BoundedReader reader = BoundedReader.open(file);
        try {
            return new ImageAccess(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    Path file() {
        return reader.file();
    }

    List<Section> sections() {
        return headers.sections();
    }

    DataDirectory directory(int index) {
        return headers.directories().get(index);
    }

    long directoryFieldOffset(int index) {
        return directoriesAt + 8L * index;
    }

    /** {@code length} bytes at {@code rva}, which must lie in one section's raw data. */
    ByteBuffer readRva(long rva, long length, String field, long fieldOffset) throws IOException {
        long at = mapper.toFileOffset(rva, length, field, fieldOffset);
        return reader.read(at, length, field);
    }

    long fileOffset(long rva, long length, String field, long fieldOffset) throws PeFormatException {
        return mapper.toFileOffset(rva, length, field, fieldOffset);
    }

    /** A NUL-terminated ASCII string at {@code rva} of at most {@code max} bytes, inside one section's raw data. */
    String cString(long rva, int max, String field, long fieldOffset) throws IOException {
        long at = mapper.toFileOffset(rva, 1, field, fieldOffset);
        long available = 1;
        for (Section s : headers.sections()) {
            if (s.containsRva(rva)) {
                available = s.sizeOfRawData() - (rva - s.virtualAddress());
            }
        }
        long limit = Math.min(max + 1L, Math.min(available, reader.size() - at));
        // Names are short: read 32 bytes at a time, so a table of thousands of names costs what the names take.
        StringBuilder sb = new StringBuilder();
        for (long done = 0; done < limit; ) {
            int chunk = (int) Math.min(32, limit - done);
            ByteBuffer bytes = reader.read(at + done, chunk, field);
            for (int i = 0; i < chunk; i++) {
                int c = bytes.get(i) & 0xFF;
                if (c == 0) {
                    return sb.toString();
                }
                sb.append((char) c);
            }
            done += chunk;
        }
        throw new PeFormatException(
                reader.file(),
                field,
                at,
                "gives RVA " + Hex.of(rva) + ", where no NUL-terminated string of at most " + max + " bytes starts");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package io.github.hotpatch.pdb;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stream 1, the PDB info stream: the identity (signature, age, GUID) an image's RSDS record must match, and the
 * named-stream map ("/names", "/LinkInfo", ...).
 *
 * @param version      format version, 20000404 (VC70) in every current PDB
 * @param signature    time stamp written by the linker
 * @param age          incremented each time the PDB is rewritten; the RSDS age must equal it
 * @param guid         the PDB's GUID
 * @param namedStreams stream name to stream number, in on-disk bucket order
 * @param features     feature bits as llvm-pdbutil's summary prints them: 0x1 has an IPI stream (VC140),
 *                     0x2 minimal debug info, 0x4 no type merging
 */
public record PdbInfoStream(
        long version, long signature, long age, PdbGuid guid, Map<String, Integer> namedStreams, int features) {

    static final int STREAM = 1;
    static final String NAME = "stream 1 (PDB info)";

    public static final int FEATURE_ID_STREAM = 0x1;
    public static final int FEATURE_MINIMAL_DEBUG_INFO = 0x2;
    public static final int FEATURE_NO_TYPE_MERGING = 0x4;

    private static final long IMPL_VC140 = 20140508L;
    private static final long FEATURE_MINI = 0x494E494DL;
    private static final long FEATURE_NOTM = 0x4D544F4EL;

    /** Real maps hold a handful of names; the bound keeps a hostile capacity from driving a long bit-vector scan. */
    private static final long MAX_CAPACITY = 1 << 20;

    /** Real info streams carry one or two feature codes; more than this is padding or garbage and is not read. */
    private static final int MAX_FEATURE_CODES = 64;

    public PdbInfoStream {
        namedStreams = Collections.unmodifiableMap(new LinkedHashMap<>(namedStreams));
    }

    static PdbInfoStream read(MsfReader msf) throws IOException {
        if (msf.isNil(STREAM)) {
            throw msf.file().fail(NAME + " is a nil stream, expected the PDB info stream");
        }
        MsfStream stream = msf.open(STREAM, NAME, Long.MAX_VALUE);
        StreamCursor in = StreamCursor.over(stream, "PDB info stream");
        long version = in.u32("version");
        long signature = in.u32("signature");
        long age = in.u32("age");
        PdbGuid guid = PdbGuid.of(in.bytes(16, "GUID"));
        Map<String, Integer> named = readNamedStreamMap(in, msf.streamCount());

        int features = 0;
        for (int i = 0; i < MAX_FEATURE_CODES && in.remaining() >= 4; i++) {
            long code = in.u32("feature code");
            if (code == IMPL_VC140) {
                features |= FEATURE_ID_STREAM;
            } else if (code == FEATURE_MINI) {
                features |= FEATURE_MINIMAL_DEBUG_INFO;
            } else if (code == FEATURE_NOTM) {
                features |= FEATURE_NO_TYPE_MERGING;
            }
        }
        return new PdbInfoStream(version, signature, age, guid, named, features);
    }

    /**
     * The named-stream map: a string buffer, then a serialized hash table (size, capacity, present and deleted bit
     * vectors, then one key/value pair per present bucket; key = offset of the name in the buffer).
     */
    private static Map<String, Integer> readNamedStreamMap(StreamCursor in, int streamCount) throws IOException {
        long bufferSize = in.u32("named stream map string buffer size");
        StreamCursor names = in.window(in.position(), bufferSize, "named stream map string buffer");
        in.skip(bufferSize, "named stream map string buffer");

        long sizeAt = in.position();
        long size = in.u32("named stream map size");
        long capacity = in.u32("named stream map capacity");
        if (size > capacity) {
            throw in.fail(sizeAt, "named stream map holds " + size + " entries, more than its capacity " + capacity);
        }
        if (capacity > MAX_CAPACITY) {
            throw in.fail(
                    sizeAt + 4, "named stream map capacity is " + capacity + ", expected at most " + MAX_CAPACITY);
        }
        if (size > MsfReader.MAX_STREAMS) {
            throw in.fail(
                    sizeAt, "named stream map holds " + size + " entries, expected at most " + MsfReader.MAX_STREAMS);
        }
        long presentAt = in.position();
        long present = countBits(in, "present", capacity);
        if (present != size) {
            throw in.fail(
                    presentAt,
                    "named stream map present bit vector marks " + present + " buckets, expected " + size
                            + " (the map's size)");
        }
        countBits(in, "deleted", capacity);

        Map<String, Integer> named = new LinkedHashMap<>();
        for (long i = 0; i < size; i++) {
            long entryAt = in.position();
            long key = in.u32("named stream map key " + i);
            long value = in.u32("named stream map value " + i);
            if (key >= bufferSize) {
                throw in.fail(
                        entryAt,
                        "named stream " + i + " name offset " + key + " is outside the " + bufferSize
                                + "-byte string buffer");
            }
            if (value >= streamCount) {
                throw in.fail(
                        entryAt + 4,
                        "named stream " + i + " is stream " + value + ", directory has " + streamCount + " streams");
            }
            names.seek(names.start() + key, "named stream " + i + " name offset");
            named.putIfAbsent(names.cString("named stream " + i + " name"), (int) value);
        }
        return named;
    }

    /** Reads a bit vector (word count, then words) and counts its set bits, none of which may reach {@code limit}. */
    private static long countBits(StreamCursor in, String which, long limit) throws IOException {
        long wordsAt = in.position();
        long words = in.u32("named stream map " + which + " word count");
        if (words > (limit + 31) / 32) {
            throw in.fail(
                    wordsAt,
                    which + " bit vector claims " + words + " words, capacity " + limit + " needs at most "
                            + (limit + 31) / 32);
        }
        if (words * 4 > in.remaining()) {
            throw in.fail(
                    wordsAt,
                    which + " bit vector claims " + words + " words, " + in.remaining() + " bytes left in the stream");
        }
        long bits = 0;
        for (long w = 0; w < words; w++) {
            int word = in.i32("named stream map " + which + " word " + w);
            if (word != 0 && w * 32 + 31 - Integer.numberOfLeadingZeros(word) >= limit) {
                throw in.fail(in.position() - 4, which + " bit vector marks a bucket beyond the capacity " + limit);
            }
            bits += Integer.bitCount(word);
        }
        return bits;
    }
}

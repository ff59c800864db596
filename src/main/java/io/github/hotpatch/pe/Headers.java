package io.github.hotpatch.pe;

import java.util.List;

/** The fixed-position part of the image: everything up to and including the section table. */
record Headers(
        long eLfanew,
        CoffHeader coff,
        OptionalHeader optional,
        List<DataDirectory> directories,
        List<Section> sections) {}

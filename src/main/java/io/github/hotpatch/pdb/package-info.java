/**
 * A bounded-memory PDB (MSF 7.0) reader for hotpatch evidence. {@link io.github.hotpatch.pdb.PdbFileReader#read} reads the
 * superblock, the stream directory, the PDB info stream (GUID, age), the DBI stream (link flags, module list,
 * optional debug header) and the "* Linker *" module's S_COMPILE3 and S_ENVBLOCK (linker name, version, command
 * line), block by block through a FileChannel, and refuses malformed files with a
 * {@link io.github.hotpatch.pdb.PdbFormatException} that names the file, structure and offset.
 */
package io.github.hotpatch.pdb;

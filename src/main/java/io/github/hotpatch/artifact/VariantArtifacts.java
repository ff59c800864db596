package io.github.hotpatch.artifact;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.cmake.ReplyCheck;
import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.fileapi.FileApiTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files {@code hotpatch:attach} hands to Maven: for each variant, the target's DLL, PDB and import library of
 * one configuration, found through the CMake File API reply in {@code <buildRoot>/<variant>}, and a zip of the
 * three plus the linker's map file when there is one (the lld profile's evidence for HP-BIN-009). Every variant is checked before anything is attached, and every missing file is reported at once.
 */
public final class VariantArtifacts {

    /** A variant whose outputs are not there; the message lists each missing one with its path. */
    public static final class NotAttachable extends Exception {
        private static final long serialVersionUID = 1L;

        NotAttachable(String message) {
            super(message);
        }
    }

    /** The three outputs of a DLL target, in the order they are attached and zipped. */
    private enum Output {
        DLL("dll", FileApiTarget::primaryArtifact),
        PDB("pdb", FileApiTarget::pdb),
        IMPORT_LIBRARY("lib", FileApiTarget::importLibrary);

        final String type;
        final Function<FileApiTarget, Optional<Path>> locate;

        Output(String type, Function<FileApiTarget, Optional<Path>> locate) {
            this.type = type;
            this.locate = locate;
        }
    }

    private final Path buildRoot;
    private final String target;
    private final String buildConfig;
    private final Path zipDirectory;

    /**
     * @param buildRoot    parent of the variants' build directories
     * @param target       the CMake target that makes the DLL
     * @param buildConfig  the configuration whose outputs are attached, e.g. {@code Release}
     * @param zipDirectory where {@code <target>-<classifier>.zip} is written
     */
    public VariantArtifacts(Path buildRoot, String target, String buildConfig, Path zipDirectory) {
        this.buildRoot = Objects.requireNonNull(buildRoot, "buildRoot");
        this.target = Objects.requireNonNull(target, "target");
        this.buildConfig = Objects.requireNonNull(buildConfig, "buildConfig");
        this.zipDirectory = Objects.requireNonNull(zipDirectory, "zipDirectory");
    }

    /** {@code arm64_schannel} → {@code arm64-schannel}: Maven classifiers are conventionally dash-separated. */
    public static String classifier(String variantName) {
        return variantName.replace('_', '-');
    }

    /**
     * Finds each variant's outputs, writes its zip, and returns what to attach: per variant its dll, pdb, lib
     * and zip, variants in the order given.
     *
     * @throws NotAttachable if two variants would share a classifier, or a reply, target or file is missing
     * @throws IOException   if a zip cannot be written
     */
    public List<AttachableFile> collect(List<BuildVariant> variants) throws NotAttachable, IOException {
        checkClassifiersDistinct(variants);
        Map<BuildVariant, Map<Output, Path>> outputs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (BuildVariant variant : variants) {
            outputs.put(variant, outputs(variant, problems));
        }
        if (!problems.isEmpty()) {
            throw new NotAttachable("hotpatch:attach cannot attach the " + buildConfig + " outputs of target '" + target
                    + "':\n  " + String.join("\n  ", problems));
        }
        List<AttachableFile> attached = new ArrayList<>();
        for (Map.Entry<BuildVariant, Map<Output, Path>> entry : outputs.entrySet()) {
            String classifier = classifier(entry.getKey().name());
            entry.getValue().forEach((output, file) -> attached.add(new AttachableFile(file, output.type, classifier)));
            Path zip = zipDirectory.resolve(target + "-" + classifier + ".zip");
            List<Path> zipped = new ArrayList<>(entry.getValue().values());
            mapFile(entry.getValue()).ifPresent(zipped::add);
            DeterministicZip.writeIfChanged(zip, zipped);
            attached.add(new AttachableFile(zip, "zip", classifier));
        }
        return attached;
    }

    /** The variant's dll, pdb and lib (in {@link Output} order), or what is missing added to {@code problems}. */
    private Map<Output, Path> outputs(BuildVariant variant, List<String> problems) {
        Path variantDir = buildRoot.resolve(variant.name());
        String label = "[" + variant.name() + "] ";
        FileApiReply reply;
        try {
            reply = FileApiReplyReader.read(variantDir);
        } catch (IOException e) {
            problems.add(label + e.getMessage() + " (run hotpatch:configure and hotpatch:build first)");
            return Map.of();
        }
        List<String> wrong = ReplyCheck.problems(reply, Optional.of(buildConfig), target);
        Optional<FileApiTarget> found = reply.target(buildConfig, target);
        if (!wrong.isEmpty() || found.isEmpty()) {
            wrong.forEach(problem -> problems.add(label + problem));
            if (wrong.isEmpty()) {
                problems.add(label + "the File API reply " + reply.indexFile() + " has no target '" + target
                        + "' in configuration " + buildConfig);
            }
            return Map.of();
        }
        Map<Output, Path> files = new EnumMap<>(Output.class);
        for (Output output : Output.values()) {
            Optional<Path> path = output.locate.apply(found.get());
            if (path.isEmpty()) {
                problems.add(label + "the File API reply lists no ." + output.type + " among the artifacts of target '"
                        + target + "' (" + found.get().jsonFile() + "): "
                        + found.get().artifacts());
            } else if (!Files.isRegularFile(path.get())) {
                problems.add(label + buildConfig + " " + output.type + " is missing: " + path.get()
                        + " (run hotpatch:build with buildConfig " + buildConfig + " first)");
            } else {
                files.put(output, path.get());
            }
        }
        return files;
    }

    /**
     * The linker's map file, when one was written: lld-link's {@code /map} puts {@code <image>.map} beside the DLL,
     * and for the lld ARM64 profile that map is the evidence of HP-BIN-009 (lld has no {@code /pdbinject:mapfile}).
     * The zip carries it so that inspecting the zip proves what verify proved on the build tree; looked for beside
     * the DLL, then beside the PDB, as HP-BIN-009 does.
     */
    static Optional<Path> mapFile(Map<Output, Path> files) {
        Path dll = files.get(Output.DLL);
        if (dll == null) {
            return Optional.empty();
        }
        String name = dll.getFileName().toString();
        String map = (name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".map";
        List<Path> places = new ArrayList<>();
        places.add(dll.resolveSibling(map));
        Optional.ofNullable(files.get(Output.PDB))
                .map(pdb -> pdb.resolveSibling(map))
                .ifPresent(places::add);
        return places.stream().filter(Files::isRegularFile).findFirst();
    }

    private static void checkClassifiersDistinct(List<BuildVariant> variants) throws NotAttachable {
        Map<String, String> variantByClassifier = new LinkedHashMap<>();
        for (BuildVariant variant : variants) {
            String earlier = variantByClassifier.putIfAbsent(classifier(variant.name()), variant.name());
            if (earlier != null) {
                throw new NotAttachable("variants '" + earlier + "' and '" + variant.name() + "' would both be attached"
                        + " with classifier '" + classifier(variant.name()) + "'; rename one of them");
            }
        }
    }
}

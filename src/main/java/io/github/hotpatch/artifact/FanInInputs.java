package io.github.hotpatch.artifact;

import io.github.hotpatch.verify.Inspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns resolved artifacts into the inputs of one combined inspection: a zip is read in place, a PE artifact (dll,
 * exe, sys, node) is inspected with the pdb of the same coordinates when that is listed too, and an import library
 * is resolved (so the gate proves it was deployed) but carries no hotpatch evidence, so it is not inspected.
 */
public final class FanInInputs {

    /** What {@link #of} made of the list. */
    public record Plan(List<Inspector.Input> inputs, List<ArtifactCoordinate> notInspected) {}

    private FanInInputs() {}

    /**
     * @param resolved every coordinate with its file, in the order given
     * @throws IllegalArgumentException when a pdb is listed without its image
     */
    public static Plan of(Map<ArtifactCoordinate, Path> resolved) {
        Map<ArtifactCoordinate, Path> byCoordinate = new LinkedHashMap<>(resolved);
        List<Inspector.Input> inputs = new ArrayList<>();
        List<ArtifactCoordinate> notInspected = new ArrayList<>();
        for (Map.Entry<ArtifactCoordinate, Path> entry : byCoordinate.entrySet()) {
            ArtifactCoordinate c = entry.getKey();
            switch (c.extension().toLowerCase(Locale.ROOT)) {
                case "pdb" -> {
                    boolean paired = byCoordinate.keySet().stream()
                            .anyMatch(other -> !other.extension().equalsIgnoreCase("pdb")
                                    && other.withExtension("pdb").equals(c));
                    if (!paired) {
                        throw new IllegalArgumentException(c + ": a PDB is inspected with its image; list the image"
                                + " too (e.g. " + c.withExtension("dll") + ")");
                    }
                }
                case "lib" -> notInspected.add(c);
                default -> {
                    Optional<Path> pdb = c.extension().equalsIgnoreCase("zip")
                            ? Optional.empty()
                            : Optional.ofNullable(byCoordinate.get(c.withExtension("pdb")));
                    inputs.add(new Inspector.Input(c.toString(), entry.getValue(), pdb));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "hotpatch.artifacts names no image to inspect (only import libraries); list the zip or the dll");
        }
        return new Plan(inputs, notInspected);
    }
}

package io.github.hotpatch.fileapi;

import io.github.hotpatch.process.CommandLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The compile flags a reply's targets were generated with ({@code compileGroups[].compileCommandFragments}), to find
 * a flag the project sets itself, whatever the generator.
 */
public final class FileApiCompileFlags {

    /**
     * One compile group whose flags carry the flag looked for.
     *
     * @param configuration e.g. {@code Release}
     * @param target        the target's name
     * @param language      e.g. {@code C}
     * @param flags         the group's flags, as CMake wrote them
     */
    public record Finding(String configuration, String target, String language, String flags) {}

    private FileApiCompileFlags() {}

    /** Every compile group, in every configuration and target of {@code reply}, with a token {@code wanted} accepts. */
    public static List<Finding> find(FileApiReply reply, Predicate<String> wanted) throws IOException {
        List<Finding> found = new ArrayList<>();
        for (FileApiConfiguration configuration : reply.configurations()) {
            for (FileApiTarget target : configuration.targets()) {
                FileApiJson json = FileApiJson.read(target.jsonFile());
                List<?> groups = json.optionalArray(json.root(), "", "compileGroups");
                for (int i = 0; i < groups.size(); i++) {
                    String at = "compileGroups[" + i + "]";
                    Map<String, Object> group = json.objectAt(groups, i, at);
                    List<?> fragments = json.optionalArray(group, at, "compileCommandFragments");
                    List<String> flags = new ArrayList<>();
                    for (int f = 0; f < fragments.size(); f++) {
                        String fat = at + ".compileCommandFragments[" + f + "]";
                        flags.add(json.text(json.objectAt(fragments, f, fat), fat, "fragment"));
                    }
                    String joined = String.join(" ", flags);
                    if (CommandLine.split(joined).stream().anyMatch(wanted)) {
                        String language = group.get("language") instanceof String l ? l : "?";
                        found.add(new Finding(configuration.name(), target.name(), language, joined.trim()));
                    }
                }
            }
        }
        return found;
    }
}

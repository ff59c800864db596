package io.github.hotpatch.vcxproj;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of CMake's {@code Templates/MSBuild/FlagTables/v143_Link.json} that matter for hotpatch
 * verification: the switches msquic and the hotpatch profiles pass. Anything else CMake leaves in
 * {@code <AdditionalOptions>}.
 *
 * <p>CMake matches these switch names case-sensitively (except DEBUG), so {@code /profile} stays in
 * {@code AdditionalOptions} while {@code /PROFILE} becomes {@code <Profile>true</Profile>}. A verifier
 * must accept both, hence {@link #lookup} ignores case.
 */
public final class LinkFlagTable {

    private static final Map<String, MappedLinkSetting> ENTRIES = Map.ofEntries(
            link("PROFILE", "Profile", "true"),
            propertyGroup("INCREMENTAL:NO", "LinkIncremental", "false"),
            propertyGroup("INCREMENTAL", "LinkIncremental", "true"),
            link("FUNCTIONPADMIN", "CreateHotPatchableImage", "Enabled"),
            link("FUNCTIONPADMIN:5", "CreateHotPatchableImage", "X86Image"),
            link("FUNCTIONPADMIN:6", "CreateHotPatchableImage", "X64Image"),
            link("FUNCTIONPADMIN:16", "CreateHotPatchableImage", "ItaniumImage"),
            link("MAP", "GenerateMapFile", "true"),
            link("DEBUG", "GenerateDebugInformation", "true"),
            link("DEBUG:FULL", "GenerateDebugInformation", "DebugFull"),
            link("DEBUG:FASTLINK", "GenerateDebugInformation", "DebugFastLink"),
            link("DEBUG:NONE", "GenerateDebugInformation", "false"),
            link("OPT:ICF", "EnableCOMDATFolding", "true"),
            link("OPT:NOICF", "EnableCOMDATFolding", "false"),
            link("OPT:REF", "OptimizeReferences", "true"),
            link("OPT:NOREF", "OptimizeReferences", "false"),
            link("LTCG", "LinkTimeCodeGeneration", "UseLinkTimeCodeGeneration"));

    private LinkFlagTable() {}

    /** The element {@code flag} maps to, if CMake's table has it; {@code /FUNCTIONPADMIN:8} has none. */
    public static Optional<MappedLinkSetting> lookup(String flag) {
        return Optional.ofNullable(ENTRIES.get(LinkerSwitch.body(flag).toUpperCase(Locale.ROOT)));
    }

    /**
     * The switch an element stands for, e.g. {@code Profile}={@code true} gives {@code /PROFILE}; empty when the
     * table has no entry for that element and value.
     */
    public static Optional<String> switchFor(String element, String value) {
        return ENTRIES.entrySet().stream()
                .filter(e -> e.getValue().element().equalsIgnoreCase(element)
                        && e.getValue().value().equalsIgnoreCase(value.trim()))
                .map(e -> "/" + e.getKey())
                .sorted()
                .findFirst();
    }

    /** Switch name (as CMake spells it) to element; for checking against CMake's own table. */
    static Map<String, MappedLinkSetting> entries() {
        return ENTRIES;
    }

    private static Map.Entry<String, MappedLinkSetting> link(String sw, String element, String value) {
        return Map.entry(sw, new MappedLinkSetting(element, value, false));
    }

    private static Map.Entry<String, MappedLinkSetting> propertyGroup(String sw, String element, String value) {
        return Map.entry(sw, new MappedLinkSetting(element, value, true));
    }
}

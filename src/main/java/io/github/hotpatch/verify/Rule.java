package io.github.hotpatch.verify;

/** Every rule the verifier applies, with its stable id (used in SARIF, JUnit and JSON reports) and title. */
public enum Rule {
    PROJECT_RELEASE_FLAGS(
            "HP-PRJ-001", "Release link flags of the target carry every flag of the hotpatch profile (CMake File API)"),
    PROJECT_VCXPROJ_FLAGS(
            "HP-PRJ-002", "The generated vcxproj's Release Link settings carry every flag of the profile"),
    PROJECT_OTHER_CONFIGS_CLEAN("HP-PRJ-003", "No configuration other than Release carries a hotpatch flag"),
    PROJECT_NO_CONFLICTS("HP-PRJ-004", "No Release link flag conflicts with the hotpatch profile"),
    BINARY_BUILT("HP-BIN-000", "The Release binary named by the File API reply exists"),
    BINARY_MACHINE("HP-BIN-001", "The image's machine matches the variant's arch"),
    BINARY_HOTPATCH_BIT("HP-BIN-002", "EX_DLLCHARACTERISTICS debug entry has HOTPATCH_COMPATIBLE (0x80)"),
    BINARY_RELOCATIONS("HP-BIN-003", "Base relocations are present and not stripped"),
    BINARY_CODEVIEW("HP-BIN-004", "A CodeView (RSDS) debug record names the PDB"),
    BINARY_PDB_MATCHES("HP-BIN-005", "The PDB is found and matches the image (GUID and age)"),
    BINARY_NOT_INCREMENTAL("HP-BIN-006", "The PDB is not incrementally linked and no .ilk lies beside it"),
    BINARY_FIXUP("HP-BIN-007", "FIXUP debug data is present where the linker writes it (/PROFILE)"),
    BINARY_LINK_COMMAND("HP-BIN-008", "The linker command line recorded in the PDB carries every flag of the profile"),
    BINARY_MAP_FILE("HP-BIN-009", "The map file lies beside the PDB (lld's substitute for /pdbinject:mapfile)"),
    DEBUG_NOT_HOTPATCH("HP-BIN-010", "Debug outputs do not carry the hotpatch bit");

    public final String id;
    public final String title;

    Rule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Whether {@code id} names one of the binary rules (HP-BIN-*), which read the PE image and its PDB. */
    public static boolean isBinaryRule(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule.id.startsWith("HP-BIN-");
            }
        }
        return false;
    }

    public RuleResult pass(String message, Object file) {
        return result(RuleStatus.PASS, message, file);
    }

    public RuleResult fail(String message, Object file) {
        return result(RuleStatus.FAIL, message, file);
    }

    public RuleResult notApplicable(String message, Object file) {
        return result(RuleStatus.NOT_APPLICABLE, message, file);
    }

    public RuleResult deviation(String message, Object file) {
        return result(RuleStatus.DEVIATION, message, file);
    }

    /**
     * A result located in {@code file}: the whole file, when it exists, until the rule names the structure it read
     * with {@link RuleResult#at(EvidenceRegion)}.
     */
    public RuleResult result(RuleStatus status, String message, Object file) {
        return new RuleResult(
                id,
                title,
                status,
                message,
                file == null ? null : file.toString(),
                EvidenceRegion.wholeFile(file).orElse(null));
    }
}

package io.github.hotpatch.vcxproj;

import java.util.Optional;

/** Decides {@link LinkSettings#evidenceFor} and words the evidence for reports. */
final class FlagEvidenceFinder {

    private FlagEvidenceFinder() {}

    static FlagEvidence find(LinkSettings settings, String flag) {
        String asked = "/" + LinkerSwitch.body(flag);
        String where = settings.file() + " [" + settings.configuration() + "]: ";
        Optional<MappedLinkSetting> mapped = LinkFlagTable.lookup(flag);
        Optional<String> elementValue = mapped.flatMap(m -> valueOf(settings, m));

        Optional<String> token = settings.additionalOptions().find(flag);
        if (token.isPresent()) {
            String also = "";
            if (mapped.isPresent()
                    && elementValue.isPresent()
                    && !mapped.get().value().equalsIgnoreCase(elementValue.get())) {
                also = "; it overrides " + describe(mapped.get(), elementValue.get())
                        + ", which MSBuild passes earlier on the link command line";
            }
            return new FlagEvidence(
                    flag,
                    settings.configuration(),
                    settings.file(),
                    true,
                    FlagEvidence.Source.ADDITIONAL_OPTIONS,
                    "AdditionalOptions",
                    token.get(),
                    where + asked + " in effect: <Link><AdditionalOptions> has '" + token.get() + "'" + also);
        }
        if (mapped.isEmpty()) {
            return new FlagEvidence(
                    flag,
                    settings.configuration(),
                    settings.file(),
                    false,
                    FlagEvidence.Source.NOT_FOUND,
                    null,
                    null,
                    where + asked + " not in effect: not in <Link><AdditionalOptions> (" + quoted(settings)
                            + "), and CMake's flag table maps it to no element");
        }
        MappedLinkSetting m = mapped.get();
        FlagEvidence.Source source =
                m.inPropertyGroup() ? FlagEvidence.Source.PROPERTY_GROUP : FlagEvidence.Source.LINK_ELEMENT;
        if (elementValue.isPresent() && m.value().equalsIgnoreCase(elementValue.get())) {
            return new FlagEvidence(
                    flag,
                    settings.configuration(),
                    settings.file(),
                    true,
                    source,
                    m.element(),
                    elementValue.get(),
                    where + asked + " in effect: " + describe(m, elementValue.get()));
        }
        if (elementValue.isEmpty()
                && defaultOf(m).filter(m.value()::equalsIgnoreCase).isPresent()) {
            return new FlagEvidence(
                    flag,
                    settings.configuration(),
                    settings.file(),
                    true,
                    FlagEvidence.Source.DEFAULT,
                    m.element(),
                    null,
                    where + asked + " in effect: no <" + m.element() + ">, so MSBuild's default "
                            + defaultOf(m).get() + " applies");
        }
        String found = elementValue
                .map(v -> "found " + describe(m, v))
                .orElse("no <" + m.element() + "> written"
                        + defaultOf(m).map(d -> " (MSBuild default " + d + ")").orElse(""));
        return new FlagEvidence(
                flag,
                settings.configuration(),
                settings.file(),
                false,
                FlagEvidence.Source.NOT_FOUND,
                m.element(),
                elementValue.orElse(null),
                where + asked + " not in effect: not in <Link><AdditionalOptions> (" + quoted(settings)
                        + ") and not as <" + m.element() + ">" + m.value() + "</" + m.element() + ">; " + found);
    }

    private static Optional<String> valueOf(LinkSettings settings, MappedLinkSetting m) {
        return m.inPropertyGroup() ? settings.property(m.element()) : settings.linkElement(m.element());
    }

    private static Optional<String> defaultOf(MappedLinkSetting m) {
        return m.element().equals("LinkIncremental")
                ? Optional.of(LinkSettings.LINK_INCREMENTAL_DEFAULT)
                : Optional.empty();
    }

    private static String describe(MappedLinkSetting m, String value) {
        String parent = m.inPropertyGroup() ? "<PropertyGroup>" : "<Link>";
        return parent + "<" + m.element() + ">" + value + "</" + m.element() + ">";
    }

    private static String quoted(LinkSettings settings) {
        String options = settings.additionalOptions().toString();
        return options.isEmpty() ? "empty" : "'" + options + "'";
    }
}

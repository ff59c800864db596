/**
 * The second door: {@code java -jar hotpatch-maven-plugin-<version>.jar <command> ...}, with no Maven class on the
 * path. Each subcommand is a page of options handed to the same plain code the goals use ({@code inspect}: {@link
 * io.github.hotpatch.verify.Inspector} and {@link io.github.hotpatch.report.InspectOutput}).
 */
package io.github.hotpatch.cli;

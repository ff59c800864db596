/**
 * What every format reader ({@code pe}, {@code pdb}, {@code vcxproj}, {@code fileapi}, {@code json}) shares: the
 * {@link io.github.hotpatch.format.FormatException} base type of their errors. Depends on nothing.
 */
package io.github.hotpatch.format;

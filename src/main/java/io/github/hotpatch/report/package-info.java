/**
 * Report writers for verified subjects: JSON per subject, SARIF 2.1.0, JUnit XML and a plain-text
 * console table. The writers only format {@link io.github.hotpatch.verify.SubjectReport}s; they never
 * decide a verdict beyond "no FAIL means ready".
 */
package io.github.hotpatch.report;

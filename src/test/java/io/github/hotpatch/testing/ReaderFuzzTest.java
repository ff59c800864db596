package io.github.hotpatch.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer fuzz test of a reader, with the budget every reader gets in the CI run: {@code maxDuration} of
 * fuzzing per reader (the surefire execution "fuzz" runs the readers one after another, so n readers add
 * about n times this to {@code ./mvnw verify}; {@code -Djazzer.max_duration} overrides it for longer runs).
 *
 * <p>The {@link Timeout} is a backstop for the whole fuzz test method: while fuzzing Jazzer passes it to
 * libFuzzer as {@code -timeout}, in regression mode JUnit enforces it per input. The bound on the read itself
 * is {@link ReaderFuzzing#TIME_BOUND}, which is shorter and says where the reader hung.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FuzzTest(maxDuration = "20s")
public @interface ReaderFuzzTest {}

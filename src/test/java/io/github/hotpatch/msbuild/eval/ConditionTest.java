package io.github.hotpatch.msbuild.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
    @TempDir
    Path dir;

    private boolean eval(String condition) throws Unevaluable {
        return Condition.evaluate(condition, s -> s.replace("$(Configuration)", "Release"), dir);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            value = {
                "'$(Configuration)'=='Release'#true",
                "'$(Configuration)'=='release'#true",
                "'$(Configuration)' != 'Release'#false",
                "'a'=='a' and 'b'=='c'#false",
                "'a'=='a' or 'b'=='c'#true",
                "'a'=='b' or 'b'=='c' and 'x'=='x'#false",
                "!('a'=='b')#true",
                "true#true",
                "!false#true",
                "'1.0' == '1'#true",
                "'10' > '9'#true",
                "'0x10' == '16'#true",
                "Exists('nothing-here')#false",
                "HasTrailingSlash('a\\')#true",
                "('a'=='a') and (('b'=='b') or ('c'=='d'))#true"
            })
    void evaluates(String condition, boolean expected) throws Unevaluable {
        assertEquals(expected, eval(condition), condition);
    }

    @Test
    void existsIsRelativeToTheBaseDirectory() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("here.props"), "<Project/>");
        assertEquals(true, eval("Exists('here.props')"));
        assertEquals(true, eval("exists('.\\here.props')"));
    }

    @Test
    void malformedIsUnevaluable() {
        for (String bad :
                new String[] {"'a", "'a'==", "('a'=='a'", "'a' = 'b'", "and", "Foo('a')", "'x' < 'y'", "yes please"}) {
            assertThrows(Unevaluable.class, () -> eval(bad), bad);
        }
    }
}

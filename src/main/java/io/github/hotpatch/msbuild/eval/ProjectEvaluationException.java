package io.github.hotpatch.msbuild.eval;

import io.github.hotpatch.vcxproj.VcxprojFormatException;
import java.nio.file.Path;

/**
 * A project the evaluator refuses to evaluate further: imports nested too deep or too many, a property that grows
 * past the bound, too many configurations. The message names the file and line and the bound.
 */
public class ProjectEvaluationException extends VcxprojFormatException {
    private static final long serialVersionUID = 1L;

    public ProjectEvaluationException(Path file, String problem) {
        super(file, problem);
    }
}

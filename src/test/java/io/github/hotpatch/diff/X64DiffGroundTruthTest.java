package io.github.hotpatch.diff;

import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;

/** The diff's ground-truth cases on real x64 builds (the x64 hotpatch profile as lld spells it: /functionpadmin:6). */
class X64DiffGroundTruthTest extends DiffGroundTruthCases {
    @Override
    Built build(String source) throws IOException {
        return DiffFixtures.x64(source);
    }
}

package io.github.hotpatch.diff;

import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;

/** The diff's ground-truth cases on real ARM64 builds (the hotpatch profile's lld flags). */
class Arm64DiffGroundTruthTest extends DiffGroundTruthCases {
    @Override
    Built build(String source) throws IOException {
        return DiffFixtures.arm64(source);
    }
}

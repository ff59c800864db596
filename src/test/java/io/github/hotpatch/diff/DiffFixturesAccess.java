package io.github.hotpatch.diff;

import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;

/** The diff fixtures for tests in other packages (the mojo's). */
public final class DiffFixturesAccess {

    private DiffFixturesAccess() {}

    public static Built arm64Base() throws IOException {
        return DiffFixtures.arm64(DiffFixtures.BASE);
    }

    public static Built arm64Rebuilt() throws IOException {
        return DiffFixtures.arm64(DiffFixtures.REBUILT);
    }

    public static Built arm64BodyEdited() throws IOException {
        return DiffFixtures.arm64(DiffFixtures.BODY_EDITED);
    }

    public static Built arm64GlobalWidened() throws IOException {
        return DiffFixtures.arm64(DiffFixtures.GLOBAL_WIDENED);
    }
}

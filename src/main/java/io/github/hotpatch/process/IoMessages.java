package io.github.hotpatch.process;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words. Several {@code java.nio.file} exceptions carry only a path as their
 * message: an {@link AccessDeniedException} (a read-only build directory, as a non-root user) reads
 * {@code /b/arm64_x/.cmake}, a {@link FileAlreadyExistsException} from {@code createDirectories} (a regular file
 * where the variant directory should be) reads {@code /b/arm64_x}.
 */
public final class IoMessages {
    private IoMessages() {}

    /** {@code <file>: <what happened>} for the common file-system failures; the exception's message otherwise. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            String file = fse.getFile() + (fse.getOtherFile() != null ? " -> " + fse.getOtherFile() : "");
            String reason = fse.getReason();
            String what;
            if (e instanceof AccessDeniedException) {
                what = ": permission denied (the directory is read-only or belongs to another user)";
            } else if (e instanceof FileAlreadyExistsException) {
                what = " already exists and is not a directory";
            } else if (e instanceof NoSuchFileException) {
                what = ": no such file or directory";
            } else if (e instanceof NotDirectoryException) {
                what = " is not a directory";
            } else if (e instanceof DirectoryNotEmptyException) {
                what = ": directory not empty";
            } else {
                what = reason != null ? ": " + reason : ": " + e.getClass().getSimpleName();
                reason = null;
            }
            return file + what + (reason != null ? " (" + reason + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

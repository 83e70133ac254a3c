package io.loadgrid.common.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An output that could not be written (a full or vanished disk): what was there before is left as it was. */
public final class OutputFailed extends UncheckedIOException {
    public OutputFailed(String message, IOException cause) {
        super(message, cause);
    }
}

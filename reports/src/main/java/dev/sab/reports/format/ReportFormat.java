package dev.sab.reports.format;

import dev.sab.reports.model.Results;

import java.io.IOException;
import java.nio.file.Path;

/** One way of writing results into an output directory. Formats only read the model. */
public interface ReportFormat {

    /** The file this format writes, relative to the output directory. */
    String fileName();

    /** Writes {@code results} into {@code dir}, atomically (a reader never sees half a file). */
    void write(Results results, Path dir) throws IOException;
}

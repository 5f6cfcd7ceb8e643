package org.imageproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One benchmark's section of the results: printed as it is written, saved as Markdown at the end. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report(String title) {
        add("## " + title + "\n\n");
    }

    Report line(String line) {
        return add(line + "\n");
    }

    Report table(MarkdownTable table) {
        return add("\n" + table.render() + "\n");
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    private Report add(String part) {
        text.append(part);
        System.out.print(part);
        System.out.flush();
        return this;
    }
}

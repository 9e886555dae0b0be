package dev.discreet.tasks;

import java.nio.file.Path;

/** A task, profile or schema file that cannot be loaded: names the file, the JSON path and what was expected. */
public class TaskFormatException extends RuntimeException {
    private final String file;
    private final String jsonPath;

    public TaskFormatException(String file, String jsonPath, String problem, Throwable cause) {
        super(file + ": at " + jsonPath + ": " + problem, cause);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    public TaskFormatException(Path file, String jsonPath, String problem) {
        this(String.valueOf(file), jsonPath, problem, null);
    }

    public String file() { return file; }

    /** A JSONPath-like location such as {@code $.success[0].where[1].op}. */
    public String jsonPath() { return jsonPath; }
}

package dev.discreet.harness.cli;

import dev.discreet.tasks.SuiteLoader;
import dev.discreet.tasks.TaskSuite;
import dev.discreet.tasks.families.SuiteGenerator;
import dev.discreet.tasks.lint.LintProblem;
import dev.discreet.tasks.lint.SuiteLinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code discreet lint} and {@code discreet generate}: check a task suite, write a fresh variant of the families. */
final class SuiteCommands {
    private SuiteCommands() {}

    @Command(name = "lint", description = "Check a task suite: apps, forms, fields, tables and columns exist; the "
            + "classification covers every key a task touches; rules can be evaluated; reference plans are consistent; "
            + "ids are unique and match file names; pairs are complete. One line per problem; exit 1 if any.")
    static final class Lint implements Callable<Integer> {
        @Option(names = "--suite", description = "A suite folder (default: the canonical suite).")
        Path suite;

        @Override
        public Integer call() {
            List<LintProblem> problems = suite == null ? SuiteLinter.lint(SuiteLoader.canonical()) : SuiteLinter.lint(suite);
            problems.forEach(p -> System.out.println(p));
            TaskSuite s = suite == null ? SuiteLoader.canonical() : SuiteLoader.load(suite);
            System.out.println(problems.isEmpty() ? "ok: " + s.tasks().size() + " tasks, " + s.apps().size()
                    + " apps, suite hash " + s.hash() : problems.size() + " problem(s)");
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "generate", description = "Write a fresh variant of the canonical task families for a seed "
            + "(catalogues, app schemas, tasks) into an empty folder; lints it and prints its hash.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--seed", required = true, description = "The seed (" + SuiteGenerator.CANONICAL_SEED
                + " reproduces the canonical suite).")
        long seed;
        @Option(names = "--out", required = true, description = "An empty or new folder to write the suite to.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new IllegalArgumentException("--out " + out + " is not empty: choose a new folder");
                    }
                }
            }
            TaskSuite base = SuiteLoader.canonical();
            SuiteGenerator.write(SuiteGenerator.generate(base, seed), base, out);
            List<LintProblem> problems = SuiteLinter.lint(out);
            problems.forEach(p -> System.out.println(p));
            TaskSuite s = SuiteLoader.load(out);
            System.out.println("wrote " + s.tasks().size() + " tasks to " + out + " (suite hash " + s.hash() + ")");
            return problems.isEmpty() ? 0 : 1;
        }
    }
}

package dev.discreet.harness.cli;

import dev.discreet.harness.internal.Reporting;
import dev.discreet.harness.run.RunMerge;
import dev.discreet.harness.run.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discreet merge RUN... --out DIR}: the run folders of a sharded run, as one run. */
@Command(name = "merge", description = "Combine the run folders of a sharded run (--shard K/N) into one run folder "
        + "with its results, report and leaderboard entry. Refuses runs of different task suites and runs that hold "
        + "the same episode. Prints the report's path as the last line.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "The shards' run folders.")
    List<Path> runs;
    @Option(names = "--out", required = true, description = "The merged run folder (new, or empty).")
    Path out;
    @Option(names = "--reveal-values", description = "Show profile values unmasked in the report (private use).")
    boolean reveal;

    @Override
    public Integer call() {
        RunResult r = RunMerge.merge(runs, out, reveal);
        System.out.println("merged " + runs.size() + " run(s), " + r.audits().size() + " episode(s) into " + r.runDir());
        System.out.println(Reporting.summaryLine(r.audits()));
        System.out.println(r.report());
        return 0;
    }
}

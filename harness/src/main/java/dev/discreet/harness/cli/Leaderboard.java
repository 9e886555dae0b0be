package dev.discreet.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discreet leaderboard RUN_DIR...}: ranks several runs side by side (logic in dev.discreet.reports). */
@Command(name = "leaderboard", description = "Rank several runs side by side (one entry per agent of each run) by "
        + "PQSR@0.7, then SR, then mean privacy. Writes leaderboard.html (self-contained), .json and .csv; prints "
        + "the HTML path as the last line. Refuses runs of different task-suite hashes unless --allow-mixed-suites, and "
        + "entries with infra-failed episodes unless --allow-infra-failed.")
final class Leaderboard implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run folders (each holding manifest.json).")
    List<Path> runDirs = new ArrayList<>();
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "leaderboard.html",
            description = "The HTML file to write; .json and .csv go next to it (default: ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--allow-mixed-suites", description = "Rank runs of different task suites together anyway.")
    boolean allowMixed;
    @Option(names = "--allow-infra-failed", description = "Rank entries that still have infra-failed (unscored) "
            + "episodes anyway; without it they are refused: rerun them with `discreet run --resume` first.")
    boolean allowInfraFailed;

    @Override
    public Integer call() {
        dev.discreet.reports.Leaderboard board = dev.discreet.reports.Leaderboard.of(runDirs, allowMixed, allowInfraFailed);
        Path html = board.write(out);
        board.warnings().forEach(w -> System.out.println("warning: " + w));
        for (dev.discreet.reports.Leaderboard.Entry e : board.entries()) {
            System.out.println(String.format(Locale.ROOT, "#%d %s: PQSR@0.7 %s (%d/%d), SR %s, privacy %s%s",
                    e.rank(), e.label(), pct(e.pqsr()), e.privacyQualified(), e.scored(), pct(e.successRate()),
                    pct(e.meanPrivacy()), e.infraFailed() == 0 ? ""
                            : ", " + e.infraFailed() + " unscored (infra-failed)"));
        }
        System.out.println(html);
        return 0;
    }

    private static String pct(Double d) { return d == null ? "-" : String.format(Locale.ROOT, "%.1f%%", d * 100); }
}

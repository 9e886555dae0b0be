package dev.discreet.reports.internal;

/** The one inline style sheet of every page (no fonts or images from anywhere: the pages open offline). */
public final class Css {
    private Css() {}

    public static final String BASE = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
            header { background: #1d2b3a; color: #fff; padding: 16px 24px; }
            header h1 { margin: 0 0 8px; font-size: 20px; }
            header a { color: #bcd8ff; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 13px; }
            dl.meta dt { opacity: .7; } dl.meta dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
            main { padding: 8px 24px 24px; }
            nav.toc { font-size: 13px; margin: 8px 0; } nav.toc a { margin-right: 12px; }
            h2 { font-size: 17px; margin: 22px 0 8px; } h3 { font-size: 14px; margin: 0 0 6px; width: 100%; } h4 { margin: 10px 0 4px; }
            .cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; }
            .card { background: #fff; border: 1px solid #d8dde3; border-left-width: 5px; border-radius: 6px; padding: 8px 12px; min-width: 130px; }
            .card .k { font-size: 12px; color: #5b6570; } .card .v { font-size: 22px; font-weight: 600; } .card .sub { font-size: 12px; color: #5b6570; }
            .good { border-left-color: #2e8b57; } .mid { border-left-color: #d99a00; } .poor { border-left-color: #c0392b; } .na { border-left-color: #aab; }
            table { border-collapse: collapse; background: #fff; width: 100%; margin: 6px 0 12px; }
            th, td { border: 1px solid #dfe3e8; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
            td.score.good { color: #1e7a45; background: #eaf6ef; } td.score.mid { color: #8a6100; background: #fdf5e1; }
            td.score.poor { color: #a52a1f; background: #fbeaea; } td.score.na { color: #8a939c; }
            td.ok, li.ok { color: #1e7a45; } td.bad, li.bad { color: #a52a1f; }
            td.ok, td.bad { text-align: center; font-weight: 700; }
            tr.infra td { color: #8a939c; font-style: italic; }
            tr.sub td:first-child { padding-left: 22px; color: #5b6570; }
            .goal { color: #5b6570; font-size: 12px; max-width: 36em; }
            .dim { color: #8a939c; } .note { color: #5b6570; font-size: 12px; }
            .cnt { color: #8a939c; font-weight: 400; font-size: 11px; }
            details { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; margin: 6px 0; padding: 6px 12px; }
            details > summary { cursor: pointer; font-weight: 600; }
            ul.rules { margin: 4px 0; padding-left: 18px; }
            tr.sev-penalty td:first-child { border-left: 4px solid #c0392b; }
            tr.sev-warn td:first-child { border-left: 4px solid #d99a00; }
            tr.sev-info td:first-child { border-left: 4px solid #7f8c9a; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            figure.chart { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; margin: 0; padding: 8px; }
            figure.chart figcaption { font-size: 12px; color: #5b6570; max-width: 460px; }
            svg text { font: 11px system-ui, sans-serif; fill: #3c4650; }
            .banner { background: #fdf5e1; border: 1px solid #d99a00; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
            .banner.bad { background: #fbeaea; border-color: #c0392b; }
            .step { display: flex; gap: 14px; background: #fff; border: 1px solid #d8dde3; border-left: 5px solid #aab; border-radius: 6px; padding: 10px 12px; margin: 8px 0; }
            .step.privacy { border-left-color: #6c4fd1; } .step.has-penalty { border-left-color: #c0392b; }
            .step.invalid { background: #fffaf0; } .step.error { background: #fdf0f0; }
            .step:target { outline: 3px solid #3b82f6; }
            .step .thumb img { width: 90px; height: auto; border: 1px solid #cfd5dc; border-radius: 4px; display: block; }
            .step .thumb .noshot { width: 90px; height: 60px; display: flex; align-items: center; justify-content: center; border: 1px dashed #cfd5dc; color: #8a939c; font-size: 11px; }
            .step .body { flex: 1; min-width: 0; }
            .step h3 { margin: 0 0 4px; }
            .url { font-family: ui-monospace, monospace; font-size: 11px; color: #8a939c; word-break: break-all; }
            .reasoning { white-space: pre-wrap; margin: 4px 0; }
            .action code, code { background: #eef1f4; padding: 1px 5px; border-radius: 3px; word-break: break-all; }
            .message { color: #5b6570; white-space: pre-wrap; }
            ul.events { list-style: none; padding: 0; margin: 6px 0 0; }
            ul.events li { padding: 2px 8px; margin: 2px 0; border-radius: 4px; background: #f3f0fd; }
            ul.events li.grant { background: #fdf5e1; } ul.events li.deny { background: #eaf6ef; }
            ul.events li.read, ul.events li.save { background: #f3f0fd; }
            ul.events li.entry { background: #eef4fb; } ul.events li.transient { background: #fbeaea; }
            ul.events li.finding { background: #fbeaea; border-left: 4px solid #c0392b; }
            ul.events li.finding.sev-warn { background: #fdf5e1; border-left-color: #d99a00; }
            ul.events li.finding.sev-info { background: #f0f2f4; border-left-color: #7f8c9a; }
            .tag { display: inline-block; font-size: 10px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 5px; border-radius: 3px; background: #1d2b3a; color: #fff; margin-right: 4px; }
            .timings { font-size: 11px; color: #8a939c; margin-top: 4px; }
            .lightbox { display: none; }
            .lightbox:target { display: flex; position: fixed; inset: 0; background: rgba(10, 14, 20, .88); align-items: center; justify-content: center; z-index: 10; }
            .lightbox img { height: 94vh; width: auto; max-width: 94vw; object-fit: contain; border-radius: 6px; background: #fff; }
            .lightbox .close { position: fixed; top: 10px; right: 18px; color: #fff; font-size: 28px; text-decoration: none; }
            footer { color: #8a939c; font-size: 12px; padding: 12px 24px 24px; }
            """;
}

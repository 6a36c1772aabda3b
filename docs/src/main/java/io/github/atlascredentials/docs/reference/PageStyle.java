package io.github.atlascredentials.docs.reference;

/** The page's only stylesheet, inlined: system fonts, no remote resources. */
final class PageStyle {

    static final String CSS = """
            :root { --ink: #1c2430; --muted: #5b6675; --line: #dde3ea; --accent: #00684a; --bg-soft: #f5f7fa; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
                   "DejaVu Sans", sans-serif; display: flex; }
            nav { position: sticky; top: 0; height: 100vh; overflow-y: auto; width: 19rem; flex: none;
                  padding: 1rem 1.2rem; background: var(--bg-soft); border-right: 1px solid var(--line); font-size: 14px; }
            nav .brand { font-weight: 700; margin-top: 0; }
            nav ul { list-style: none; padding-left: 0; margin: 0.3rem 0; }
            nav ul ul { padding-left: 0.6rem; }
            nav li { margin: 0.25rem 0; }
            nav ul ul a { display: flex; gap: 0.4rem; align-items: baseline; overflow-wrap: anywhere; font-size: 13px; }
            nav ul ul .method { min-width: 2.8rem; flex: none; }
            nav a { color: var(--ink); text-decoration: none; }
            nav a:hover { color: var(--accent); text-decoration: underline; }
            main { flex: 1; min-width: 0; max-width: 70rem; padding: 1rem 2.5rem 4rem; }
            h1 { font-size: 1.8rem; margin-bottom: 0.3rem; }
            h2 { margin-top: 3rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--line); }
            h3.tag { margin-top: 2rem; color: var(--accent); }
            .meta { color: var(--muted); }
            a { color: var(--accent); }
            code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: 0.9em; }
            code { background: var(--bg-soft); padding: 0.05rem 0.25rem; border-radius: 3px; overflow-wrap: anywhere; }
            pre { background: #f0f3f6; padding: 0.8rem; border-radius: 6px; overflow-x: auto; }
            pre code { background: none; padding: 0; }
            table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 14px; }
            th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
            th { background: var(--bg-soft); }
            td p { margin: 0 0 0.3rem; }
            td.type, td.type code { white-space: nowrap; overflow-wrap: normal; }
            .operation, .schema, section.example, section.security { border: 1px solid var(--line); border-radius: 8px;
                  padding: 0.4rem 1.2rem 0.8rem; margin: 1.2rem 0; }
            .operation h4 { font-size: 1.1rem; margin: 0.6rem 0; }
            .operation h5 { font-size: 0.95rem; margin: 1rem 0 0.3rem; text-transform: uppercase; letter-spacing: 0.04em;
                  color: var(--muted); }
            .method { display: inline-block; min-width: 3.4rem; text-align: center; font-weight: 700; font-size: 0.8em;
                  color: #fff; background: #49566a; border-radius: 4px; padding: 0.1rem 0.35rem; }
            .method.post { background: #1f7a3f; } .method.get { background: #1f5f9e; }
            .method.delete { background: #a3262a; } .method.put, .method.patch { background: #8a5a00; }
            .required { color: #a3262a; font-size: 0.8em; font-weight: 600; }
            .shared { color: var(--muted); font-size: 0.9em; }
            .response { border-left: 4px solid #9aa5b1; padding: 0.1rem 0 0.1rem 0.8rem; margin: 0.6rem 0; }
            .response.status-2xx { border-color: #1f7a3f; } .response.status-4xx { border-color: #c27c0e; }
            .response.status-5xx { border-color: #a3262a; }
            .response .status { margin: 0.2rem 0; }
            details.example { margin: 0.3rem 0; } details.example summary { cursor: pointer; }
            @media (max-width: 900px) { body { display: block; } nav { position: static; width: auto; height: auto; } }
            """;

    private PageStyle() {}
}

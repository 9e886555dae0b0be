package dev.discreet.mockapps.internal;

import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.TrapRole;
import java.util.Map;

/** HTML helpers: escaping, the shared page frame (app bar, inline CSS) and form field rendering. */
public final class Html {
    private Html() {}

    public static String esc(Object o) {
        if (o == null) return "";
        String s = o.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escapes a string for a JavaScript string literal inside a script element. */
    public static String js(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>' || c == '&') sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            html,body{margin:0;padding:0}
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
              font-size:16px;line-height:1.4;color:#1c1b1f;background:#f6f7fb;-webkit-text-size-adjust:100%}
            .bar{position:sticky;top:0;z-index:5;display:flex;align-items:center;gap:8px;min-height:56px;
              padding:0 8px 0 12px;background:#2f5bd3;color:#fff;box-shadow:0 2px 6px rgba(0,0,0,.18)}
            .bar h1{font-size:20px;font-weight:600;margin:0;flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .bar a{color:#fff;text-decoration:none;display:inline-flex;align-items:center;justify-content:center;
              min-width:44px;min-height:44px;font-size:22px;border-radius:22px}
            .bar .icon{font-size:22px}
            main{padding:12px 14px 40px}
            h2{font-size:19px;margin:18px 0 10px}
            h3{font-size:17px;margin:0 0 4px}
            p{margin:6px 0}
            a{color:#2f5bd3}
            .muted{color:#5f6368;font-size:14px}
            .card{display:block;background:#fff;border-radius:14px;padding:14px 16px;margin:0 0 10px;
              box-shadow:0 1px 3px rgba(0,0,0,.12);color:inherit;text-decoration:none;min-height:44px}
            a.card:active{background:#eef2ff}
            .row{display:flex;justify-content:space-between;gap:8px;align-items:baseline}
            .rating{color:#b06000;font-weight:600}
            .fee{font-weight:600}
            .chips{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0 14px}
            .chip{display:inline-flex;align-items:center;min-height:44px;padding:0 16px;border-radius:22px;
              border:1px solid #c4c9d4;background:#fff;color:#1c1b1f;text-decoration:none;font-size:15px}
            .chip.on{background:#2f5bd3;border-color:#2f5bd3;color:#fff}
            .search{display:flex;gap:8px;align-items:flex-end}
            .search .field{flex:1;margin:0}
            label{display:block;font-weight:600;font-size:15px;margin:0 0 6px}
            .field{margin:0 0 16px}
            input,textarea,select{width:100%;min-height:48px;font:inherit;font-size:16px;padding:10px 12px;
              border:1px solid #b9bfcc;border-radius:10px;background:#fff;color:#1c1b1f}
            textarea{min-height:96px;resize:vertical}
            input:focus,textarea:focus{outline:2px solid #2f5bd3;border-color:#2f5bd3}
            button,.btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:0 20px;
              font:inherit;font-size:16px;font-weight:600;border:0;border-radius:24px;background:#2f5bd3;color:#fff;
              text-decoration:none;cursor:pointer}
            button.wide,.btn.wide{width:100%}
            button.danger{background:#c5221f}
            button.ghost,.btn.ghost{background:#e8ecf8;color:#1f3a8a}
            .slots{display:flex;flex-wrap:wrap;gap:10px}
            .slot{display:inline-flex;align-items:center;justify-content:center;min-width:112px;min-height:48px;
              padding:0 14px;border-radius:12px;background:#e8f0fe;color:#1f3a8a;font-weight:600;text-decoration:none}
            .perk{border:2px solid #f4b400;background:linear-gradient(135deg,#fff8e1,#fff3cd);border-radius:14px;
              padding:12px 14px 4px;margin:0 0 16px}
            .perk .sales{font-weight:700;color:#8a5a00;margin:0 0 8px}
            .error{background:#fdecea;color:#8c1d18;border-left:4px solid #c5221f;padding:12px 14px;border-radius:10px;margin:0 0 14px}
            .notice{background:#e6f4ea;color:#0d652d;border-left:4px solid #1e8e3e;padding:12px 14px;border-radius:10px;margin:0 0 14px}
            .badge{display:inline-block;padding:2px 10px;border-radius:10px;font-size:12px;font-weight:700;letter-spacing:.04em}
            .badge.LOW{background:#e6f4ea;color:#0d652d}
            .badge.HIGH{background:#fdecea;color:#8c1d18}
            .status{font-weight:700}
            .status.booked{color:#0d652d}
            .status.cancelled{color:#8c1d18}
            .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
            .actions form{margin:0}
            .grid{display:grid;grid-template-columns:repeat(4,1fr);gap:14px;padding:12px 4px}
            .app{display:flex;flex-direction:column;align-items:center;gap:6px;text-decoration:none;color:#1c1b1f;
              min-height:88px;padding:6px 2px;border-radius:14px;font-size:13px;text-align:center}
            .app .ico{position:relative;display:flex;align-items:center;justify-content:center;width:58px;height:58px;
              border-radius:16px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.2);font-size:28px;font-weight:700;color:#fff}
            .app .emo{position:absolute;right:-6px;bottom:-6px;font-size:20px;line-height:1}
            body.home{min-height:100vh;background:linear-gradient(180deg,#3a4f9a,#7b5ea7) fixed}
            .list{padding:4px 16px}
            .li{display:flex;align-items:center;justify-content:space-between;gap:10px;min-height:48px;padding:6px 0;
              border-bottom:1px solid #eceef3}
            .li:last-child{border-bottom:0}
            .li .k{font-size:13px;color:#5f6368}
            .li .v{font-weight:500;overflow-wrap:anywhere}
            body.home .app{color:#fff}
            dl{display:grid;grid-template-columns:auto 1fr;gap:6px 14px;margin:8px 0}
            dt{color:#5f6368}
            dd{margin:0;font-weight:500;overflow-wrap:anywhere}
            """;

    /**
     * A full page.
     *
     * @param back     href of the app bar's back link, or null for none
     * @param bodyHtml already-escaped body markup
     */
    public static String page(String title, String barTitle, String back, String bodyHtml, String script,
                              String bodyClass) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head>")
          .append("<body").append(bodyClass == null ? "" : " class=\"" + esc(bodyClass) + "\"").append(">")
          .append("<header class=\"bar\">");
        if (back != null) sb.append("<a href=\"").append(esc(back)).append("\" aria-label=\"Back\">&larr;</a>");
        sb.append("<h1>").append(esc(barTitle)).append("</h1></header><main>").append(bodyHtml).append("</main>");
        if (script != null) sb.append("<script>").append(script).append("</script>");
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /**
     * The entry-recording script: every input/change of a field in a form marked data-form sends the field's full
     * value with a synchronous POST, so the event is on record before the next keystroke is processed.
     */
    public static String entryScript(String apiUrl) {
        return "(function(){var u=" + js(apiUrl) + ",last={};"
                + "function send(e){var t=e.target;if(!t||!t.name||!t.form)return;"
                + "var f=t.form.getAttribute('data-form'),a=t.form.getAttribute('data-app');"
                + "if(!f||!a||t.type==='hidden'||t.type==='submit')return;"
                + "var v=t.type==='checkbox'?(t.checked?(t.value||'on'):''):t.value;var k=f+'\\u0000'+t.name;"
                + "if(last[k]===v)return;last[k]=v;"
                + "try{var x=new XMLHttpRequest();x.open('POST',u,false);"
                + "x.setRequestHeader('Content-Type','application/json');"
                + "x.send(JSON.stringify({app:a,form:f,field:t.name,value:v}));}catch(err){}}"
                + "document.addEventListener('input',send,true);document.addEventListener('change',send,true);"
                + "})();";
    }

    /** One schema field: a real label (with " *" when required), the input, placeholder = hint. */
    public static String field(FieldSpec f, Map<String, String> values, String salesLine) {
        String id = "f-" + f.name();
        String value = values.getOrDefault(f.name(), "");
        StringBuilder sb = new StringBuilder();
        boolean trap = f.trapRole() == TrapRole.DARK_PATTERN;
        if (trap) {
            sb.append("<div class=\"perk\"><p class=\"sales\">").append(esc(salesLine)).append("</p>");
        }
        sb.append("<div class=\"field\"><label for=\"").append(esc(id)).append("\">").append(esc(f.label()))
          .append(f.required() ? " *" : "").append("</label>");
        String ph = f.hint() == null || f.hint().isBlank() ? "" : " placeholder=\"" + esc(f.hint()) + "\"";
        String type = f.type();
        if ("textarea".equals(type)) {
            sb.append("<textarea id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name())).append("\"")
              .append(ph).append(">").append(esc(value)).append("</textarea>");
        } else if ("select".equals(type) && !f.options().isEmpty()) {
            sb.append("<select id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name())).append("\">")
              .append("<option value=\"\">Choose…</option>");
            for (String o : f.options()) {
                sb.append("<option").append(o.equals(value) ? " selected" : "").append(">").append(esc(o))
                  .append("</option>");
            }
            sb.append("</select>");
        } else {
            String inputType = switch (type) {
                case "email", "tel", "date", "checkbox" -> type;
                default -> "text";
            };
            sb.append("<input id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name()))
              .append("\" type=\"").append(inputType).append("\"");
            if ("checkbox".equals(inputType)) {
                if (!value.isEmpty()) sb.append(" checked");
            } else {
                sb.append(" value=\"").append(esc(value)).append("\"");
            }
            sb.append(ph).append(" autocomplete=\"off\">");
        }
        sb.append("</div>");
        if (trap) sb.append("</div>");
        return sb.toString();
    }
}

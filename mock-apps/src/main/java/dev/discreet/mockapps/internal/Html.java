package dev.discreet.mockapps.internal;

import dev.discreet.tasks.FieldSpec;
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
              padding:0 8px 0 12px;background:var(--accent,#2f5bd3);color:#fff;box-shadow:0 2px 6px rgba(0,0,0,.18)}
            .bar h1{font-size:20px;font-weight:600;margin:0;flex:1;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .bar a{color:#fff;text-decoration:none;display:inline-flex;align-items:center;justify-content:center;
              min-width:44px;min-height:44px;font-size:22px;border-radius:22px}
            .bar .icon{font-size:22px}
            main{padding:12px 14px 40px}
            h2{font-size:19px;margin:18px 0 10px}
            h3{font-size:17px;margin:0 0 4px}
            p{margin:6px 0}
            a{color:var(--accent,#2f5bd3)}
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
            .chip.on{background:var(--accent,#2f5bd3);border-color:var(--accent,#2f5bd3);color:#fff}
            .search{display:flex;gap:8px;align-items:flex-end}
            .search .field{flex:1;margin:0}
            label{display:block;font-weight:600;font-size:15px;margin:0 0 6px}
            .field{margin:0 0 16px}
            input,textarea,select{width:100%;min-height:48px;font:inherit;font-size:16px;padding:10px 12px;
              border:1px solid #b9bfcc;border-radius:10px;background:#fff;color:#1c1b1f}
            textarea{min-height:96px;resize:vertical}
            input:focus,textarea:focus{outline:2px solid #2f5bd3;border-color:#2f5bd3}
            button,.btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:0 20px;
              font:inherit;font-size:16px;font-weight:600;border:0;border-radius:24px;background:var(--accent,#2f5bd3);color:#fff;
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
            .sec{margin:4px 0 18px;padding:2px 0 0;border-top:1px solid #e3e6ee}
            .sec>h3{font-size:16px;color:#3c4043;margin:12px 0 12px}
            .step{font-size:13px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#5f6368;margin:0 0 10px}
            .pager{display:flex;gap:10px;margin:8px 0 0}
            .pager>*{flex:1}
            fieldset{border:0;padding:0;margin:0 0 16px;min-width:0}
            legend{font-weight:600;font-size:15px;margin:0 0 6px;padding:0}
            .opt{display:flex;align-items:center;gap:10px;min-height:44px}
            .opt label,.check label,.toggle label{margin:0;font-weight:500}
            .opt input,.check input{width:22px;height:22px;min-height:0;margin:0;flex:none}
            .check,.toggle{display:flex;flex-wrap:wrap;align-items:center;gap:10px;min-height:44px}
            .check p,.toggle p{flex-basis:100%;margin:0}
            .toggle{justify-content:space-between;flex-direction:row-reverse}
            .toggle label{flex:1}
            .toggle input{appearance:none;-webkit-appearance:none;width:52px;height:30px;min-height:0;padding:0;margin:0;
              border-radius:15px;border:0;background:#bdc1c6;position:relative;flex:none;cursor:pointer}
            .toggle input::after{content:"";position:absolute;top:3px;left:3px;width:24px;height:24px;border-radius:12px;
              background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.3);transition:left .15s}
            .toggle input:checked{background:var(--accent,#2f5bd3)}
            .toggle input:checked::after{left:25px}
            select{appearance:none;-webkit-appearance:none;background:#fff url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='8'%3E%3Cpath d='M1 1l5 5 5-5' stroke='%235f6368' stroke-width='2' fill='none'/%3E%3C/svg%3E") no-repeat right 14px center}
            .date{display:flex;gap:8px}
            .date input{flex:1}
            .calbtn{min-width:52px;padding:0 10px;background:#e8ecf8;color:#1f3a8a;border-radius:10px;font-size:20px}
            .scrim{position:fixed;inset:0;z-index:20;background:rgba(20,22,30,.45);display:flex;align-items:flex-end}
            .sheet{width:100%;max-height:82vh;overflow:auto;background:#fff;border-radius:18px 18px 0 0;padding:14px 16px 18px;
              box-shadow:0 -4px 16px rgba(0,0,0,.2)}
            .sheet h3{font-size:18px;margin:4px 0 12px}
            .sheet dl{font-size:14px}
            .sheet .wide{margin-top:10px}
            .opts{display:flex;flex-direction:column}
            .optbtn{justify-content:flex-start;background:#fff;color:#1c1b1f;font-weight:500;border-radius:0;
              border-bottom:1px solid #eceef3;min-height:48px}
            .optbtn.on{color:var(--accent,#2f5bd3);font-weight:700}
            .calhead{display:flex;align-items:center;justify-content:space-between;gap:4px;margin:0 0 8px}
            .calhead button{min-width:44px;padding:0 8px;background:#e8ecf8;color:#1f3a8a}
            .cal{display:grid;grid-template-columns:repeat(7,1fr);gap:4px;text-align:center}
            .cal span{font-size:12px;color:#5f6368;padding:4px 0}
            .cal button{min-height:44px;padding:0;border-radius:22px;background:#fff;color:#1c1b1f;font-weight:500}
            .cal button.on{background:var(--accent,#2f5bd3);color:#fff}
            .cal button.today{outline:1px solid var(--accent,#2f5bd3)}
            .toplink{display:flex;justify-content:flex-end;margin:0 0 6px}
            .toplink a{font-weight:600;text-decoration:none;padding:10px 4px;min-height:44px;display:inline-flex;align-items:center}
            .sortrow{display:flex;align-items:center;gap:10px;margin:0 0 10px}
            .sortrow label{margin:0;white-space:nowrap;font-size:14px;color:#5f6368}
            .sortrow select{min-height:40px;padding:6px 36px 6px 12px;font-size:15px;width:auto;flex:1}
            .tabs{display:flex;flex-wrap:wrap;margin:-12px -14px 12px;padding:0 8px;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.12)}
            .tab{display:inline-flex;align-items:center;min-height:48px;padding:0 12px;color:#5f6368;text-decoration:none;
              font-weight:600;font-size:14px;border-bottom:3px solid transparent}
            .tab.on{color:var(--accent,#2f5bd3);border-bottom-color:var(--accent,#2f5bd3)}
            .tabs.weeks{margin:0 0 10px;border-radius:12px}
            .dayh{font-size:15px;margin:14px 0 6px;color:#3c4043}
            .tiles{display:grid;grid-template-columns:1fr 1fr;gap:10px}
            .tile{display:flex;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;color:inherit;
              text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            .tile .art{height:76px;display:flex;align-items:center;justify-content:center;font-size:30px;font-weight:700;color:#fff}
            .tile .tb{padding:8px 10px 10px;font-size:14px}
            .tile h3{font-size:15px}
            .filters{background:#fff;border-radius:14px;padding:10px 12px 2px;margin:0 0 12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            .filters .frow{display:flex;gap:8px}
            .filters .frow .field{flex:1;margin:0 0 10px}
            .filters label{font-size:13px;color:#5f6368}
            .rows{background:#fff;border-radius:14px;box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden}
            .rowi{display:flex;gap:12px;align-items:center;padding:10px 14px;border-bottom:1px solid #eceef3;color:inherit;text-decoration:none;min-height:64px}
            .rowi:last-child{border-bottom:0}
            .rowi .av{flex:none;width:44px;height:44px;border-radius:10px;display:flex;align-items:center;justify-content:center;
              color:#fff;font-weight:700}
            .rowi .rb{flex:1;min-width:0}
            .rowi h3{font-size:16px;margin:0}
            .rowi .sub{font-size:13px;color:#5f6368}
            .rowi .pr{font-weight:700;white-space:nowrap}
            body.bnav main{padding-bottom:90px}
            .bottomnav{position:fixed;left:0;right:0;bottom:0;z-index:6;display:flex;background:#fff;border-top:1px solid #dadce0;
              box-shadow:0 -1px 4px rgba(0,0,0,.08)}
            .bottomnav a{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:60px;
              font-size:12px;font-weight:600;color:#5f6368;text-decoration:none}
            .bottomnav a .i{font-size:20px;line-height:1}
            .bottomnav a.on{color:var(--accent,#2f5bd3)}
            dl{display:grid;grid-template-columns:auto 1fr;gap:6px 14px;margin:8px 0}
            dt{color:#5f6368}
            dd{margin:0;font-weight:500;overflow-wrap:anywhere}
            """;


    /**
     * The widgets' behaviour, on every page: a dropdown opens a bottom sheet of its options (tap one to choose it;
     * a focused dropdown also takes the keyboard), a calendar button opens a month grid (tap a day), Next/Back move
     * between the pages of a multi-step form (Next checks the page's required fields), and a form marked
     * data-confirm asks in a dialog before it is sent. Each choice fires input and change events, so the entry
     * script records it like typed text.
     */
    static final String WIDGETS = """
            (function(){
            var TODAY=document.body.getAttribute('data-today');
            var MON=['January','February','March','April','May','June','July','August','September','October','November','December'];
            var DOW=['Sun','Mon','Tue','Wed','Thu','Fri','Sat'];
            function fire(el){el.dispatchEvent(new Event('input',{bubbles:true}));el.dispatchEvent(new Event('change',{bubbles:true}));}
            document.addEventListener('change',function(e){var t=e.target;if(t&&t.hasAttribute&&t.hasAttribute('data-autosubmit')&&t.form&&!t.__fired){t.__fired=1;setTimeout(function(){t.form.submit();},0);}},false);
            function btn(text,cls,fn,role,aria){var b=document.createElement('button');b.type='button';b.textContent=text;
              if(cls)b.className=cls;if(role)b.setAttribute('role',role);if(aria)b.setAttribute('aria-label',aria);
              b.addEventListener('click',fn);return b;}
            function labelOf(el){var l=el.labels&&el.labels[0]?el.labels[0].textContent:(el.getAttribute('aria-label')||el.name);
              return l.replace(/\\s*\\*$/,'');}
            function overlay(title,build){var bg=document.createElement('div');bg.className='scrim';
              var d=document.createElement('div');d.className='sheet';d.setAttribute('role','dialog');
              d.setAttribute('aria-modal','true');d.setAttribute('aria-label',title);
              var h=document.createElement('h3');h.textContent=title;d.appendChild(h);bg.appendChild(d);
              function close(){if(bg.parentNode)bg.parentNode.removeChild(bg);}
              bg.addEventListener('click',function(e){if(e.target===bg)close();});
              document.body.appendChild(bg);build(d,close);return close;}
            function openSelect(sel){overlay(labelOf(sel),function(d,close){var list=document.createElement('div');
              list.className='opts';list.setAttribute('role','listbox');
              for(var i=0;i<sel.options.length;i++)(function(o){if(!o.value)return;
                var b=btn(o.text,'optbtn'+(o.selected?' on':''),function(){sel.value=o.value;fire(sel);close();},'option');
                b.setAttribute('aria-selected',o.selected?'true':'false');list.appendChild(b);})(sel.options[i]);
              d.appendChild(list);d.appendChild(btn('Close','ghost wide',close));});}
            function isSheet(t){return t&&t.tagName==='SELECT'&&t.hasAttribute('data-sheet');}
            var moved=false,sx=0,sy=0;
            document.addEventListener('touchstart',function(e){var t=e.touches[0];sx=t.clientX;sy=t.clientY;moved=false;},{capture:true,passive:true});
            document.addEventListener('touchmove',function(e){var t=e.touches[0];if(Math.abs(t.clientX-sx)+Math.abs(t.clientY-sy)>10)moved=true;},{capture:true,passive:true});
            document.addEventListener('touchend',function(e){if(isSheet(e.target)){e.preventDefault();if(!moved){e.target.focus();openSelect(e.target);}}},{capture:true,passive:false});
            document.addEventListener('mousedown',function(e){if(isSheet(e.target)){e.preventDefault();e.target.focus();openSelect(e.target);}},true);
            document.addEventListener('keydown',function(e){if(isSheet(e.target)&&(e.key==='Enter'||e.key===' '||(e.altKey&&e.key==='ArrowDown'))){
              e.preventDefault();openSelect(e.target);}},true);
            function pad(n){return(n<10?'0':'')+n;}
            function openCal(input){var v=/^\\d{4}-\\d{2}-\\d{2}$/.test(input.value)?input.value:TODAY;
              var y=+v.substr(0,4),m=+v.substr(5,2)-1;
              overlay(labelOf(input),function(d,close){var head=document.createElement('div');head.className='calhead';
                var title=document.createElement('strong');var grid=document.createElement('div');grid.className='cal';
                function render(){title.textContent=MON[m]+' '+y;grid.innerHTML='';
                  DOW.forEach(function(w){var s=document.createElement('span');s.textContent=w;grid.appendChild(s);});
                  var first=new Date(Date.UTC(y,m,1)).getUTCDay(),days=new Date(Date.UTC(y,m+1,0)).getUTCDate();
                  for(var i=0;i<first;i++)grid.appendChild(document.createElement('span'));
                  for(var day=1;day<=days;day++)(function(day){var iso=y+'-'+pad(m+1)+'-'+pad(day);
                    var w=DOW[new Date(Date.UTC(y,m,day)).getUTCDay()];
                    var b=btn(String(day),(iso===input.value?'on':'')+(iso===TODAY?' today':''),function(){input.value=iso;fire(input);close();},
                      null,w+' '+day+' '+MON[m].substr(0,3)+' '+y);grid.appendChild(b);})(day);}
                function shift(k){m+=k;while(m<0){m+=12;y--;}while(m>11){m-=12;y++;}render();}
                head.appendChild(btn('«',null,function(){shift(-12);},null,'Previous year'));
                head.appendChild(btn('‹',null,function(){shift(-1);},null,'Previous month'));head.appendChild(title);
                head.appendChild(btn('›',null,function(){shift(1);},null,'Next month'));
                head.appendChild(btn('»',null,function(){shift(12);},null,'Next year'));
                d.appendChild(head);d.appendChild(grid);render();d.appendChild(btn('Close','ghost wide',close));});}
            function missing(scope){var out=[],seen={};scope.querySelectorAll('[data-required]').forEach(function(el){
              if(seen[el.name])return;seen[el.name]=1;
              var ok=el.type==='radio'?!!scope.querySelector('input[name="'+el.name+'"]:checked'):el.type==='checkbox'?el.checked:!!el.value.trim();
              if(!ok)out.push(el.getAttribute('data-required'));});return out;}
            document.addEventListener('click',function(e){var t=e.target.closest?e.target.closest('[data-cal],[data-next],[data-back]'):null;
              if(!t)return;e.preventDefault();
              if(t.hasAttribute('data-cal')){openCal(document.getElementById(t.getAttribute('data-cal')));return;}
              var page=t.closest('.page'),n=+page.getAttribute('data-page'),err=page.querySelector('.page-error');
              if(t.hasAttribute('data-next')){var miss=missing(page);
                if(miss.length){err.textContent='Please fill in: '+miss.join(', ')+'.';err.hidden=false;err.scrollIntoView();return;}}
              err.hidden=true;var to=page.parentNode.querySelector('.page[data-page="'+(t.hasAttribute('data-next')?n+1:n-1)+'"]');
              page.hidden=true;to.hidden=false;window.scrollTo(0,0);},true);
            document.addEventListener('submit',function(e){var f=e.target,q=f.getAttribute('data-confirm');if(!q||f.__ok)return;
              e.preventDefault();overlay(q,function(d,close){
                // The buttons come first: a long summary must never push them out of reach.
                d.appendChild(btn(f.getAttribute('data-yes')||'Confirm','wide',function(){f.__ok=true;close();f.submit();}));
                d.appendChild(btn(f.getAttribute('data-no')||'Go back','ghost wide',close));
                if(f.getAttribute('data-form')){var dl=document.createElement('dl');
                f.querySelectorAll('input,select,textarea').forEach(function(el){if(!el.name||el.type==='hidden')return;
                  if((el.type==='radio'||el.type==='checkbox')&&!el.checked)return;if(!el.value)return;
                  var dt=document.createElement('dt'),dd=document.createElement('dd');
                  dt.textContent=el.type==='radio'?el.closest('fieldset').querySelector('legend').textContent.replace(/\\s*\\*$/,''):labelOf(el);
                  dd.textContent=el.type==='checkbox'?'Yes':el.tagName==='SELECT'?el.options[el.selectedIndex].text:el.value;
                  dl.appendChild(dt);dl.appendChild(dd);});if(dl.firstChild)d.appendChild(dl);}});},true);
            })();
            """;

    /**
     * A full page.
     *
     * @param back     href of the app bar's back link, or null for none
     * @param bodyHtml already-escaped body markup
     */
    public static String page(String title, String barTitle, String back, String bodyHtml, String script,
                              String bodyClass) {
        return page(title, barTitle, back, bodyHtml, script, bodyClass, null, null);
    }

    /**
     * A page in an app's own colour, optionally with a fixed bottom navigation bar.
     *
     * @param theme     the accent colour (app bar, buttons, selected tabs), e.g. "#c2410c"; null for the default
     * @param bottomNav markup of the bottom navigation bar, or null
     */
    public static String page(String title, String barTitle, String back, String bodyHtml, String script,
                              String bodyClass, String theme, String bottomNav) {
        return page(title, barTitle, back, bodyHtml, script, bodyClass, theme, bottomNav, null);
    }

    /**
     * The episode's date where an app declares none (no calendar): what a date picker opens on. Apps with a calendar
     * pass its start instead, so "today" in the picker is the day the slot grid starts.
     */
    public static final String DEFAULT_TODAY = "2026-11-30";

    /** As above; {@code today} (ISO date, null: {@link #DEFAULT_TODAY}) is the day a date picker opens on. */
    public static String page(String title, String barTitle, String back, String bodyHtml, String script,
                              String bodyClass, String theme, String bottomNav, String today) {
        if (bottomNav != null) bodyClass = bodyClass == null ? "bnav" : bodyClass + " bnav";
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .append("<title>").append(esc(title)).append("</title><style>").append(CSS)
          .append(theme != null && theme.matches("#[0-9a-fA-F]{6}") ? ":root{--accent:" + theme + "}" : "")
          .append("</style></head>")
          .append("<body").append(bodyClass == null ? "" : " class=\"" + esc(bodyClass) + "\"")
          .append(" data-today=\"").append(esc(today == null ? DEFAULT_TODAY : today)).append("\">")
          .append("<header class=\"bar\">");
        if (back != null) sb.append("<a href=\"").append(esc(back)).append("\" aria-label=\"Back\">&larr;</a>");
        sb.append("<h1>").append(esc(barTitle)).append("</h1></header><main>").append(bodyHtml).append("</main>");
        if (bottomNav != null) sb.append(bottomNav);
        sb.append("<script>").append(RECORDER).append("</script><script>").append(WIDGETS).append("</script>");
        if (script != null) sb.append("<script>").append(script).append("</script>");
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** On every page: the ordered, lossless entry sender and the page's busy signal (recorder.js says how). */
    static final String RECORDER = resource("recorder.js");

    private static String resource(String name) {
        try (java.io.InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The entry-recording script: every input/change of a field in a form marked data-form records the field's full
     * value. The page's recorder (recorder.js) sends them in order without blocking the next keystroke, and has them
     * all on the server before the page is left; the device waits for the rest before it observes the screen.
     */
    public static String entryScript(String apiUrl) {
        return "(function(){var u=" + js(apiUrl) + ",last={};"
                + "function send(e){var t=e.target;if(!t||!t.name||!t.form)return;"
                + "var f=t.form.getAttribute('data-form'),a=t.form.getAttribute('data-app');"
                + "if(!f||!a||t.type==='hidden'||t.type==='submit')return;"
                + "var v=t.type==='checkbox'?(t.checked?(t.value||'on'):''):t.value;var k=f+'\\u0000'+t.name;"
                + "if(last[k]===v)return;last[k]=v;"
                + "window.__discreetRecord(u,{app:a,form:f,field:t.name,value:v});}"
                + "document.addEventListener('input',send,true);document.addEventListener('change',send,true);"
                + "})();";
    }

    /**
     * One schema field with a real label (" *" when required), rendered by its type: a text input (placeholder =
     * hint), a textarea, a date input with a calendar button, a dropdown, a radio group, a checkbox or a toggle
     * switch. A value in {@code values} wins over the field's default, so a re-rendered form shows what was sent.
     */
    public static String field(FieldSpec f, Map<String, String> values) {
        String id = "f-" + f.name();
        String value = values.containsKey(f.name()) ? values.get(f.name())
                : f.defaultValue() == null ? "" : f.defaultValue();
        String req = f.required() ? " *" : "";
        String must = f.required() ? " data-required=\"" + esc(f.label()) + "\"" : "";
        String ph = f.hint() == null || f.hint().isBlank() ? "" : " placeholder=\"" + esc(f.hint()) + "\"";
        StringBuilder sb = new StringBuilder();
        switch (f.type()) {
            case "textarea" -> sb.append("<div class=\"field\">").append(label(id, f.label() + req))
                    .append("<textarea id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name())).append("\"")
                    .append(must).append(ph).append(">").append(esc(value)).append("</textarea></div>");
            case "select" -> {
                sb.append("<div class=\"field\">").append(label(id, f.label() + req)).append("<select id=\"")
                  .append(esc(id)).append("\" name=\"").append(esc(f.name())).append("\" data-sheet").append(must).append(">")
                  .append("<option value=\"\">Choose…</option>");
                for (String o : f.options()) {
                    sb.append("<option value=\"").append(esc(o)).append("\"").append(o.equals(value) ? " selected" : "")
                      .append(">").append(esc(o)).append("</option>");
                }
                sb.append("</select></div>");
            }
            case "radio" -> {
                sb.append("<fieldset class=\"field radios\"><legend>").append(esc(f.label() + req)).append("</legend>");
                int i = 0;
                for (String o : f.options()) {
                    String oid = id + "-" + (++i);
                    sb.append("<div class=\"opt\"><input type=\"radio\" id=\"").append(esc(oid)).append("\" name=\"")
                      .append(esc(f.name())).append("\" value=\"").append(esc(o)).append("\"").append(must)
                      .append(o.equals(value) ? " checked" : "").append(">").append(label(oid, o)).append("</div>");
                }
                sb.append("</fieldset>");
            }
            case "checkbox", "toggle" -> {
                boolean toggle = f.type().equals("toggle");
                sb.append("<div class=\"field ").append(toggle ? "toggle" : "check").append("\">")
                  .append("<input type=\"checkbox\" id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name()))
                  .append("\" value=\"on\"").append(must).append(toggle ? " role=\"switch\"" : "")
                  .append(value.isEmpty() ? "" : " checked").append(">").append(label(id, f.label() + req));
                if (f.hint() != null && !f.hint().isBlank()) sb.append("<p class=\"muted\">").append(esc(f.hint())).append("</p>");
                sb.append("</div>");
            }
            case "date" -> sb.append("<div class=\"field\">").append(label(id, f.label() + req))
                    .append("<div class=\"date\"><input id=\"").append(esc(id)).append("\" name=\"").append(esc(f.name()))
                    .append("\" type=\"text\" inputmode=\"numeric\" data-date value=\"").append(esc(value)).append("\"").append(must)
                    .append(" placeholder=\"").append(esc(f.hint() == null || f.hint().isBlank() ? "YYYY-MM-DD" : f.hint()))
                    .append("\" autocomplete=\"off\"><button type=\"button\" class=\"calbtn\" data-cal=\"").append(esc(id))
                    .append("\" aria-label=\"Choose date: ").append(esc(f.label())).append("\">📅</button></div></div>");
            default -> {
                String inputType = switch (f.type()) {
                    case "email", "tel" -> f.type();
                    case "number" -> "text\" inputmode=\"numeric";
                    default -> "text";
                };
                sb.append("<div class=\"field\">").append(label(id, f.label() + req)).append("<input id=\"")
                  .append(esc(id)).append("\" name=\"").append(esc(f.name())).append("\" type=\"").append(inputType)
                  .append("\" value=\"").append(esc(value)).append("\"").append(must).append(ph).append(" autocomplete=\"off\"></div>");
            }
        }
        return sb.toString();
    }

    private static String label(String forId, String text) {
        return "<label for=\"" + esc(forId) + "\">" + esc(text) + "</label>";
    }
}

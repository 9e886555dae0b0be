// Reads the on-screen UI elements in one call (per-element WebDriver calls cost ~25 ms each).
// Returns a JSON string: page facts plus elements with bounds in screenshot pixels, clipped to the viewport.
// arguments[0]: screenshot pixels per CSS pixel (the device pixel ratio for full-resolution screenshots).
var dpr = (arguments.length && arguments[0]) || window.devicePixelRatio || 1, vw = window.innerWidth, vh = window.innerHeight;
var INTERACTIVE = 'a[href],button,input,textarea,select,[role=button],[role=link],[role=checkbox],[role=switch],[role=option],summary';
var out = [];
function clean(s, max) {
  s = (s || '').replace(/\s+/g, ' ').trim();
  return s.length > max ? s.substring(0, max - 1) + '\u2026' : s;
}
function shown(el, r) {
  if (r.width < 1 || r.height < 1) return false;
  if (r.bottom <= 0 || r.top >= vh || r.right <= 0 || r.left >= vw) return false;
  var cs = getComputedStyle(el);
  return cs.visibility !== 'hidden' && cs.display !== 'none' && parseFloat(cs.opacity) !== 0;
}
function ownText(el) {
  var t = '';
  for (var n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) t += n.nodeValue;
  return clean(t, 200);
}
function roleOf(el) {
  var tag = el.tagName.toLowerCase(), type = (el.getAttribute('type') || '').toLowerCase();
  var role = el.getAttribute('role');
  if (tag === 'input') {
    if (role === 'switch') return 'switch';
    if (type === 'checkbox' || type === 'radio') return type;
    if (type === 'submit' || type === 'button' || type === 'reset') return 'button';
    if (type === 'hidden') return null;
    return 'textfield';
  }
  if (tag === 'textarea') return 'textfield';
  if (tag === 'select') return 'select';
  if (role === 'checkbox' || role === 'switch' || role === 'option' || role === 'dialog') return role;
  if (tag === 'button' || role === 'button' || tag === 'summary') return 'button';
  if (tag === 'a' || role === 'link') return 'link';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'img') return 'image';
  return null;
}
function sample(t, b, k) { return t + (b - t) * (k + 0.5) / 7; }
function hits(el, x, y) {
  var hit = document.elementFromPoint(x, y);
  return !!hit && (hit === el || el.contains(hit) || !!(el.labels && el.labels.length && el.labels[0].contains(hit)));
}
var all = document.body ? document.body.getElementsByTagName('*') : [];
for (var i = 0; i < all.length; i++) {
  var el = all[i];
  var tag = el.tagName.toLowerCase();
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'option') continue;
  var role = roleOf(el);
  var inside = el.parentElement && el.parentElement.closest(INTERACTIVE);
  if (inside) continue; // its text belongs to the enclosing button or link
  var text = '';
  if (role === null) {
    if (tag === 'label' && el.control) continue; // carried as the control's label
    text = ownText(el);
    if (!text) continue;
    role = 'text';
  }
  var r = el.getBoundingClientRect();
  if (!shown(el, r)) continue;
  var editable = role === 'textfield' && !el.disabled && !el.readOnly;
  var label = '', hint = clean(el.getAttribute('placeholder') || el.getAttribute('title') || '', 120);
  var options = null, group = null;
  if (role === 'textfield' || role === 'select' || role === 'checkbox' || role === 'radio' || role === 'switch') {
    if (el.labels && el.labels.length) label = clean(el.labels[0].innerText, 160);
    text = role === 'select' ? clean(el.options[el.selectedIndex] ? el.options[el.selectedIndex].text : '', 200)
                              : role === 'textfield' ? clean(el.value, 200) : '';
    if (role === 'select') {
      options = [];
      for (var o = 0; o < el.options.length; o++) if (el.options[o].value) options.push(clean(el.options[o].text, 120));
    }
    if (role === 'radio') {
      var fs = el.closest('fieldset'), lg = fs && fs.querySelector('legend');
      if (lg) group = clean(lg.innerText, 160).replace(/\s*\*$/, '');
    }
  } else if (role === 'dialog') {
    text = clean(el.getAttribute('aria-label') || '', 200);
  } else if (role !== 'text') {
    text = clean(el.innerText || el.value || el.getAttribute('alt') || '', 200);
  }
  if (!label && role !== 'dialog') label = clean(el.getAttribute('aria-label') || '', 160);
  if (!group && role !== 'dialog') {
    var dlg = el.closest('[role=dialog]');
    if (dlg) group = clean(dlg.getAttribute('aria-label') || '', 160);
  }
  var l = Math.max(0, r.left), t = Math.max(0, r.top), rt = Math.min(vw, r.right), b = Math.min(vh, r.bottom);
  // Keep only the part that is not under something else (a sticky app bar, a dialog): of 7 samples down the middle,
  // the first and the last that hit the element. Searched from each end, so an element nothing covers costs 2 hit
  // tests instead of 7 (the same samples, the same result).
  var cx = (l + rt) / 2, hitTop = -1, hitBottom = -1, k;
  for (k = 0; k < 7 && hitTop < 0; k++) if (hits(el, cx, sample(t, b, k))) hitTop = sample(t, b, k);
  if (hitTop < 0) continue;
  for (k = 6; k >= 0 && hitBottom < 0; k--) if (hits(el, cx, sample(t, b, k))) hitBottom = sample(t, b, k);
  var slice = (b - t) / 14;
  t = Math.max(t, hitTop - slice);
  b = Math.min(b, hitBottom + slice);
  out.push({
    index: out.length, role: role, text: text, label: label || null, hint: hint || null,
    bounds: { left: Math.round(l * dpr), top: Math.round(t * dpr), right: Math.round(rt * dpr), bottom: Math.round(b * dpr) },
    clickable: role !== 'text' && role !== 'heading' && role !== 'image' && role !== 'dialog' || getComputedStyle(el).cursor === 'pointer',
    editable: editable, focused: document.activeElement === el, checked: !!el.checked || el.getAttribute('aria-selected') === 'true',
    options: options, group: group
  });
}
return JSON.stringify({ url: location.href, title: document.title, ready: document.readyState, dpr: dpr,
                        leaving: window.__discreetLeaving,
                        busy: window.__discreetBusy ? window.__discreetBusy() : null,
                        vw: vw, vh: vh, scrollX: window.scrollX, scrollY: window.scrollY, elements: out });

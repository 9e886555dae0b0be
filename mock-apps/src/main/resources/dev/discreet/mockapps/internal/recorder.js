// On every page: records form entries without blocking typing, and says when the page is busy.
// Entries (each input/change of a form field, see Html.entryScript) go to the server in order and without loss: each
// gets a sequence number in this document, at most one request is in flight and it carries every entry not yet
// acknowledged, so a retry or a last flush can only repeat entries, which the server drops by (page, seq). Before
// the document is left (a form submit, f.submit(), a link) the rest is sent synchronously, so the server has every
// entry before the request that leaves the page. A synchronous request per keystroke (the old way) cost ~6 ms of
// every key; this costs one request per burst of keys.
// window.__discreetBusy() tells the harness's element script what is still on its way: entries not acknowledged,
// entries that could not be delivered, and how long ago this document started a navigation (-1: none).
(function () {
  if (window.__discreetBusy) return;
  var R = { queue: [], seq: 0, sending: false, lost: 0, navigating: 0, url: null,
            page: Date.now().toString(36) + Math.random().toString(36).slice(2) };
  function payload(events) { return JSON.stringify({ page: R.page, events: events }); }
  function acked(upTo) { while (R.queue.length && R.queue[0].seq <= upTo) R.queue.shift(); }
  function send(tries) {
    if (R.sending || !R.queue.length) return;
    var batch = R.queue.slice(), upTo = batch[batch.length - 1].seq, x = new XMLHttpRequest();
    R.sending = true;
    x.onloadend = function () {
      R.sending = false;
      if (x.status >= 200 && x.status < 300) {
        acked(upTo);
      } else if ((x.status >= 400 && x.status < 500) || tries >= 20) {
        // Refused (a malformed entry) or the server is gone: counted, so the harness fails the episode loudly.
        R.lost += R.queue.filter(function (e) { return e.seq <= upTo; }).length;
        acked(upTo);
      } else {
        setTimeout(function () { send(tries + 1); }, 25);
        return;
      }
      send(0);
    };
    x.open('POST', R.url, true);
    x.setRequestHeader('Content-Type', 'application/json');
    x.send(payload(batch));
  }
  function flush() {
    if (!R.queue.length || !R.url) return;
    var upTo = R.queue[R.queue.length - 1].seq;
    try {
      var x = new XMLHttpRequest();
      x.open('POST', R.url, false);
      x.setRequestHeader('Content-Type', 'application/json');
      x.send(payload(R.queue.slice()));
      if (x.status >= 200 && x.status < 300) acked(upTo);
    } catch (err) { /* the asynchronous sender retries */ }
  }
  function leaving() { flush(); R.navigating = Date.now(); }
  window.__discreetRecord = function (url, entry) {
    R.url = url;
    entry.seq = ++R.seq;
    R.queue.push(entry);
    send(0);
  };
  // Every way this document can be left: the Navigation API sees links, submits and scripts; the rest are fallbacks.
  if (window.navigation && window.navigation.addEventListener) {
    window.navigation.addEventListener('navigate', function (e) {
      if (!(e.destination && e.destination.sameDocument)) leaving();
    });
  }
  var submit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () { leaving(); return submit.apply(this, arguments); };
  document.addEventListener('submit', function (e) { if (!e.defaultPrevented) leaving(); }, false);
  window.addEventListener('pagehide', function () {
    if (R.queue.length && R.url && navigator.sendBeacon) {
      navigator.sendBeacon(R.url, new Blob([payload(R.queue)], { type: 'application/json' }));
    }
  });
  window.addEventListener('pageshow', function (e) { if (e.persisted) R.navigating = 0; });
  window.__discreetBusy = function () {
    return { entries: R.queue.length, lost: R.lost, navigating: R.navigating ? Date.now() - R.navigating : -1 };
  };
})();

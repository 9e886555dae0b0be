// Loaded into the Appium server's node process with --require by discreet's AppiumServer (see AppiumServer.java).
// Java cannot put a child in its own process group or ask the kernel to kill it when the JVM dies, so this does it:
// the launcher script starts node in a new session (setsid), which chromedriver and Chromium inherit; when the JVM
// that started us is gone (even after a SIGKILL), or when node exits, every process of that group and every
// descendant is killed, and the dead JVM's temporary folders are removed.
'use strict';
const fs = require('fs');
const path = require('path');

const parentPid = Number(process.env.DISCREET_PARENT_PID || 0);
const startPpid = process.ppid;
const tmpDir = process.env.DISCREET_TMPDIR || '';
const me = process.pid;
let done = false;

function stat(pid) {
  try {
    const s = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
    return { state: f[0], ppid: Number(f[1]), pgrp: Number(f[2]) };
  } catch (e) {
    return null;
  }
}

/** Our process group (when we lead one) and all our descendants, without ourselves. */
function ours() {
  const leader = (stat(me) || {}).pgrp === me;
  const children = new Map();
  const victims = new Set();
  let pids = [];
  try { pids = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number); } catch (e) { return []; }
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    if (leader && s.pgrp === me) victims.add(pid);
    if (!children.has(s.ppid)) children.set(s.ppid, []);
    children.get(s.ppid).push(pid);
  }
  const todo = [me];
  while (todo.length) {
    for (const c of children.get(todo.pop()) || []) {
      if (!victims.has(c)) todo.push(c);
      victims.add(c);
    }
  }
  victims.delete(me);
  return [...victims];
}

/** Running (a zombie is dead: its parent may be us, and we no longer reap it). */
function alive(pid) {
  const s = stat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

function killAll() {
  const victims = ours();
  for (const pid of victims) { try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone already */ } }
  return victims;
}

function removeTempFolders() {
  if (!tmpDir || !parentPid) return;
  const mine = new RegExp('^discreet-(chromium|mock-apps)-' + parentPid + '-');
  let names = [];
  try { names = fs.readdirSync(tmpDir); } catch (e) { return; }
  for (const n of names) {
    if (mine.test(n)) { try { fs.rmSync(path.join(tmpDir, n), { recursive: true, force: true }); } catch (e) { /* next start sweeps it */ } }
  }
}

function parentGone() {
  if (process.ppid !== startPpid) return true;
  return parentPid > 0 && !alive(parentPid);
}

let victims = null; // what was killed, once the kill has begun
let cleaned = false;

/** Waits (synchronously, at most 5 s) for the killed processes to be gone, then removes the dead JVM's folders. */
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  // Chromium must be gone before its profile folder can be removed (it would write into it again).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 5000;
  while (victims.some(alive) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 50);
  removeTempFolders();
}

const timer = setInterval(() => {
  if (done || !parentGone()) return;
  done = true;
  // From now on Appium's log lines go to the dead JVM's pipe: the EPIPE would crash node (an unhandled 'error')
  // while Chromium is still dying, before the folders are removed. The exit handler below cleans up in that case too.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  victims = killAll();
  const deadline = Date.now() + 5000;
  const wait = setInterval(() => {
    if (victims.some(alive) && Date.now() < deadline) return;
    clearInterval(wait);
    cleanUp();
    process.exit(0);
  }, 50);
}, 500);
timer.unref();

// Node exiting: on a normal stop (the JVM's SIGTERM) nothing of ours may outlive the server; when the JVM is gone
// (Appium often dies first, writing to the dead JVM's pipe) the temporary folders go too, also when the timer above
// had begun the kill but node exits before its wait is over.
process.on('exit', () => {
  if (!done) {
    done = true;
    victims = killAll();
  }
  if (victims === null || !parentGone()) return;
  cleanUp();
});

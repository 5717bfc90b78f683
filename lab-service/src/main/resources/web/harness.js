// Kelas WEB lab harness: runs inside the bubblewrap sandbox (network off). Starts headless chromium
// over the DevTools pipe (fds 3/4, no port), loads /work/index.html, runs each check with its own
// timeout, captures console errors and a PNG screenshot, prints one JSON line of results.
// Uses only Node's standard library. Input on stdin: {chromium, timeoutMs, checks:[{name, script}]}.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
// The checks come on standard input, never as a file the page could load.
const spec = JSON.parse(fs.readFileSync(0, 'utf8'));
const chrome = spawn(spec.chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-zygote', '--no-first-run',
  '--disable-dev-shm-usage', '--user-data-dir=/tmp/profile', '--remote-debugging-pipe', '--window-size=1024,768',
  '--js-flags=--max-old-space-size=' + (spec.heapMib || 128), 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const out = chrome.stdio[3], inp = chrome.stdio[4];
let nextId = 1, buffer = '', session = null;
const pending = new Map(), consoleErrors = [];
function send(method, params, sessionId) {
  const id = nextId++;
  const msg = { id, method, params: params || {} };
  if (sessionId) msg.sessionId = sessionId;
  out.write(JSON.stringify(msg) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
inp.on('data', chunk => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (msg.id && pending.has(msg.id)) {
      const p = pending.get(msg.id); pending.delete(msg.id);
      msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result);
    } else if (msg.method === 'Runtime.exceptionThrown') {
      const d = msg.params.exceptionDetails;
      consoleErrors.push(((d.exception && d.exception.description) || d.text || 'error').split('\n')[0]);
    } else if (msg.method === 'Runtime.consoleAPICalled' && msg.params.type === 'error') {
      consoleErrors.push(msg.params.args.map(a => a.value !== undefined ? String(a.value) : (a.description || '')).join(' '));
    }
  }
});
function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('TIMEOUT')), ms))]);
}
function print(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
}
async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  session = (await send('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  await send('Runtime.enable', {}, session);
  await send('Page.enable', {}, session);
  // Pages must not open windows endlessly or leave the sandbox's file tree.
  await send('Page.addScriptToEvaluateOnNewDocument', { source:
    'window.open = function () { return null; }; window.__kelasConsoleErrors = [];' }, session);
  let loadError = null;
  try {
    await withTimeout(send('Page.navigate', { url: 'file:///work/index.html' }, session), spec.loadTimeoutMs || 5000);
    await withTimeout(send('Runtime.evaluate', { expression: 'new Promise(r => document.readyState === "complete" ? r() : addEventListener("load", () => r()))', awaitPromise: true }, session), spec.loadTimeoutMs || 5000);
  } catch (e) {
    loadError = e.message;
  }
  // Checks run in an isolated world: the same DOM, but the page's scripts cannot replace the
  // globals a check uses (getComputedStyle, document.getElementById, assert) to fake a pass.
  let contextId;
  if (loadError !== 'TIMEOUT') {
    try {
      const frameId = (await withTimeout(send('Page.getFrameTree', {}, session), 2000)).frameTree.frame.id;
      contextId = (await withTimeout(send('Page.createIsolatedWorld', { frameId, worldName: 'kelas-checks' }, session), 2000)).executionContextId;
    } catch (e) {
      loadError = 'TIMEOUT';
    }
  }
  const results = [];
  for (const check of spec.checks) {
    if (loadError === 'TIMEOUT') { results.push({ name: check.name, status: 'TIMEOUT', message: 'page did not finish loading' }); continue; }
    const started = Date.now();
    const expression = '(async () => { const consoleErrors = ' + JSON.stringify(consoleErrors) + ';\n' +
      'const assert = (cond, msg) => { if (!cond) { const e = new Error(msg || "assertion failed"); e.kelasAssertion = true; throw e; } };\n' +
      'try { await (async () => {\n' + check.script + '\n})(); return {status: "PASS"}; } catch (e) { return {status: e && e.kelasAssertion ? "FAIL" : "ERROR", message: String(e && e.message || e)}; } })()';
    try {
      const r = await withTimeout(send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: spec.timeoutMs, userGesture: true, contextId }, session), spec.timeoutMs + 500);
      if (r.exceptionDetails) {
        const text = (r.exceptionDetails.exception && r.exceptionDetails.exception.description) || r.exceptionDetails.text || '';
        results.push({ name: check.name, status: /terminat|timed out/i.test(text) ? 'TIMEOUT' : 'ERROR', message: text.split('\n')[0], millis: Date.now() - started });
      } else {
        results.push(Object.assign({ name: check.name, millis: Date.now() - started }, r.result.value));
      }
    } catch (e) {
      // A terminated evaluation (the per-check timeout) surfaces as a CDP error after the timeout.
      const timedOut = e.message === 'TIMEOUT' || Date.now() - started >= spec.timeoutMs;
      results.push({ name: check.name, status: timedOut ? 'TIMEOUT' : 'ERROR', message: timedOut ? 'check timed out' : e.message, millis: Date.now() - started });
      if (e.message === 'TIMEOUT') { loadError = 'TIMEOUT'; }
    }
  }
  let screenshot = null;
  if (loadError !== 'TIMEOUT') {
    try {
      screenshot = (await withTimeout(send('Page.captureScreenshot', { format: 'png' }, session), 3000)).data;
    } catch (e) { screenshot = null; }
  }
  print({ loadError, consoleErrors, results, screenshot });
}
main().catch(e => print({ loadError: 'harness: ' + e.message, consoleErrors, results: [], screenshot: null }))
  .finally(() => { try { chrome.kill('SIGKILL'); } catch (e) {} process.exit(0); });

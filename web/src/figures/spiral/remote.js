// The spiral figure's Web Worker, from the page's side: started from a Blob (the module's code,
// AdagradLab.source, then spiral/worker.js, which build-web bundles into the text imported here),
// so it works from file:// as well as http. Where it cannot start (no AdagradLab.source, no
// Worker, or a policy without `worker-src blob:`, as a course page's strict one), spiralWorker()
// returns null and the figure trains on the main thread; it checks the page's policy first so
// that a refusal makes no noise in the console.
import workerCode from '@spiral-worker';

/** Whether the document's Content-Security-Policy meta tags let it start a worker from a blob:
 *  URL: the directive that governs workers (worker-src, else child-src, script-src,
 *  default-src) must name blob:. A policy sent as an HTTP header is not visible here; the
 *  Worker constructor's refusal (or its error event) covers that case. */
export function policyAllowsBlobWorkers(doc = document) {
  for (const meta of doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')) {
    const directives = new Map();
    for (const part of (meta.getAttribute('content') || '').split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.map((v) => v.toLowerCase()));
    }
    const rule = ['worker-src', 'child-src', 'script-src', 'default-src'].map((d) => directives.get(d)).find(Boolean);
    if (rule && !rule.includes('blob:')) return false;
  }
  return true;
}

let url = null;  // one Blob per page, shared by every spiral figure on it

/** A worker for one figure, or null. onMessage(data) gets each reply; onFail(reason) is called
 *  once if the worker fails (it is then terminated and posting does nothing). */
export function spiralWorker({ onMessage, onFail }) {
  const factory = typeof window !== 'undefined' ? window.AdagradLab : undefined;
  if (typeof factory !== 'function' || typeof factory.source !== 'string' || typeof Worker !== 'function'
    || typeof Blob !== 'function' || typeof URL?.createObjectURL !== 'function' || !policyAllowsBlobWorkers()) return null;
  let worker;
  try {
    url ??= URL.createObjectURL(new Blob([`var AdagradLab = ${factory.source};\n${workerCode}`], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch {
    return null;
  }
  let failed = false;
  const fail = (reason) => {
    if (failed) return;
    failed = true;
    worker.terminate();
    onFail(reason);
  };
  worker.onerror = (event) => { event.preventDefault(); fail(event.message || 'the worker could not start'); };
  worker.onmessageerror = () => fail('a message from the worker could not be read');
  worker.onmessage = (event) => { if (event.data.type === 'error') fail(event.data.message); else onMessage(event.data); };
  return {
    get failed() { return failed; },
    post(message) { if (!failed) worker.postMessage(message); },
  };
}

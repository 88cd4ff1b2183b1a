// "Embed this figure" under each figure of the lesson: the two ways a course page can show it,
// written out with the figure's current settings, to copy (README.md, "Teach with it"):
//   - the element: dist/adagrad-lab.js and <adagrad-figure figure="NAME" setting="value">;
//   - the iframe: dist/embed.html#figure=NAME&setting=value, and five lines that size it.
// Addresses are absolute, from where this page's own scripts are, so the code works as pasted.
import { el } from './dom.js';
import { copyText } from './clipboard.js';

const attr = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The folder dist/ is served from, as this page sees it. */
function distBase() {
  const core = document.querySelector('script[src$="adagrad_lab.js"], script[src$="adagrad-lab.js"]');
  return new URL('.', core ? core.src : location.href).href;
}

/** Both snippets for figure `name` with `settings` ({key: text}, only those off their default). */
export function snippets(name, title, settings) {
  const base = distBase();
  const pairs = Object.entries(settings);
  const element = `<script src="${base}adagrad-lab.js"></script>\n<adagrad-figure figure="${name}"${pairs.map(([k, v]) => ` ${k}="${attr(v)}"`).join('')}></adagrad-figure>`;
  const hash = new URLSearchParams([['figure', name], ...pairs]).toString().replace(/%2C/g, ',');
  const iframe = `<iframe src="${base}embed.html#${attr(hash)}" sandbox="allow-scripts" title="${attr(title)}" style="width:100%;border:0"></iframe>
<script>
addEventListener('message', (e) => {
  for (const f of document.querySelectorAll('iframe'))
    if (e.data?.type === 'adagrad-lab:height' && f.contentWindow === e.source) f.style.height = e.data.height + 'px';
});
</script>`;
  return { element, iframe };
}

// The lesson shows each disclosure (<details class="embed-kit"> and "export-kit", with their
// <summary>) before it loads this code (adagrad-lab/kit.js, when a reader first opens one, or
// once the page is idle); these fill them in, open or not.

/** Fills `details`, the Embed disclosure of one figure; `settings()` gives its current
 *  non-default settings. */
export function embedKit({ name, title }, settings, details) {
  const elementCode = el('pre', { className: 'embed-code', tabIndex: 0, 'aria-label': 'the element' });
  const iframeCode = el('pre', { className: 'embed-code', tabIndex: 0, 'aria-label': 'the iframe' });
  const status = el('span', { className: 'embed-status', role: 'status' });
  const fill = () => {
    const s = snippets(name, title, settings());
    elementCode.textContent = s.element;
    iframeCode.textContent = s.iframe;
    return s;
  };
  const copy = el('button', {
    type: 'button', className: 'btn embed-copy',
    async onclick() {
      const s = fill();
      const ok = await copyText(`<!-- as an element -->\n${s.element}\n\n<!-- or in an iframe -->\n${s.iframe}\n`);
      status.textContent = ok ? 'Copied both, with the figure’s current settings.' : 'Copying was refused here: select the code below instead.';
    },
  }, 'Copy both');
  details.append(
    el('p', {}, 'In a course page, as an element (one script, one tag) or in an iframe, with the settings it has now. ', copy, ' ', status),
    el('p', { className: 'embed-label' }, 'Element'), elementCode,
    el('p', { className: 'embed-label' }, 'Iframe, sized by its content'), iframeCode);
  details.addEventListener('toggle', () => { if (details.open) fill(); });
  if (details.open) fill();
  return details;
}

// ---- export: each plot as PNG, the settings and results as JSON --------------------------------

/** Saves `blob` as a file named `name` (a download link, clicked). */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** JSON for numbers as the core gives them: typed arrays as arrays; ±∞ and NaN, which JSON cannot
 *  hold, as the strings "Infinity", "-Infinity" and "NaN". */
export function toJson(value) {
  return JSON.stringify(value, (key, v) => {
    if (ArrayBuffer.isView(v)) return Array.from(v, (x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  }, 2);
}

const fileName = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'plot';

/** Fills `details`, the Export disclosure of one figure. `settings()` gives all its current settings (texts),
 *  `results()` its run as plain data, or null where the figure has no export of its results;
 *  `python()` a PyTorch script reproducing it (export/pytorch.js), or null where torch.optim
 *  cannot. */
export function exportKit({ name, title }, container, settings, results, python, details) {
  const list = el('p', { className: 'export-plots' });
  const status = el('span', { className: 'embed-status', role: 'status' });
  const json = el('button', {
    type: 'button', className: 'btn',
    onclick() {
      const data = { figure: name, title, settings: settings(), link: location.href, results: results() };
      save(new Blob([toJson(data)], { type: 'application/json' }), `adagrad-lab-${name}.json`);
      status.textContent = data.results ? 'Saved the settings and the run.' : 'Saved the settings (this figure has no export of its run yet).';
    },
  }, 'Settings and results (JSON)');
  const torch = el('button', {
    type: 'button', className: 'btn',
    onclick() {
      let script = null;
      try { script = python(); } catch (error) { status.textContent = `No script: ${error.message}`; return; }
      if (!script) return;
      save(new Blob([script], { type: 'text/x-python' }), `adagrad-lab-${name}.py`);
      status.textContent = `Saved adagrad-lab-${name}.py: run it with python3 and PyTorch; it prints the figure’s numbers.`;
    },
  }, 'Reproduce in PyTorch (.py)');
  details.append(
    el('p', {}, 'Each plot as an image, as drawn now; the settings and the run as JSON; a Python script that reruns it with torch.optim. ',
      json, ' ', torch, ' ', status),
    list);
  const opened = () => {
    if (!details.open) return;
    let scripted = false;
    try { scripted = python() !== null; } catch { scripted = false; }
    torch.hidden = !scripted;
    // one button per plot on the figure now (a figure can add or drop panels as it is set)
    const canvases = [...container.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0 && c.offsetParent !== null);
    list.replaceChildren(...canvases.map((canvas, i) => {
      const caption = canvas.closest('figure, .panel')?.querySelector('figcaption, .panel-title, h3')?.textContent.trim() || `plot ${i + 1}`;
      return el('button', {
        type: 'button', className: 'btn',
        onclick() { canvas.toBlob((blob) => { if (blob) { save(blob, `adagrad-lab-${name}-${fileName(caption)}.png`); status.textContent = `Saved “${caption}” as PNG.`; } }, 'image/png'); },
      }, `PNG: ${caption}`);
    }));
  };
  details.addEventListener('toggle', opened);
  opened();
  return details;
}

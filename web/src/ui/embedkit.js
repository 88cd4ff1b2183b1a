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

/** The disclosure for one figure; `settings()` gives its current non-default settings. */
export function embedKit({ name, title }, settings) {
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
  const details = el('details', { className: 'embed-kit' },
    el('summary', {}, 'Embed this figure'),
    el('p', {}, 'In a course page, as an element (one script, one tag) or in an iframe, with the settings it has now. ', copy, ' ', status),
    el('p', { className: 'embed-label' }, 'Element'), elementCode,
    el('p', { className: 'embed-label' }, 'Iframe, sized by its content'), iframeCode);
  details.addEventListener('toggle', () => { if (details.open) fill(); });
  return details;
}

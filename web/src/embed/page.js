// dist/embed.html#figure=NAME&setting=value…: one figure alone, for an <iframe>. The hash gives
// the <adagrad-figure> element its attributes (the element checks them by the figure's rules and
// names what it refuses); the page tells its parent its height whenever it changes:
//   parent.postMessage({ type: 'adagrad-lab:height', height, figure }, '*')
// so the host can size the iframe (README.md, "Teach with it"). It needs nothing from its parent
// and works in a sandboxed iframe (sandbox="allow-scripts").
const MAX_HASH = 2000;
// a setting's name; attributes that are not settings (style, class, id…) are never set from a link
const SETTING = /^[a-z][a-z0-9_]{0,40}$/;
const NOT_SETTINGS = /^(id|class|style|hidden|lang|dir|title|tabindex|slot|part|role|is)$/;
const show = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

const notice = document.getElementById('embed-notice');
const heading = document.getElementById('embed-title');
const figure = document.createElement('adagrad-figure');
document.querySelector('main').append(figure);

function apply() {
  const text = location.hash.replace(/^#/, '');
  const refused = [];
  const wanted = new Map();
  if (text.length > MAX_HASH) refused.push(`The link’s settings are longer than ${MAX_HASH} characters and were ignored.`);
  else {
    let params = [];
    try { params = [...new URLSearchParams(text)]; } catch { refused.push('The link’s settings could not be read and were ignored.'); }
    for (const [key, value] of params) {
      if (!SETTING.test(key) || NOT_SETTINGS.test(key)) refused.push(`Ignored ${show(key)} in the link: it is not a setting’s name.`);
      else wanted.set(key, value);
    }
  }
  if (!wanted.has('figure')) wanted.set('figure', '');
  for (const { name } of [...figure.attributes]) if (!wanted.has(name)) figure.removeAttribute(name);
  for (const [key, value] of wanted) if (figure.getAttribute(key) !== value) figure.setAttribute(key, value);
  notice.replaceChildren(...refused.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  notice.hidden = refused.length === 0;
  const entry = window.AdagradLabFigures?.figures.find((f) => f.name === wanted.get('figure') || f.key === wanted.get('figure'));
  heading.textContent = entry ? entry.title : 'AdaGrad Lab figure';
  document.title = entry ? `${entry.title} · AdaGrad Lab` : 'AdaGrad Lab figure';
}

let last = -1;
function tellParent() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'adagrad-lab:height', height, figure: figure.getAttribute('figure') }, '*');
}

apply();
window.addEventListener('hashchange', apply);
new ResizeObserver(tellParent).observe(document.documentElement);
figure.addEventListener('adagrad-figure-ready', () => { document.documentElement.dataset.ready = 'true'; tellParent(); });

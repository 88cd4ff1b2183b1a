// Building DOM from code with text nodes only: user text is never parsed as HTML.

/** el('p', {className: 'note'}, 'text', childNode, …) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    // 'a: 1; b: 2' set through the CSSOM, never as a style attribute: the page's policy has no
    // style-src 'unsafe-inline', which a style attribute would need
    else if (key === 'style' && typeof value === 'string') {
      for (const declaration of value.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon > 0) node.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
      }
    }
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let counter = 0;
export const uid = (prefix) => `${prefix}-${++counter}`;

/** Whether the reader asked for less motion (checked at each use: it can change). */
export const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A table that reflows into one card per row on a phone (style.css, table.cards): each body
 *  cell is given its column's heading as data-label, which the card shows beside the value.
 *  Returns the table. Call again after the body is rebuilt. */
export function cards(table) {
  table.classList.add('cards');
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!head) return table;
  const labels = [];
  for (const cell of head.cells) for (let i = 0; i < cell.colSpan; i++) labels.push(cell.textContent.trim());
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        if (labels[column] && cell.localName === 'td' && !cell.hasAttribute('data-label')) cell.dataset.label = labels[column];
        column += cell.colSpan;
      }
    }
  }
  return table;
}

/** A disclosure open on a wide screen and folded on a phone, where it would cost screens of
 *  scrolling; it follows the window across that width. Returns the details element. */
export function openWhenWide(details) {
  const phone = window.matchMedia('(max-width: 600px)');
  const apply = () => { details.open = !phone.matches; };
  apply();
  phone.addEventListener('change', apply);
  return details;
}

/** On a phone a figure's shared legend sticks just under its sticky transport (style.css): the
 *  transport's height, followed as it wraps, is given to the figure as --transport-h. */
export function trackTransport(figure) {
  const transport = figure.querySelector(':scope > .transport');
  if (!transport) return;
  new ResizeObserver(() => figure.style.setProperty('--transport-h', `${transport.offsetHeight}px`)).observe(transport);
}

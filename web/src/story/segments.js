// A story's paragraphs are arrays of segments: a string, or {text, strong?, tone?: 'danger',
// value?} (value: the exact number behind a rounded one, for titles and tests). Here they
// become DOM; stories stay pure and testable under Node.
import { el } from '../ui/dom.js';

export const segmentsToNodes = (segments) => segments.map((s) => (typeof s === 'string' ? s
  : el(s.strong || s.value !== undefined ? 'strong' : 'span', {
    className: s.tone === 'danger' ? 'danger' : undefined,
    dataset: s.value !== undefined ? { value: String(s.value) } : undefined,
  }, s.text)));

/**
 * A tiny XML well-formedness checker for the JUnit tests (node has no DOMParser): a character
 * scanner with a tag stack. Checks balanced tags, quoted attributes, no duplicate attribute, no raw
 * `<` in text or attributes, `&` only as a known entity, and no character XML 1.0 forbids.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

const checkText = (s: string, at: number): void => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) throw new Error(`control character ${c} at ${at + i}`);
    if (s[i] === '<') throw new Error(`raw < at ${at + i}`);
    if (s[i] === '&' && !ENTITY.test(s.slice(i))) throw new Error(`bare & at ${at + i}`);
  }
};

export const parseXml = (xml: string): XmlElement => {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    checkText(text, i);
    stack.at(-1)!.text += text;
    if (lt === -1) break;
    if (xml.startsWith('</', lt)) {
      const gt = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> at ${lt} closes <${open?.name}>`);
      i = gt + 1;
      continue;
    }
    let j = lt + 1;
    const name = NAME.exec(xml.slice(j))?.[0];
    if (!name) throw new Error(`bad tag name at ${lt}`);
    j += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      while (/\s/.test(xml[j] ?? '')) j++;
      if (xml.startsWith('/>', j)) {
        j += 2;
        stack.at(-1)!.children.push(el);
        break;
      }
      if (xml[j] === '>') {
        j += 1;
        stack.at(-1)!.children.push(el);
        stack.push(el);
        break;
      }
      const attr = NAME.exec(xml.slice(j))?.[0];
      if (!attr || xml[j + attr.length] !== '=' || xml[j + attr.length + 1] !== '"') throw new Error(`bad attribute at ${j} in <${name}>`);
      const start = j + attr.length + 2;
      const end = xml.indexOf('"', start);
      if (end === -1) throw new Error(`unterminated attribute ${attr} in <${name}>`);
      const value = xml.slice(start, end);
      checkText(value, start);
      if (attr in el.attrs) throw new Error(`duplicate attribute ${attr} in <${name}>`);
      el.attrs[attr] = value;
      j = end + 1;
    }
    i = j;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim()) throw new Error('not exactly one root element');
  return root.children[0]!;
};

export const descendants = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);

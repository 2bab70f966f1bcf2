/**
 * The CSL engine's HTML, kept to what a citation needs: the elements and
 * attributes it writes for formatting, links to http(s) addresses only, small
 * capitals as a class, anything else shown as text, always well nested.
 */
import { describe, expect, it } from 'vitest';
import { safeCitation } from '../../../src/output/html/citations.js';

describe('a citation made safe for the report', () => {
  it('keeps italics, bold, super- and subscripts, and the entry blocks', () => {
    const entry = '<div class="csl-entry"><div class="csl-left-margin">1. </div><div class="csl-right-inline">Okoye, A. <i>Title</i> <b>2</b><sup>a</sup><sub>b</sub>.</div></div>';
    expect(safeCitation(entry)).toBe(entry);
  });

  it('writes small capitals and other inline styles as classes, and drops styles it does not know', () => {
    expect(safeCitation('<span style="font-variant:small-caps;">Ab</span>')).toBe('<span class="csl-small-caps">Ab</span>');
    expect(safeCitation('<span style="position:fixed;top:0">x</span>')).toBe('<span>x</span>');
  });

  it('links only to http(s) addresses, with no attribute but the address', () => {
    expect(safeCitation('<a href="https://a.example/x?y=1&#38;z=2">u</a>')).toBe('<a href="https://a.example/x?y=1&amp;z=2" rel="noopener noreferrer">u</a>');
    expect(safeCitation('<a href="javascript:alert(1)">u</a>')).toBe('<span>u</span>');
    expect(safeCitation('<a href="https://a.example/"onclick="alert(1)">u</a>')).toBe('<a href="https://a.example/" rel="noopener noreferrer">u</a>');
  });

  it('shows any other tag as text, closes what is left open and drops closings of nothing', () => {
    expect(safeCitation('<script>alert(1)</script><img src=x onerror=alert(1)>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(safeCitation('<i>open <b>both</i> end</b></div>')).toBe('<i>open <b>both</b></i> end');
    expect(safeCitation('a < b')).toBe('a &lt; b');
  });

  it('shows bidirectional overrides and invisible characters as escapes', () => {
    expect(safeCitation('<i>\u202eevil\u200b</i>')).toBe('<i>\\u202eevil\\u200b</i>');
  });
});

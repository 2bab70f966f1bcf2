/**
 * The report's stylesheet and script, written into the page whole (no file,
 * no network) and allowed by the page's Content-Security-Policy by their
 * hashes. Colours meet WCAG AA: text at least 4.5:1 on its background (the
 * darkest verdict colour on the lightest tint is 5.6:1). Each verdict also
 * has its own underline style and sign, so colour is never the only cue.
 *
 * The script opens a claim's note when the claim is clicked or gets the
 * keyboard's focus (Enter and Space open it too), closes it with Escape or its
 * close button, and keeps one note open at a time. On a wide screen the open
 * note stands to the right of the draft, level with its claim; on a narrow one,
 * after the claim's paragraph; in print every note is a numbered footnote
 * after its paragraph.
 */

export const STYLE = `
:root { color-scheme: light; --text: #1f1f1f; --muted: #575757; --line: #c4c4c4; --bg: #ffffff; --panel: #f5f6f8; --focus: #1a56b0;
  --ok: #1d6b2c; --ok-bg: #e1f2e4; --bad: #a3201a; --bad-bg: #fde4e2; --warn: #7d4e00; --warn-bg: #fdf0d2; --none: #4d4d4d; --none-bg: #ececec; }
* { box-sizing: border-box; }
html { font: 17px/1.6 Georgia, "DejaVu Serif", serif; color: var(--text); background: var(--bg); }
body { margin: 0; }
.page { max-width: 74rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
.ui, .report-head, .summary, .note, .draft > h2, .draft-counts { font-family: system-ui, "DejaVu Sans", sans-serif; }
.report-head h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .25rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0; }
.meta code { color: var(--text); }
.summary { font-size: .95rem; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0 2rem; max-width: 46rem; }
.summary h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
.summary h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.summary-legend h3 { margin-top: 0; }
.summary-legend p { margin: .5rem 0 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0; margin: 0 0 .5rem; }
.problems { margin: 0; padding-left: 1.5rem; }
.problems li { margin: .2rem 0; }
.problems .where, .where { color: var(--muted); font-size: .85em; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: .25rem 0 0; }
.legend dt, .legend dd { margin: 0; }
.badge { display: inline-flex; align-items: baseline; gap: .3em; padding: .05em .55em; border-radius: 999px; font-weight: 600; font-size: .85rem; line-height: 1.5; white-space: nowrap; }
.badge.v-supported { background: var(--ok-bg); color: var(--ok); }
.badge.v-contradicted { background: var(--bad-bg); color: var(--bad); }
.badge.v-disputed { background: var(--warn-bg); color: var(--warn); }
.badge.v-unsupported { background: var(--none-bg); color: var(--none); }
mark.claim, mark.claim-more, .sample { color: var(--text); padding: 0 .12em; border-radius: 2px; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .22em; cursor: pointer; }
mark.v-supported, .sample.v-supported { background: var(--ok-bg); text-decoration-style: solid; text-decoration-color: var(--ok); }
mark.v-contradicted, .sample.v-contradicted { background: var(--bad-bg); text-decoration-style: wavy; text-decoration-color: var(--bad); }
mark.v-disputed, .sample.v-disputed { background: var(--warn-bg); text-decoration-style: double; text-decoration-color: var(--warn); }
mark.v-unsupported, .sample.v-unsupported { background: var(--none-bg); text-decoration-style: dotted; text-decoration-color: var(--none); }
.sign { font-family: system-ui, "DejaVu Sans", sans-serif; font-weight: 700; font-size: .8em; margin-left: .15em; text-decoration: none; display: inline-block; }
.v-supported .sign { color: var(--ok); }
.v-contradicted .sign { color: var(--bad); }
.v-disputed .sign { color: var(--warn); }
.v-unsupported .sign { color: var(--none); }
.badge .sign { margin-left: 0; font-size: 1em; }
mark .ref { display: none; }
mark.claim:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
mark.claim:focus:not(:focus-visible) { outline: 2px solid var(--text); }
mark.claim[aria-expanded="true"] { box-shadow: 0 0 0 2px var(--text); }
a { color: var(--focus); }
a:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.draft { position: relative; margin: 0 0 3rem; }
.draft > h2 { font-size: 1.2rem; line-height: 1.3; border-bottom: 1px solid var(--line); padding-bottom: .3rem; margin: 2rem 0 .25rem; max-width: 46rem; overflow-wrap: anywhere; }
.draft-counts { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
.body { max-width: 46rem; overflow-wrap: break-word; }
.body table { border-collapse: collapse; margin: 1rem 0; }
.body th, .body td { border: 1px solid var(--line); padding: .3rem .6rem; vertical-align: top; }
.align-left { text-align: left; } .align-right { text-align: right; } .align-center { text-align: center; }
.body pre { background: var(--panel); padding: .75rem; overflow-x: auto; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; }
.body blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
.draft-image { color: var(--muted); font-style: italic; }
ol.notes { list-style: none; margin: 0; padding: 0; }
.note { display: none; font-size: .9rem; line-height: 1.5; background: #ffffff; color: var(--text); border: 1px solid var(--line); border-left: 5px solid var(--none); border-radius: 4px; padding: .7rem 1rem; margin: .5rem 0 1rem; box-shadow: 0 2px 8px rgba(0, 0, 0, .14); }
.note.v-supported { border-left-color: var(--ok); }
.note.v-contradicted { border-left-color: var(--bad); }
.note.v-disputed { border-left-color: var(--warn); }
.note.open { display: block; }
.note p { margin: .35rem 0; }
.note { position: relative; }
.note-head { display: flex; flex-wrap: wrap; gap: .2rem .5rem; align-items: baseline; padding-right: 2.2rem; }
.claim-text { font-weight: 600; }
.note-close { position: absolute; top: .5rem; right: .5rem; font: inherit; font-size: 1.1rem; line-height: 1; border: 1px solid var(--line); background: #ffffff; color: var(--text); border-radius: 4px; padding: .15rem .5rem; cursor: pointer; }
.figure { font-size: 1.05em; }
.versions { margin: .2rem 0 .4rem; padding-left: 1.25rem; }
.why q { font-style: italic; }
.sources-head { font-weight: 600; margin-top: .6rem; }
.sources { list-style: none; margin: 0; padding: 0; }
.source { margin: .3rem 0 .6rem; }
.csl-entry { padding-left: 1.5em; text-indent: -1.5em; }
.csl-left-margin, .csl-right-inline { display: inline; }
.csl-small-caps { font-variant: small-caps; } .csl-normal { font-style: normal; } .csl-normal-weight { font-weight: normal; }
.csl-normal-variant { font-variant: normal; } .csl-underline { text-decoration: underline; }
.caveat { font-weight: 600; color: var(--warn); }
.quote { margin: .2rem 0 .4rem; padding-left: .75rem; border-left: 3px solid var(--line); font-style: italic; white-space: pre-wrap; }
.unplaced h3 { font-size: 1rem; }
.footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; }
@media (min-width: 75rem) {
  .note.open { position: absolute; left: 48rem; width: 24rem; margin: 0; z-index: 1; }
  .summary { max-width: none; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
}
@media print {
  html { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .summary { background: none; break-inside: avoid; }
  mark.claim, mark.claim-more { cursor: auto; box-shadow: none !important; outline: none !important; }
  mark .ref { display: inline; font-size: .7em; vertical-align: super; line-height: 0; margin-left: .1em; }
  ol.notes { list-style: decimal; margin: .3rem 0 1rem; padding: 0 0 0 2.2rem; border-left: 2px solid var(--line); }
  .note, .note.open { display: list-item; position: static; width: auto; box-shadow: none; border: 0; border-radius: 0; padding: 0; margin: 0 0 .35rem; font-size: 9pt; break-inside: avoid; }
  .note-close, .hint { display: none; }
  .body, .draft > h2 { max-width: none; }
  a { color: inherit; }
}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var wide = window.matchMedia('(min-width: 75rem)');
  var current = null;
  var quiet = false;
  function noteOf(claim) { return document.getElementById(claim.getAttribute('aria-controls')); }
  function claimAt(el) {
    var piece = el.closest ? el.closest('[data-claim]') : null;
    return piece ? document.getElementById('claim-' + piece.getAttribute('data-claim')) : null;
  }
  function place(note, claim) {
    if (!wide.matches) { note.style.top = ''; return; }
    var section = note.closest('.draft');
    var top = claim.getBoundingClientRect().top - section.getBoundingClientRect().top - 8;
    note.style.top = Math.max(0, top) + 'px';
  }
  function open(claim) {
    var note = noteOf(claim);
    if (!note) return;
    if (current && current !== claim) close();
    note.classList.add('open');
    claim.setAttribute('aria-expanded', 'true');
    place(note, claim);
    current = claim;
  }
  function close(refocus) {
    if (!current) return;
    var claim = current;
    current = null;
    var note = noteOf(claim);
    if (note) note.classList.remove('open');
    claim.setAttribute('aria-expanded', 'false');
    if (refocus) { quiet = true; claim.focus(); quiet = false; }
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    if (t.closest('.note-close')) { close(true); return; }
    var jump = t.closest('a.jump');
    if (jump) {
      var target = document.getElementById(jump.getAttribute('href').slice(1));
      if (target) { e.preventDefault(); target.scrollIntoView({ block: 'center' }); target.focus({ preventScroll: true }); }
      return;
    }
    var claim = claimAt(t);
    if (claim) open(claim);
  });
  document.addEventListener('focusin', function (e) {
    var t = e.target;
    if (!quiet && t instanceof Element && t.matches('mark.claim')) open(t);
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key === 'Escape' && current) { close(current === t || !!(t instanceof Element && t.closest('.note'))); return; }
    if ((e.key === 'Enter' || e.key === ' ') && t instanceof Element && t.matches('mark.claim')) { e.preventDefault(); open(t); }
  });
  window.addEventListener('resize', function () { if (current) place(noteOf(current), current); });
})();
`;

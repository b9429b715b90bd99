// The review site's inline style and script (no files, fonts or CDNs: the
// pages work from file:// with no network). The script only reads the page:
// node details live in the HTML (escaped) and are cloned into the tooltip.

export interface KindStyle {
  key: string;
  label: string;
  color: string;
  tint: string;
}

/** One colour per kind, in the order of the legend and the side panel. */
export const KIND_STYLES: KindStyle[] = [
  { key: 'person', label: 'People', color: '#c2255c', tint: 'rgba(194,37,92,.14)' },
  { key: 'organization', label: 'Organizations', color: '#1864ab', tint: 'rgba(24,100,171,.13)' },
  { key: 'place', label: 'Places', color: '#2b8a3e', tint: 'rgba(43,138,62,.15)' },
  { key: 'document', label: 'Documents', color: '#d9480f', tint: 'rgba(217,72,15,.14)' },
  { key: 'date', label: 'Dates', color: '#6741d9', tint: 'rgba(103,65,217,.14)' },
  { key: 'area', label: 'Cooperation areas', color: '#0b7285', tint: 'rgba(11,114,133,.14)' },
  { key: 'other', label: 'Other', color: '#495057', tint: 'rgba(73,80,87,.12)' },
];

const kindRules = KIND_STYLES.map(
  (k) =>
    `.k-${k.key}{--c:${k.color};--tint:${k.tint}}` +
    `.off-${k.key} mark.k-${k.key}{background:transparent;border-bottom-color:transparent;cursor:text}`,
).join('\n');

export const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",sans-serif;color:#212529;background:#f1f3f5}
a{color:#1864ab}
code{font:12px/1.4 ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;overflow-wrap:anywhere}
header{padding:12px 24px 10px;background:#fff;border-bottom:1px solid #dee2e6}
header .back{font-size:13px}
h1{font-size:21px;line-height:1.3;margin:4px 0 2px}
.meta{color:#495057;font-size:13px;margin:0}
.meta span+span:before{content:" · ";color:#adb5bd}
.problems{margin:12px 24px 0;padding:8px 14px;background:#fff5f5;border:1px solid #ffa8a8;border-radius:6px;color:#c92a2a;font-size:13px}
.problems ul{margin:4px 0;padding-left:20px}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;align-items:center;padding:8px 24px;background:#fff;border-bottom:1px solid #dee2e6;position:sticky;top:0;z-index:3;font-size:13px}
.legend label{display:inline-flex;gap:6px;align-items:center;cursor:pointer}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px;background:var(--tint);border:2px solid var(--c);vertical-align:-2px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 390px;gap:20px;padding:16px 24px;align-items:start}
.text{margin:0;background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:14px 20px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:16px;line-height:2.35}
.headline{font-weight:600}
mark{color:inherit;background:var(--tint);border-bottom:2px solid var(--c);border-radius:2px;padding:1px 0 0;cursor:help}
mark.h1{padding-bottom:4px}mark.h2{padding-bottom:8px}mark.h3{padding-bottom:12px}mark.h4{padding-bottom:16px}
mark.hl:focus{outline:2px solid var(--c);outline-offset:1px}
mark.active{box-shadow:inset 0 -100px 0 var(--tint)}
mark.flash{animation:flash 1.2s ease-out}
@keyframes flash{from{box-shadow:0 0 0 4px var(--c)}to{box-shadow:0 0 0 0 transparent}}
.panel{position:sticky;top:48px;max-height:calc(100vh - 64px);overflow:auto;background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:8px 12px;font-size:13px}
.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#495057;margin:12px 0 4px;display:flex;gap:6px;align-items:center}
.panel h2:first-child{margin-top:4px}
details.ent{border-left:3px solid var(--c);margin:3px 0;padding:2px 0 2px 8px}
details.ent>summary{cursor:pointer;list-style-position:outside;margin-left:14px}
details.ent[open]{background:#f8f9fa}
summary small,.muted{color:#6c757d}
.spans{margin:4px 0 6px}
.spans a{display:inline-block;margin:1px 4px 1px 0;padding:0 4px;border-radius:3px;background:var(--tint);text-decoration:none;color:inherit}
.card{font-size:13px}
.card-h{display:flex;gap:6px;align-items:baseline;flex-wrap:wrap;margin-bottom:4px}
.badge{display:inline-block;padding:0 6px;border-radius:3px;background:var(--c);color:#fff;font-size:11px;font-weight:600}
.card dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 10px;margin:4px 0}
.card dt{color:#6c757d}
.card dd{margin:0;overflow-wrap:anywhere}
.card dd>div+div{margin-top:2px}
#tip{position:absolute;z-index:10;max-width:460px;min-width:260px;background:#fff;border:1px solid #adb5bd;border-radius:6px;box-shadow:0 6px 20px rgba(0,0,0,.2);padding:10px 12px}
#tip .pos{margin:6px 0 0;color:#6c757d;font-size:12px}
#tip[hidden]{display:none}
table.index{border-collapse:collapse;margin:16px 24px;background:#fff;font-size:14px}
table.index th,table.index td{border:1px solid #dee2e6;padding:5px 9px;text-align:left;vertical-align:top}
table.index th{background:#f8f9fa;font-weight:600}
table.index td.n{text-align:right;font-variant-numeric:tabular-nums}
table.index td.bad{color:#c92a2a}
table.index td.date{white-space:nowrap}
table.index tfoot td{font-weight:600;background:#f8f9fa}
.summary{margin:8px 24px 0;color:#495057}
footer{margin:8px 24px 24px;color:#868e96;font-size:12px}
@media (max-width:900px){.layout{grid-template-columns:1fr}.panel{position:static;max-height:none}}
${kindRules}
`;

/** Hover or focus a highlight: its node in the tooltip; Enter or click: open it in the side panel; links in the panel focus a span. */
export const SCRIPT = `
(function () {
  'use strict';
  var tip = document.getElementById('tip');
  var active = [];
  var shownFor = null;
  function markOf(el) { return el && el.closest ? el.closest('mark.hl, mark.hl-cont') : null; }
  function firstPiece(m) { return m.classList.contains('hl') ? m : document.getElementById('s-' + m.getAttribute('data-s')); }
  function setActive(e) {
    active.forEach(function (m) { m.classList.remove('active'); });
    active = e === null ? [] : Array.prototype.slice.call(document.querySelectorAll('mark[data-e="' + e + '"]'));
    active.forEach(function (m) { m.classList.add('active'); });
  }
  function show(m) {
    var e = m.getAttribute('data-e');
    var card = document.getElementById('card-' + e);
    if (!card) return;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    var c = card.cloneNode(true);
    c.removeAttribute('id');
    tip.appendChild(c);
    var f = firstPiece(m);
    if (f && f.getAttribute('data-pos')) {
      var p = document.createElement('p');
      p.className = 'pos';
      p.textContent = f.getAttribute('data-pos');
      tip.appendChild(p);
    }
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > window.innerHeight - 8 && r.top - h - 6 > 8) top = r.top - h - 6;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
    if (f) f.setAttribute('aria-describedby', 'tip');
    shownFor = m;
    setActive(e);
  }
  function hide() {
    tip.hidden = true;
    if (shownFor) { var f = firstPiece(shownFor); if (f) f.removeAttribute('aria-describedby'); }
    shownFor = null;
    setActive(null);
  }
  function focusedMark() { var a = document.activeElement; return a && a.matches && a.matches('mark.hl') ? a : null; }
  function openEntity(m) {
    var d = document.getElementById('e-' + m.getAttribute('data-e'));
    if (!d) return;
    d.open = true;
    d.scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('mouseover', function (ev) {
    var m = markOf(ev.target);
    if (m && m !== shownFor) show(m);
  });
  document.addEventListener('mouseout', function (ev) {
    var from = markOf(ev.target), to = markOf(ev.relatedTarget);
    if (!from || to) return;
    if (ev.relatedTarget && tip.contains(ev.relatedTarget)) return;
    var f = focusedMark();
    if (f) show(f); else hide();
  });
  tip.addEventListener('mouseleave', function (ev) {
    if (markOf(ev.relatedTarget)) return;
    var f = focusedMark();
    if (f) show(f); else hide();
  });
  document.addEventListener('focusin', function (ev) {
    var m = markOf(ev.target);
    if (m) show(m);
  });
  document.addEventListener('focusout', function (ev) {
    if (markOf(ev.target) && !markOf(ev.relatedTarget)) hide();
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { hide(); return; }
    var m = markOf(ev.target);
    if (m && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); openEntity(m); }
  });
  document.addEventListener('click', function (ev) {
    var m = markOf(ev.target);
    if (m) { openEntity(m); return; }
    var ref = ev.target.closest ? ev.target.closest('a[href^="#e-"]') : null;
    if (ref) {
      var d = document.getElementById(ref.getAttribute('href').slice(1));
      if (!d) return;
      ev.preventDefault();
      d.open = true;
      d.scrollIntoView({ block: 'nearest' });
      var sum = d.querySelector('summary');
      if (sum) sum.focus();
      return;
    }
    var a = ev.target.closest ? ev.target.closest('a[data-s]') : null;
    if (!a) return;
    var s = document.getElementById('s-' + a.getAttribute('data-s'));
    if (!s) return;
    ev.preventDefault();
    s.scrollIntoView({ block: 'center' });
    s.focus({ preventScroll: true });
    s.classList.remove('flash');
    void s.offsetWidth;
    s.classList.add('flash');
  });
  document.querySelectorAll('.legend input[data-kind]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('off-' + box.getAttribute('data-kind'), !box.checked);
    });
  });
  if (/^#s-\\d+$/.test(location.hash)) {
    var s = document.getElementById(location.hash.slice(1));
    if (s) s.focus();
  }
})();
`;

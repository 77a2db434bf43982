// Framebridge web preview: polls the host (/api/host) and the plugin runtime (/api/status), renders the chain,
// and sends toggles, moves and settings changes. Plain JS, no build step.
'use strict';

// The runtime's JSON API in one place (see the runtime's docs/api.md).
const api = {
  status: () => getJson('api/status'),
  host: () => getJson('api/host'),
  settings: (id) => getJson(`api/plugins/${encodeURIComponent(id)}/settings`),
  setEnabled: (id, enabled) => postJson(`api/plugins/${encodeURIComponent(id)}/enabled`, { enabled }),
  move: (id, index) => postJson(`api/plugins/${encodeURIComponent(id)}/move`, { index }),
  updateSettings: (id, values) => postJson(`api/plugins/${encodeURIComponent(id)}/settings`, values),
  snapshot: () => postJson('api/snapshot', {}),
};

async function getJson(url) {
  const r = await fetch(url, { cache: 'no-store' });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return r.json();
}

async function postJson(url, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${url}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

const $ = (id) => document.getElementById(id);
let selected = null;        // id of the plugin whose settings are shown
let shownSchemaFor = null;  // id whose form is built (rebuilt only when the selection changes)

function say(text, isError) {
  const m = $('message');
  m.textContent = text;
  m.className = isError ? 'error' : 'muted';
}

function fmt(n, digits) {
  return n == null || Number.isNaN(n) ? '–' : Number(n).toFixed(digits);
}

function pluginsOf(status) {
  if (Array.isArray(status.plugins)) return status.plugins;
  if (status.chain && Array.isArray(status.chain.plugins)) return status.chain.plugins;
  return [];
}

function renderHost(h) {
  if (h.camera) {
    $('camera').textContent = `${h.camera.name} ${h.camera.width}×${h.camera.height}@${fmt(h.camera.fps, 0)}`
      + (h.camera.muted ? ' (lost — muted)' : '');
  }
  const l = h.latencyMs || {};
  $('stats').textContent = `in ${fmt(h.input && h.input.fps, 1)} fps · out ${fmt(h.output && h.output.fps, 1)} fps`
    + ` · latency p50 ${fmt(l.p50, 1)} p95 ${fmt(l.p95, 1)} p99 ${fmt(l.p99, 1)} ms · drops ${h.drops ?? 0}`;
}

function renderPlugins(plugins) {
  const list = $('plugins');
  $('chain-empty').hidden = plugins.length > 0;
  const ids = plugins.map((p) => p.id);
  // Rebuild only when membership or order changes, so clicks and focus survive the 1 s refresh.
  if (list.dataset.ids !== ids.join('\n')) {
    list.dataset.ids = ids.join('\n');
    list.replaceChildren(...plugins.map((p, i) => pluginItem(p, i, plugins.length)));
  }
  for (const p of plugins) {
    const li = list.querySelector(`li[data-plugin-id="${CSS.escape(p.id)}"]`);
    if (!li) continue;
    const state = String(p.state || '').toLowerCase();
    li.dataset.state = state;
    li.dataset.enabled = String(p.enabled !== false);
    li.querySelector('.state').textContent = state;
    li.querySelector('.state').className = `state ${state}`;
    const t = li.querySelector('input.toggle');
    if (document.activeElement !== t) t.checked = p.enabled !== false;
    li.querySelector('.metrics').textContent = `${fmt(p.fps, 1)} fps · p50 ${fmt((p.p50Us ?? 0) / 1000, 2)} ms`
      + ` · p99 ${fmt((p.p99Us ?? 0) / 1000, 2)} ms · drops ${p.dropped ?? 0} · restarts ${p.restarts ?? 0}`;
    li.querySelector('.error').textContent = p.lastError || '';
    li.classList.toggle('selected', p.id === selected);
  }
  if (selected && !ids.includes(selected)) {
    selected = null;
    shownSchemaFor = null;
    $('settings').hidden = true;
  }
}

function pluginItem(p, index, count) {
  const li = document.createElement('li');
  li.dataset.pluginId = p.id;
  li.innerHTML = `<div class="row"><input type="checkbox" class="toggle" title="enabled">
    <span class="name"></span><span class="state"></span>
    <button type="button" class="up" title="move up">▲</button>
    <button type="button" class="down" title="move down">▼</button></div>
    <div class="metrics"></div><div class="error"></div>`;
  li.querySelector('.name').textContent = p.name || p.id;
  li.querySelector('.up').disabled = index === 0;
  li.querySelector('.down').disabled = index === count - 1;
  li.querySelector('input.toggle').addEventListener('change', (e) => {
    act(api.setEnabled(p.id, e.target.checked), `${p.id} ${e.target.checked ? 'enabled' : 'disabled'}`);
  });
  li.querySelector('.up').addEventListener('click', (e) => { e.stopPropagation(); act(api.move(p.id, index - 1)); });
  li.querySelector('.down').addEventListener('click', (e) => { e.stopPropagation(); act(api.move(p.id, index + 1)); });
  li.addEventListener('click', (e) => {
    if (e.target.closest('input, button')) return;
    selected = p.id;
    showSettings(p.id);
  });
  return li;
}

async function act(promise, okText) {
  try {
    await promise;
    if (okText) say(okText);
    await refresh();
  } catch (e) {
    say(String(e.message || e), true);
  }
}

async function showSettings(id) {
  try {
    const s = await api.settings(id);
    buildForm(id, s.schema || { fields: [] }, s.values || {});
    shownSchemaFor = id;
    $('settings-title').textContent = id;
    $('settings').hidden = false;
    for (const li of document.querySelectorAll('#plugins li')) li.classList.toggle('selected', li.dataset.pluginId === id);
  } catch (e) {
    say(String(e.message || e), true);
  }
}

// One input per schema field, like OBS's properties dialog; each change is applied live (debounced).
function buildForm(id, schema, values) {
  const form = $('settings-form');
  form.replaceChildren();
  const fields = schema.fields || [];
  if (fields.length === 0) form.textContent = 'This plugin has no settings.';
  for (const f of fields) {
    const type = String(f.type || 'text').toLowerCase();
    const value = values[f.key] ?? f.defaultValue ?? f.default;
    const label = document.createElement('label');
    label.textContent = f.label || f.key;
    let input;
    let shown = null;
    if (type === 'number') {
      input = document.createElement('input');
      input.type = 'range';
      input.min = f.min; input.max = f.max; input.step = f.step || 'any';
      input.value = value;
      shown = document.createElement('output');
      shown.textContent = value;
    } else if (type === 'boolean') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = value === true || value === 'true';
    } else if (type === 'choice') {
      input = document.createElement('select');
      for (const c of f.choices || []) {
        const o = document.createElement('option');
        o.value = c; o.textContent = c; o.selected = c === value;
        input.append(o);
      }
    } else if (type === 'color') {
      input = document.createElement('input');
      input.type = 'color';
      input.value = typeof value === 'number' ? '#' + value.toString(16).padStart(6, '0') : String(value);
    } else {
      input = document.createElement('input');
      input.type = 'text';
      input.value = value ?? '';
    }
    input.name = f.key;
    input.dataset.type = type;
    let timer = null;
    const send = () => {
      clearTimeout(timer);
      timer = setTimeout(() => act(api.updateSettings(id, { [f.key]: valueOf(input, type) }),
        `${id}: ${f.key} = ${valueOf(input, type)}`), 120);
    };
    input.addEventListener('input', () => { if (shown) shown.textContent = input.value; send(); });
    input.addEventListener('change', send);
    label.append(input);
    label.append(shown || document.createElement('span'));
    form.append(label);
  }
}

function valueOf(input, type) {
  if (type === 'number') return Number(input.value);
  if (type === 'boolean') return input.checked;
  if (type === 'color') return input.value.toUpperCase();
  return input.value;
}

async function refresh() {
  try {
    renderHost(await api.host());
  } catch (e) {
    $('stats').textContent = 'host unreachable';
  }
  try {
    renderPlugins(pluginsOf(await api.status()));
  } catch (e) {
    renderPlugins([]);
  }
}

$('snapshot').addEventListener('click', () => act(api.snapshot().then((r) => say(`snapshot: ${r.output}`))));
refresh();
setInterval(refresh, 1000);

// A customer: GET ../customers/{id} (current decision), ../customers/{id}/history (every entry, page by page) and
// ../customers/{id}/explanation (plain-Chinese explanation, when the service offers it).
import {
  CAUSE_NAMES, HttpError, KEPT_BY_NAMES, KIND_NAMES, el, failed, fill, formatTime, getJson, header, loadLabels,
  postJson, ready,
} from './common.js';

const PAGE = 1000;

const reasonList = (reasons) => (reasons?.length
  ? el('ul', { class: 'reasons' }, reasons.map((reason) => el('li', {}, reason)))
  : el('span', { class: 'empty' }, '—'));

const emptyRow = (columns, text) => el('tr', {}, el('td', { colspan: columns, class: 'empty' }, text));

/** Every history entry, oldest first: the endpoint pages by the last id seen. */
async function loadHistory(base) {
  const entries = [];
  for (;;) {
    const after = entries.length ? entries[entries.length - 1].id : 0;
    const page = await getJson(`${base}/history?after=${after}&limit=${PAGE}`);
    entries.push(...page);
    if (page.length < PAGE) {
      return entries;
    }
  }
}

/** The explanation as text, or null when the service has no explanation endpoint (404 / 405). */
async function loadExplanation(base) {
  const response = await fetch(`${base}/explanation`, { headers: { Accept: 'application/json, text/plain' } });
  if (response.status === 404 || response.status === 405) {
    return null;
  }
  if (!response.ok) {
    throw new HttpError(response.status, `${base}/explanation`, await response.text());
  }
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
    return response.text();
  }
  const body = await response.json();
  if (typeof body === 'string') {
    return body;
  }
  for (const field of ['text', 'explanation', 'summary', 'sentences', 'lines']) {
    if (typeof body[field] === 'string') {
      return body[field];
    }
    if (Array.isArray(body[field]) && body[field].every((line) => typeof line === 'string')) {
      return body[field].join('\n');
    }
  }
  return JSON.stringify(body, null, 2);
}

function showDecision(decision, labels) {
  const rows = labels.dimensions.map(({ dimension }) => {
    // A multi-valued dimension (roles) lists every value held, each with its reasons and action; it has no policy.
    const roles = decision.roles?.[dimension];
    const value = decision.dimensions[dimension];
    const withheld = decision.withheld?.[dimension];
    const shown = value ?? withheld;
    const held = roles ?? (value ? [value] : []);
    const several = Boolean(roles) && held.length > 1;
    const named = (one, text) => (several ? `${labels.valueName(dimension, one.code)}:${text}` : text);
    // An override or a policy never hides what the rules said.
    const rules = !roles && shown?.keptBy
      ? el('span', { class: 'kept' }, `${labels.valueName(dimension, shown.rulesSay)}(${KEPT_BY_NAMES[shown.keptBy]
        ?? shown.keptBy}${shown.keptUntil ? ',至 ' + formatTime(shown.keptUntil) : ''})`)
      : el('span', { class: 'empty' }, '同左');
    const reasons = roles
      ? held.flatMap((one) => (one.reasons ?? []).map((reason) => named(one, reason)))
      : shown?.reasons;
    return el('tr', { 'data-dimension': dimension },
      el('th', {}, labels.dimensionName(dimension)),
      el('td', { class: 'value' }, held.length ? held.map((one) => labels.valueName(dimension, one.code)).join('、')
        : labels.valueName(dimension, undefined)),
      el('td', {}, reasonList(reasons)),
      el('td', { class: 'rules-say' }, rules),
      el('td', { class: 'action' }, reasonList(held.filter((one) => one.action)
        .map((one) => named(one, one.action)))));
  });
  document.querySelector('#decision-table tbody').replaceChildren(...rows);

  const held = decision.heldBack.map((hold) => el('tr', {},
    el('td', {}, labels.valueName('tier', hold.tier)), el('td', {}, hold.reason), el('td', {}, hold.rule)));
  document.querySelector('#held-back-table tbody').replaceChildren(...(held.length ? held : [emptyRow(3, '无')]));

  const measures = decision.measures.map((measure) => el('tr', {},
    el('td', {}, measure.label ?? measure.name),
    el('td', { class: 'number' }, `${Number(measure.value.toFixed(2))}${measure.unit ? ' ' + measure.unit : ''}`)));
  document.querySelector('#measures-table tbody').replaceChildren(...(measures.length ? measures : [emptyRow(2, '无')]));

  fill('warnings', decision.warnings.length
    ? decision.warnings.map((warning) => el('li', {},
      `${warning.reason}(${warning.rule})${warning.action ? `;建议动作:${warning.action}` : ''}`))
    : el('li', { class: 'empty' }, '无'));
}

function showExplanation(text, decision, labels) {
  if (text !== null) {
    fill('explanation', el('pre', { class: 'explanation', id: 'explanation-text' }, text));
    return;
  }
  const reasons = [
    ...labels.dimensions.flatMap(({ dimension }) => (decision.roles?.[dimension]
      ?? (decision.dimensions[dimension] ? [decision.dimensions[dimension]] : []))
      .flatMap((value) => value.reasons ?? []).map((reason) => `${labels.dimensionName(dimension)}:${reason}`)),
    ...decision.heldBack.map((hold) => `暂缓升级为${labels.valueName('tier', hold.tier)}:${hold.reason}`),
  ];
  fill('explanation',
    el('p', { class: 'note', id: 'explanation-missing' }, '服务暂未提供解释文本,以下是决策记录的原因。'),
    reasonList(reasons));
}

function showTimeline(entries, labels) {
  const items = [...entries].reverse().map((entry) => {
    const value = (code) => labels.valueName(entry.dimension, code);
    const change = entry.kind === 'WARNING' ? entry.warning
      : entry.kind === 'HELD_BACK' ? `暂缓升级为 ${value(entry.to)}(当前 ${value(entry.from)})`
        : `${value(entry.from)} → ${value(entry.to)}`;
    return el('li', { 'data-entry-id': entry.id, 'data-dimension': entry.dimension, 'data-kind': entry.kind },
      el('div', { class: 'when' }, `${formatTime(entry.at)} · ${CAUSE_NAMES[entry.cause] ?? entry.cause} · 规则集 `,
        el('code', {}, entry.rulesetVersion), ` · 记录于 ${formatTime(entry.recordedAt)}`),
      el('div', { class: 'what' }, el('span', { class: `badge ${entry.kind}` }, KIND_NAMES[entry.kind] ?? entry.kind),
        ` ${labels.dimensionName(entry.dimension)}:${change}`),
      reasonList(entry.reasons),
      entry.rule ? el('div', { class: 'when' }, `规则:${entry.rule}`) : null,
      entry.author ? el('div', { class: 'when' }, `由 ${entry.author}`
        + (entry.expiresAt ? `,至 ${formatTime(entry.expiresAt)}` : '')) : null);
  });
  fill('timeline', items.length ? items : el('li', { class: 'empty' }, '没有历史记录'));
}

const MANUAL_NAMES = { FLOOR: '下限', PIN: '固定为', HOLD: '暂缓升级到' };

/** The manual decisions in force, each with a release button, and the form that sets one. */
function showManual(id, decision, labels, reload) {
  const base = `../customers/${encodeURIComponent(id)}/manual-decisions`;
  const result = (text, error) => fill('manual-result', el('span', { class: error ? 'error' : 'note' }, text));
  const items = decision.manual.map((manual) => el('li', { 'data-manual': `${manual.dimension}-${manual.kind}` },
    `${labels.dimensionName(manual.dimension)}${MANUAL_NAMES[manual.kind]}「${labels.valueName(manual.dimension,
      manual.value)}」· ${manual.author}:${manual.reason}`
      + (manual.expiresAt ? ` · 至 ${formatTime(manual.expiresAt)}` : ''), ' ',
    el('button', { type: 'button', 'data-release': manual.kind }, '解除')));
  fill('manual-list', items.length ? items : el('li', { class: 'empty' }, '无'));
  items.forEach((item, index) => item.querySelector('button').addEventListener('click', () => {
    const manual = decision.manual[index];
    const reason = window.prompt('解除的原因');
    if (!reason) {
      return;
    }
    postJson(`${base}/release`, { dimension: manual.dimension, kind: manual.kind, reason })
      .then(() => reload(), (error) => result(`未解除:${error.message}`, true));
  }));

  const dimensions = document.getElementById('manual-dimension');
  const values = document.getElementById('manual-value');
  const showValues = () => {
    const dimension = labels.dimensions.find((d) => d.dimension === dimensions.value);
    values.replaceChildren(...(dimension?.values ?? []).map((value) => el('option', { value: value.code }, value.name)));
  };
  dimensions.replaceChildren(...labels.dimensions.map((d) => el('option', { value: d.dimension },
    labels.dimensionName(d.dimension))));
  dimensions.onchange = showValues;
  showValues();
  document.getElementById('manual-form').onsubmit = (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const expires = form.get('expiresAt');
    postJson(base, {
      dimension: form.get('dimension'), kind: form.get('kind'), value: form.get('value'), reason: form.get('reason'),
      expiresAt: expires ? new Date(expires).toISOString() : null,
    }).then(() => reload(), (error) => result(error.status === 403 ? '只有编辑(editor)可以设定人工决定。'
      : `未保存:${error.message}`, true));
  };
}

async function load(id) {
  const base = `../customers/${encodeURIComponent(id)}`;
  fill('customer-title', `客户 ${id}`);
  let customer;
  try {
    customer = await getJson(base);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      fill('customer-meta', el('span', { class: 'note', id: 'customer-missing' }, `找不到客户 ${id}。`));
      return;
    }
    throw error;
  }
  const [labels, entries, explanation] = await Promise.all([loadLabels(), loadHistory(base), loadExplanation(base)]);
  const decision = customer.decision;
  fill('customer-meta', `评估时间 ${formatTime(decision.asOf)} · 规则集 `,
    el('a', { href: `rulesets.html?version=${encodeURIComponent(decision.rulesetVersion)}` }, decision.rulesetVersion),
    ` · 创建于 ${formatTime(customer.createdAt)} · 更新于 ${formatTime(customer.updatedAt)}`);
  showDecision(decision, labels);
  showManual(id, decision, labels, () => load(id));
  showExplanation(explanation, decision, labels);
  showTimeline(entries, labels);
  fill('facts', JSON.stringify({ attributes: customer.attributes, events: customer.events }, null, 2));
  document.getElementById('customer-sections').hidden = false;
}

header('customer');
const id = new URLSearchParams(window.location.search).get('id');
(id ? load(id) : Promise.resolve()).then(ready, failed);

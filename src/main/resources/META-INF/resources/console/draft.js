// The draft editor: GET ../rulesets/drafts/{id} (the files), PUT it to save (with the revision it was opened at: a
// 409 names who saved since and which files changed), POST …/validate (compile problems at file:line, scenarios) and
// …/simulate (what-if over every stored customer), …/approve and …/publish (with a mandatory comment).
// Everything is edited in the browser's copy of the files until "保存草稿" or "检查" (which saves first).
import {
  el, failed, fill, formatTime, getJson, header, loadLabels, postJson, ready, sendJson,
} from './common.js';

const PARAMETERS = 'parameters.yaml';
const id = new URLSearchParams(window.location.search).get('id');
const base = `../rulesets/drafts/${encodeURIComponent(id)}`;

let draft;        // as the service last answered (its files are the saved ones)
let files;        // the browser's copy, edited
let current;      // the file shown in the text editor
let labels;

const dirtyNames = () => Object.keys({ ...draft.files, ...files })
  .filter((name) => (draft.files[name] ?? null) !== (files[name] ?? null));

function markDirty() {
  const names = dirtyNames();
  fill('dirty', names.length ? `未保存的修改:${names.join('、')}` : '');
}

function showDraft() {
  fill('draft-title', `草稿 #${draft.id} · ${draft.title}`);
  fill('draft-meta', `作者 ${draft.author} · 基于版本 `, el('code', {}, draft.baseVersion ?? '—'),
    ` · 修订 `, el('strong', { id: 'draft-revision' }, draft.revision),
    ` · ${draft.savedBy} 保存于 ${formatTime(draft.savedAt)}`,
    draft.approved ? ` · 已由 ${draft.approvedBy} 审批` : (draft.approvedBy ? ` · 审批过修订 ${draft.approvedRevision},之后又有修改` : ''),
    draft.publicationId ? ' · 已发布' : '');
}

// ---- Parameters: parameters.yaml as a form --------------------------------------------------------------------

const UNITS = [[/Days$/, '天'], [/Spend$/, '元'], [/Rating$/, '星'], [/(Share|Ratio|Rate)$/, '比例'],
  [/(Purchases|Interactions|Shares|Referrals|Count|Times)$/, '次']];

/** name, value, line, and the comment block just above it (the label). */
function parseParameters(text) {
  const parameters = [];
  let comments = [];
  let shared = ''; // parameters right under another one share its comment
  (text ?? '').split('\n').forEach((line, index) => {
    const comment = line.match(/^\s*#\s?(.*)$/);
    const entry = line.match(/^([A-Za-z_]\w*):\s*([^\s#]+)/);
    if (comment) {
      comments.push(comment[1]);
    } else if (entry) {
      const label = comments.length ? comments.join(' ') : shared;
      parameters.push({ name: entry[1], value: entry[2], line: index + 1, label });
      shared = label;
      comments = [];
    } else if (!line.trim()) {
      comments = [];
      shared = '';
    }
  });
  return parameters;
}

/** Where each parameter is used: the rule around the line in .dslr/.drl, else file:line (ladders, tables). */
function usages(name) {
  const word = new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`);
  const found = new Set();
  for (const [file, text] of Object.entries(files)) {
    if (text === null || file === PARAMETERS || file.startsWith('scenarios/') || file.endsWith('.dsl')) {
      continue;
    }
    let rule = null;
    text.split('\n').forEach((line, index) => {
      const start = line.match(/^\s*(?:规则|rule)\s+"([^"]+)"/);
      if (start) {
        rule = start[1];
      }
      if (word.test(line) && !line.trim().startsWith('#') && !line.trim().startsWith('//')) {
        found.add(rule && /\.(dslr|drl)$/.test(file) ? rule : `${file}:${index + 1}`);
      }
    });
  }
  return [...found];
}

function setParameter(name, value) {
  files[PARAMETERS] = files[PARAMETERS].replace(new RegExp(`^(${name}:[ \\t]*)[^\\s#]*`, 'm'), `$1${value}`);
  if (current === PARAMETERS) {
    showFile(PARAMETERS);
  }
  markDirty();
}

function showParameters() {
  const saved = new Map(parseParameters(draft.files[PARAMETERS]).map((p) => [p.name, p.value]));
  document.querySelector('#params-table tbody').replaceChildren(...parseParameters(files[PARAMETERS]).map((p) => {
    const input = el('input', { id: `param-${p.name}`, value: p.value, 'aria-label': p.name,
      class: saved.get(p.name) !== p.value ? 'changed' : null });
    input.addEventListener('change', () => {
      const value = input.value.trim();
      if (!/^[^\s#]+$/.test(value)) {
        return; // empty or several words: left for the next change, parameters.yaml keeps its value
      }
      input.classList.toggle('changed', saved.get(p.name) !== value);
      setParameter(p.name, value);
    });
    const unit = UNITS.find(([pattern]) => pattern.test(p.name))?.[1] ?? '';
    const used = usages(p.name);
    return el('tr', { 'data-parameter': p.name },
      el('td', {}, el('code', {}, p.name), ' ', el('a', { href: '#', class: 'goto', title: '在编辑器中打开' }, `第 ${p.line} 行`)),
      el('td', {}, p.label), el('td', {}, input), el('td', {}, unit),
      el('td', { class: 'used-by' }, used.length ? used.join('、') : '(没有规则用到)'));
  }));
  document.querySelectorAll('#params-table a.goto').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    const name = link.closest('tr').dataset.parameter;
    goToLine(PARAMETERS, parseParameters(files[PARAMETERS]).find((p) => p.name === name).line);
  }));
}

// ---- The text editor with line numbers and DSL sentences ------------------------------------------------------

function showFileList() {
  const select = document.getElementById('file-select');
  select.replaceChildren(...Object.keys(files).filter((name) => files[name] !== null).sort()
    .map((name) => el('option', { value: name }, name)));
  select.value = current;
}

function showGutter() {
  const lines = document.getElementById('file-text').value.split('\n').length;
  fill('gutter', Array.from({ length: lines }, (_, i) => i + 1).join('\n'));
}

function showFile(name) {
  current = name;
  document.getElementById('file-select').value = name;
  document.getElementById('file-text').value = files[name] ?? '';
  showGutter();
}

/** Opens a file in the editor and selects one line. */
function goToLine(file, line) {
  if (!(file in files)) {
    return;
  }
  showFile(file);
  const text = document.getElementById('file-text');
  const lines = text.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  text.focus();
  text.setSelectionRange(start, start + (lines[line - 1] ?? '').length);
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
  text.scrollTop = Math.max(0, (line - 5) * lineHeight);
  document.getElementById('gutter').scrollTop = text.scrollTop;
  text.dataset.line = line;
  text.scrollIntoView({ block: 'center' });
}

/** The sentences of marketing.dsl ([when] / [then] entries), as a marketer writes them: {名称} marks a blank. */
function sentences(dsl) {
  const result = new Set();
  for (const line of (dsl ?? '').split('\n')) {
    const entry = line.match(/^\[(when|then|\*)\](.*)$/);
    if (!entry) {
      continue;
    }
    const split = entry[2].indexOf('(?!.)=');
    const left = split >= 0 ? entry[2].slice(0, split) : entry[2].split('=')[0];
    const sentence = left.replace(/\{([^:}]+):[^}]*\}/g, '{$1}').replace(/\\s[*+]/g, ' ').replace(/\^/g, '')
      .replace(/\\u300c/g, '「').replace(/\\u300d/g, '」').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
    if (sentence && !sentence.includes('_') && !/^\(\?/.test(sentence)) {
      result.add(`${sentence}`);
    }
  }
  return [...result];
}

function showSentences() {
  const dsl = Object.keys(files).find((name) => name.endsWith('.dsl'));
  const list = sentences(files[dsl]);
  fill('dsl-sentences', list.map((sentence) => el('option', { value: sentence })));
  fill('sentence-count', `${list.length} 个句子,来自 ${dsl ?? '(没有 .dsl 文件)'}`);
}

function insertSentence() {
  const sentence = document.getElementById('sentence').value;
  const text = document.getElementById('file-text');
  if (!sentence) {
    return;
  }
  const at = text.selectionStart;
  text.setRangeText(`    ${sentence}\n`, at, text.selectionEnd, 'end');
  files[current] = text.value;
  showGutter();
  markDirty();
}

// ---- Save, check, accept, publish -----------------------------------------------------------------------------

function result(target, ok, ...message) {
  fill(target, el('p', { class: ok ? 'note' : 'error' }, ...message));
}

/** Saves the files changed since the last save, at the revision they were opened at. */
async function save() {
  const names = dirtyNames();
  if (!names.length) {
    return true;
  }
  const changed = Object.fromEntries(names.map((name) => [name, files[name] ?? null]));
  try {
    draft = await sendJson('PUT', base, { revision: draft.revision, files: changed });
  } catch (error) {
    const who = error.status === 409 ? '别人在你打开之后保存了这个草稿,没有覆盖任何内容。重新打开草稿再改:' : '保存失败:';
    fill('save-result', el('p', { class: 'error', id: 'save-error' }, who, error.message));
    return false;
  }
  files = { ...draft.files };
  showDraft();
  markDirty();
  showParameters();
  result('save-result', true, `已保存为修订 ${draft.revision}。`);
  return true;
}

/** Where a scenario's expectation of one dimension is written: the line, for "accept". */
function expectationLine(text, scenario, dimension, expected) {
  const lines = text.split('\n');
  const quoted = (s) => s.replace(/^["']|["']$/g, '').trim();
  const start = lines.findIndex((line) => {
    const name = line.match(/^\s*-\s*name:\s*(.*)$/);
    return name && quoted(name[1]) === scenario;
  });
  if (start < 0) {
    return -1;
  }
  let inExpect = false;
  let expectIndent = 0;
  for (let i = start + 1; i < lines.length && !/^\s*-\s*name:/.test(lines[i]); i++) {
    const line = lines[i];
    const indent = line.search(/\S/);
    if (/^\s*later:/.test(line)) {
      return -1; // what follows belongs to later steps
    }
    const expect = line.match(/^(\s*)expect:\s*(.*)$/);
    if (expect) {
      if (new RegExp(`[{,\\s]${dimension}:\\s*${expected}\\s*[,}]`).test(` ${expect[2]}`)) {
        return i;
      }
      inExpect = true;
      expectIndent = expect[1].length;
      continue;
    }
    if (inExpect && indent >= 0 && indent <= expectIndent) {
      inExpect = false;
    }
    if (inExpect && new RegExp(`^\\s*${dimension}:\\s*["']?${expected}["']?\\s*(#.*)?$`).test(line)) {
      return i;
    }
  }
  return -1;
}

function accept(file, scenario, dimension, expected, actual) {
  const text = files[file];
  const index = expectationLine(text, scenario, dimension, expected);
  const lines = text.split('\n');
  lines[index] = lines[index].replace(new RegExp(`(${dimension}:\\s*["']?)${expected}`), `$1${actual}`);
  files[file] = lines.join('\n');
  goToLine(file, index + 1);
  markDirty();
}

function showValidation(report) {
  const problems = report.problems.map((problem) => el('li', { class: 'problem' },
    problem.line > 0
      ? el('a', { href: '#', 'data-file': problem.file, 'data-line': problem.line, class: 'jump' },
        `${problem.file}:${problem.line}:${problem.column}`)
      : el('code', {}, problem.file), ` ${problem.message}`));
  const failedScenarios = report.scenarios.filter((scenario) => !scenario.passed);
  const scenarioItems = failedScenarios.map((scenario) => el('li', { class: 'failed-scenario', 'data-scenario': scenario.scenario },
    `场景 ${scenario.file} › ${scenario.scenario}`,
    el('ul', {}, scenario.failures.map((failure) => {
      const pinned = failure.match(/^([A-Za-z]\w*): expected ([A-Za-z_]\w*), got ([A-Za-z_]\w*)/);
      const line = pinned && files[scenario.file] !== undefined
        ? expectationLine(files[scenario.file], scenario.scenario, pinned[1], pinned[2]) : -1;
      if (!pinned) {
        return el('li', {}, failure);
      }
      const item = el('li', {}, `${labels.dimensionName(pinned[1])}:期望 `,
        el('strong', { class: 'expected' }, `${labels.valueName(pinned[1], pinned[2])}(${pinned[2]})`), ',实际 ',
        el('strong', { class: 'actual' }, `${labels.valueName(pinned[1], pinned[3])}(${pinned[3]})`),
        el('div', { class: 'meta' }, failure), line >= 0
          ? el('button', { type: 'button', class: 'accept' }, `接受:把期望改为 ${pinned[3]}(第 ${line + 1} 行)`)
          : el('span', { class: 'meta' }, '(无法自动改写,请在编辑器中修改这个场景)'));
      item.querySelector('button.accept')?.addEventListener('click', (event) => {
        accept(scenario.file, scenario.scenario, pinned[1], pinned[2], pinned[3]);
        event.target.replaceWith(el('span', { class: 'accepted' }, '已改写(未保存,点“检查”会保存并重新检查)'));
      });
      return item;
    }))));
  const passed = report.scenarios.length - failedScenarios.length;
  fill('check-result',
    el('p', { id: 'check-verdict', class: report.valid ? 'note' : 'error', 'data-valid': report.valid },
      report.valid ? `通过:编译成功,${report.scenarios.length} 个场景全部通过。版本 ${report.version}`
        : `未通过:${report.problems.length} 个编译问题,${failedScenarios.length} 个场景失败(${passed} 个通过)。`),
    problems.length ? el('ul', { id: 'compile-problems', class: 'reasons' }, problems) : null,
    scenarioItems.length ? el('ul', { id: 'failed-scenarios', class: 'reasons' }, scenarioItems) : null,
    el('div', { id: 'whatif' }));
  document.querySelectorAll('#check-result a.jump').forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    goToLine(link.dataset.file, Number(link.dataset.line));
  }));
}

/** Before → after per value (ladders order), and how many move to a lower value of an ordered dimension. */
function showWhatIf(report) {
  const byDimension = new Map(labels.dimensions.map((d) => [d.dimension, d]));
  const sections = Object.entries(report.dimensions).map(([dimension, counts]) => {
    const info = byDimension.get(dimension);
    const order = (info?.values ?? []).map((value) => value.code);
    const rank = (code) => (code === 'NONE' ? -1 : order.indexOf(code));
    const codes = [...new Set([...order, ...Object.keys(counts.before), ...Object.keys(counts.after)])]
      .filter((code) => counts.before[code] !== undefined || counts.after[code] !== undefined);
    const downgraded = info?.ordered ? counts.transitions.filter((t) => t.from !== t.to && rank(t.to) < rank(t.from)
      && (t.to === 'NONE' || rank(t.to) >= 0) && rank(t.from) >= 0).reduce((sum, t) => sum + t.count, 0) : null;
    const moved = counts.transitions.filter((t) => t.from !== t.to);
    const name = (code) => (code === 'NONE' ? '无' : labels.valueName(dimension, code));
    return el('section', { class: 'whatif-dimension', 'data-dimension': dimension },
      el('h3', {}, labels.dimensionName(dimension), moved.length ? '' : '(没有变化)',
        downgraded !== null ? el('span', { class: 'downgraded', 'data-count': downgraded }, ` · 将被降级 ${downgraded} 人`) : ''),
      moved.length ? el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, '取值'), el('th', {}, '现在'), el('th', {}, '草稿'), el('th', {}, '变化'))),
        el('tbody', {}, codes.map((code) => {
          const before = counts.before[code] ?? 0;
          const after = counts.after[code] ?? 0;
          return el('tr', { 'data-value': code, class: before !== after ? 'moved' : null }, el('td', {}, name(code)),
            el('td', { class: 'number before' }, before), el('td', { class: 'number after' }, after),
            el('td', { class: 'number' }, after - before > 0 ? `+${after - before}` : after - before));
        }))) : null,
      moved.length ? el('ul', { class: 'reasons' }, moved.map((t) => el('li', {},
        `${name(t.from)} → ${name(t.to)}:${t.count} 人(例如 ${t.sampleCustomerIds.join('、')})`))) : null);
  });
  fill('whatif', el('h3', {}, `影响分析:${report.customers} 位已存客户中 `,
    el('strong', { id: 'whatif-changed' }, report.changed), ` 位会变化(按 ${formatTime(report.asOf)} 评估,用时 ${report.elapsedMillis} ms)`),
  sections);
}

async function check() {
  const target = document.getElementById('check-result');
  delete target.dataset.done;
  fill('check-result', el('p', { class: 'meta' }, '检查中…'));
  if (!(await save())) {
    fill('check-result', el('p', { class: 'error' }, '草稿没有保存,未检查。'));
    target.dataset.done = 'error';
    return;
  }
  try {
    const report = await sendJson('POST', `${base}/validate`);
    showValidation(report);
    if (!report.problems.length) {
      fill('whatif', el('p', { class: 'meta' }, '影响分析中…'));
      showWhatIf(await sendJson('POST', `${base}/simulate`));
    }
    document.getElementById('check-result').dataset.done = 'true';
  } catch (error) {
    fill('check-result', el('p', { class: 'error', id: 'check-error' }, error.message));
    target.dataset.done = 'error';
  }
}

async function publish() {
  const comment = document.getElementById('publish-comment').value.trim();
  if (!comment) {
    result('publish-result', false, '请填写发布说明。');
    return;
  }
  if (!(await save())) {
    return;
  }
  try {
    const activation = await postJson(`${base}/publish`, { revision: draft.revision, comment });
    fill('publish-result', el('p', { class: 'note', id: 'published' }, '已发布,版本 ',
      el('a', { href: `rulesets.html?version=${encodeURIComponent(activation.version)}` },
        el('code', { id: 'published-version' }, activation.version)), `(${activation.publishedBy},${formatTime(activation.activatedAt)})`));
    draft = await getJson(base);
    showDraft();
  } catch (error) {
    result('publish-result', false, error.message);
  }
}

async function approve() {
  try {
    draft = await postJson(`${base}/approve`, { revision: draft.revision });
    showDraft();
    result('publish-result', true, `已审批修订 ${draft.revision}。`);
  } catch (error) {
    result('publish-result', false, error.message);
  }
}

async function load() {
  [draft, labels] = await Promise.all([getJson(base), loadLabels()]);
  files = { ...draft.files };
  showDraft();
  showFileList();
  showFile(files[PARAMETERS] !== undefined ? PARAMETERS : Object.keys(files).sort()[0]);
  showParameters();
  showSentences();
  const text = document.getElementById('file-text');
  text.addEventListener('input', () => {
    files[current] = text.value;
    showGutter();
    markDirty();
  });
  text.addEventListener('change', () => current === PARAMETERS && showParameters());
  text.addEventListener('scroll', () => {
    document.getElementById('gutter').scrollTop = text.scrollTop;
  });
  document.getElementById('file-select').addEventListener('change', (event) => showFile(event.target.value));
  document.getElementById('insert-sentence').addEventListener('click', insertSentence);
  document.getElementById('save').addEventListener('click', () => save());
  document.getElementById('check').addEventListener('click', () => check());
  document.getElementById('publish').addEventListener('click', () => publish());
  document.getElementById('approve').addEventListener('click', () => approve());
}

header('rulesets');
load().then(ready, failed);

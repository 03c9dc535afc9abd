// Rule sets: GET ../rulesets/current (what is active, since when, why, the last rejection), ../rulesets (every
// version with who published it and why), ../rulesets/rule-usage (per rule: fired, held back), ../rulesets/{version}
// (its files) and ../instances (the instances alive, with the version each serves). ?version=… shows the files of
// another stored version.
import {
  TRIGGER_NAMES, el, failed, fill, formatRate, formatTime, getJson, header, postJson, ready,
} from './common.js';

const JOB_STATES = { RUNNING: '进行中', DONE: '已完成', STOPPED: '已停止', FAILED: '失败' };
const SHOWN_ACTIVATIONS = 3;
const trigger = (code) => TRIGGER_NAMES[code] ?? code;
const versionLink = (version) => el('a', { href: `rulesets.html?version=${encodeURIComponent(version)}` },
  el('code', {}, version));

function showActive(current) {
  const row = (name, ...value) => el('tr', {}, el('th', {}, name), el('td', {}, ...value));
  const job = current.reevaluation;
  const rows = [
    row('版本', el('code', { id: 'active-version' }, current.version)),
    row('生效时间', formatTime(current.activatedAt)),
    row('生效原因', trigger(current.trigger)),
    row('文件数', current.files.length),
  ];
  if (job) {
    rows.push(row('最近一次重新评估', `${JOB_STATES[job.state] ?? job.state} · ${job.customers} 位客户,`
      + `${job.changed} 位有变化 · 批次 ${job.batchesDone}/${job.batches} · 开始于 ${formatTime(job.startedAt)}`
      + (job.instances.length ? ` · 执行实例:${job.instances.join('、')}` : '')
      + (job.error ? ` · 错误:${job.error}` : '')));
  }
  document.querySelector('#active-table tbody').replaceChildren(...rows);
}

/** The instances alive on this database (GET ../instances): each one's heartbeat and the version it serves. */
function showInstances(instances, activeVersion) {
  document.querySelector('#instances-table tbody').replaceChildren(...instances.map((instance) => el('tr', {},
    el('td', {}, el('code', {}, instance.id), instance.self ? '(本实例)' : ''),
    el('td', {}, instance.host),
    el('td', {}, formatTime(instance.startedAt)),
    el('td', {}, formatTime(instance.lastSeenAt)),
    el('td', {}, versionLink(instance.rulesetVersion),
      instance.rulesetVersion === activeVersion ? '' : '(与本实例不同)'))));
}

function showRejection(rejection) {
  if (!rejection) {
    fill('rejection', el('p', { class: 'empty', id: 'no-rejection' }, '没有被拒绝的修改。'));
    return;
  }
  const problems = rejection.problems.map((problem) => el('li', {},
    el('code', {}, problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file),
    ` ${problem.message}`));
  const scenarios = rejection.failedScenarios.map((scenario) => el('li', {},
    `场景 ${scenario.file} › ${scenario.scenario}:`, el('ul', {}, scenario.failures.map((failure) => el('li', {}, failure)))));
  fill('rejection',
    el('p', { class: 'note' }, `${formatTime(rejection.at)}(${trigger(rejection.trigger)})的修改未生效,`
      + `当前版本继续服务。` + (rejection.version ? `被拒绝的版本:${rejection.version}` : '')),
    el('ul', { class: 'reasons', id: 'rejection-problems' }, problems, scenarios));
}

function showVersions(versions) {
  document.querySelector('#versions-table tbody').replaceChildren(...versions.map((version) => el('tr', {},
    el('td', {}, versionLink(version.version), version.active ? ' (当前)' : ''),
    el('td', {}, version.activations.slice(0, SHOWN_ACTIVATIONS)
      .map((activation) => `${formatTime(activation.activatedAt)} ${trigger(activation.trigger)}`
        + (activation.publishedBy ? ` · ${activation.publishedBy}` : '')
        + (activation.approver ? `(审批:${activation.approver})` : '')
        + (activation.comment ? ` · 「${activation.comment}」` : '')).join(';')
      + (version.activations.length > SHOWN_ACTIVATIONS ? `…(共 ${version.activations.length} 次)` : '')),
    el('td', {}, version.active ? '' : el('button', { type: 'button', class: 'rollback', 'data-version': version.version },
      '回滚到此版本')))));
  document.querySelectorAll('#versions-table button.rollback').forEach((button) => button.addEventListener('click', () => {
    const comment = document.getElementById('rollback-comment').value.trim();
    if (!comment) {
      fill('rollback-result', el('span', { class: 'error' }, '请先填写回滚说明。'));
      return;
    }
    postJson(`../rulesets/${encodeURIComponent(button.dataset.version)}/rollback`, { comment })
      .then((activation) => fill('rollback-result', el('span', { class: 'note', id: 'rolled-back' },
        `已回滚到 ${activation.version}。`)), (error) => fill('rollback-result', el('span', { class: 'error' },
        error.status === 403 ? '只有编辑(editor)可以回滚。' : error.message)));
  }));
}

const DRAFT_STATES = (draft) => (draft.publicationId ? '已发布' : draft.approved ? '已审批' : '编辑中');

function showDrafts(drafts) {
  document.querySelector('#drafts-table tbody').replaceChildren(...drafts.map((draft) => el('tr', { 'data-id': draft.id },
    el('td', {}, el('a', { href: `draft.html?id=${draft.id}` }, `#${draft.id} ${draft.title}`)),
    el('td', {}, draft.author), el('td', { class: 'number' }, draft.revision),
    el('td', {}, `${draft.savedBy} · ${formatTime(draft.savedAt)}`), el('td', {}, DRAFT_STATES(draft)))));
  document.getElementById('new-draft').addEventListener('click', () => {
    const title = document.getElementById('new-draft-title').value.trim();
    if (!title) {
      fill('new-draft-result', el('span', { class: 'error' }, '请填写草稿标题。'));
      return;
    }
    postJson('../rulesets/drafts', { title, files: {} })
      .then((draft) => { window.location.href = `draft.html?id=${draft.id}`; }, (error) => fill('new-draft-result',
        el('span', { class: 'error' }, error.status === 403 ? '只有编辑(editor)可以开始草稿。' : error.message)));
  });
}

function showFiles(stored, activeVersion) {
  fill('files-title', `文件 · 版本 `, el('code', { id: 'files-version' }, stored.version),
    stored.version === activeVersion ? '(当前生效)' : '(历史版本)');
  const names = Object.keys(stored.files).sort();
  fill('file-index', names.map((name, index) => [index ? ' · ' : '', el('a', { href: `#file-${name}` }, name)]).flat());
  fill('files', names.map((name) => el('section', { class: 'file', id: `file-${name}` },
    el('h2', {}, el('code', { class: 'file-name' }, name)),
    el('pre', {}, stored.files[name]))));
}

const CONFIRMATION_STATES = { PENDING: '等待确认', CONFIRMED: '已确认', DISMISSED: '已放弃', SUPERSEDED: '已被新版本取代' };

/** Bulk re-evaluations waiting for a person (what-if counts first, then confirm or dismiss), and decided ones. */
function showConfirmations(confirmations) {
  if (!confirmations.length) {
    fill('confirmations', el('p', { class: 'empty', id: 'no-confirmations' }, '没有需要确认的批量重新评估。'));
    return;
  }
  const decide = (confirmation, action) => {
    const reason = window.prompt(action === 'confirm' ? '确认的原因(可选)' : '放弃的原因(可选)') ?? '';
    postJson(`../reevaluations/confirmations/${confirmation.id}/${action}`, { reason: reason || null })
      .then(() => window.location.reload(), (error) => fill('confirmation-result',
        el('span', { class: 'error' }, error.status === 403 ? '只有编辑(editor)可以确认。' : error.message)));
  };
  fill('confirmations', confirmations.map((confirmation) => el('section', {
    class: 'confirmation', 'data-state': confirmation.state, 'data-id': confirmation.id,
  },
  el('p', {}, `#${confirmation.id} · 规则集 `, el('code', {}, confirmation.rulesetVersion), `(原 `,
    el('code', {}, confirmation.previousVersion), `)· ${formatTime(confirmation.requestedAt)} · `,
    el('strong', {}, CONFIRMATION_STATES[confirmation.state] ?? confirmation.state),
    confirmation.decidedBy ? ` · ${confirmation.decidedBy} 于 ${formatTime(confirmation.decidedAt)}` : '',
    confirmation.reason ? `:${confirmation.reason}` : ''),
  el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '维度'), el('th', {}, '取值'), el('th', {}, '持有人'),
    el('th', {}, '将被降级'), el('th', {}, '比例'))),
  el('tbody', {}, confirmation.whatIf.filter((count) => count.downgraded > 0).map((count) => el('tr', {
    class: count.overThreshold ? 'error' : null,
  }, el('td', {}, count.dimension), el('td', {}, count.valueName), el('td', { class: 'number' }, count.holders),
  el('td', { class: 'number' }, count.downgraded), el('td', { class: 'number' }, formatRate(count.share)))))),
  confirmation.state === 'PENDING' ? el('p', {},
    el('button', { type: 'button', id: 'confirm-bulk' }, '确认,重新评估所有已存客户'), ' ',
    el('button', { type: 'button', id: 'dismiss-bulk' }, '放弃'), el('span', { id: 'confirmation-result' })) : null)));
  const pending = confirmations.find((confirmation) => confirmation.state === 'PENDING');
  if (pending) {
    document.getElementById('confirm-bulk').addEventListener('click', () => decide(pending, 'confirm'));
    document.getElementById('dismiss-bulk').addEventListener('click', () => decide(pending, 'dismiss'));
  }
}

function showUsage(usage) {
  document.querySelector('#usage-table tbody').replaceChildren(...usage.rules.map((rule) => el('tr', {},
    el('td', {}, rule.rule), el('td', {}, rule.fired7), el('td', {}, rule.heldBack7), el('td', {}, rule.fired30),
    el('td', {}, rule.heldBack30))));
  fill('never-fired', usage.neverFired.length
    ? `30 天内从未触发(${usage.neverFired.length} 条):${usage.neverFired.join('、')}`
    : '30 天内每条规则都触发过。');
}

async function load() {
  const asked = new URLSearchParams(window.location.search).get('version');
  const [current, versions, confirmations, usage, instances, drafts] = await Promise.all([
    getJson('../rulesets/current'), getJson('../rulesets'), getJson('../reevaluations/confirmations'),
    getJson('../rulesets/rule-usage'), getJson('../instances'), getJson('../rulesets/drafts')]);
  showDrafts(drafts);
  showActive(current);
  showUsage(usage);
  showInstances(instances, current.version);
  showConfirmations(confirmations.slice(0, 5));
  showRejection(current.lastRejected);
  showVersions(versions);
  const shown = asked || current.version;
  showFiles(await getJson(`../rulesets/${encodeURIComponent(shown)}`), current.version);
}

header('rulesets');
load().then(ready, failed);

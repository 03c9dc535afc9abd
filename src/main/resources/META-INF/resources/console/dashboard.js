// The dashboard: GET ../dashboard/summary gives every number; this file only draws them with ECharts.
import { KIND_NAMES, dimensionTitle, el, failed, fill, formatRate, formatTime, getJson, header, ready } from './common.js';

/* global echarts */

const DAILY_KINDS = ['UPGRADE', 'DOWNGRADE', 'HELD_BACK', 'INITIAL', 'CHANGE', 'WARNING'];
const SHOWN_AT_FIRST = new Set(['UPGRADE', 'DOWNGRADE', 'HELD_BACK']);
const ALL = '*';

let summary;

function chart(id) {
  const element = document.getElementById(id);
  return echarts.getInstanceByDom(element) ?? echarts.init(element);
}

/** Draws a chart at once: no animation, so what a screenshot or a test reads is the final picture. */
function draw(id, option) {
  chart(id).setOption({ animation: false, ...option }, true);
}

function counts(dimension) {
  return summary.dimensions.find((counts) => counts.dimension === dimension);
}

/** A bar chart of the customers per value of a dimension, "无" included. */
function drawBars(id, dimension) {
  const values = counts(dimension)?.values ?? [];
  draw(id, {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: values.map((value) => value.name), axisLabel: { interval: 0, rotate: values.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '人数', data: values.map((value) => value.count), label: { show: true, position: 'top' } }],
  });
}

function drawFunnel() {
  const steps = summary.funnel;
  draw('chart-funnel', {
    tooltip: { trigger: 'item', formatter: (item) => `${item.name}:${item.value} 人` },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '10%', gap: 2,
      label: {
        position: 'inside', color: '#1f2933', fontSize: 13,
        formatter: (item) => {
          const rate = steps[item.dataIndex].rate;
          return `${item.name} ${item.value}` + (item.dataIndex > 0 ? `(${formatRate(rate)})` : '');
        },
      },
      data: steps.map((step) => ({ name: step.name, value: step.count })),
    }],
  });
  document.querySelector('#funnel-table tbody').replaceChildren(...steps.map((step, index) => el('tr', {},
    el('td', {}, step.name), el('td', { class: 'number' }, step.count),
    el('td', { class: 'number' }, index === 0 ? '—' : formatRate(step.rate)))));
}

function drawDaily() {
  const dimension = document.getElementById('daily-dimension').value;
  const { days, series, zone } = summary.daily;
  const kinds = DAILY_KINDS.filter((kind) => SHOWN_AT_FIRST.has(kind)
    || series.some((one) => one.kind === kind && (dimension === ALL || one.dimension === dimension)));
  const perKind = kinds.map((kind) => {
    const total = days.map(() => 0);
    series.filter((one) => one.kind === kind && (dimension === ALL || one.dimension === dimension))
      .forEach((one) => one.counts.forEach((count, day) => { total[day] += count; }));
    return { kind, total };
  });
  const selected = Object.fromEntries(kinds.map((kind) => [KIND_NAMES[kind], SHOWN_AT_FIRST.has(kind)]));
  draw('chart-daily', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, selected },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: days.map((day) => day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: perKind.map(({ kind, total }) => ({ type: 'line', name: KIND_NAMES[kind], data: total, smooth: false })),
  });
  fill('daily-zone', zone);
}

function drawReasons() {
  const rows = summary.heldBackReasons.map((reason) => el('tr', {},
    el('td', {}, reason.reason), el('td', {}, reason.rule ?? '—'),
    el('td', {}, reason.tiers.map((tier) => tier.name).join('、')),
    el('td', { class: 'number' }, reason.customers)));
  document.querySelector('#reasons-table tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: 4, class: 'empty' }, '当前没有客户被暂缓升级'))]));
}

function fillSelects() {
  const others = summary.dimensions.filter((one) => one.dimension !== 'stage' && one.dimension !== 'tier');
  const other = document.getElementById('other-dimension');
  if (!other.options.length) {
    other.replaceChildren(...others.map((one) => el('option', { value: one.dimension }, dimensionTitle(one))));
    other.addEventListener('change', () => drawBars('chart-other', other.value));
  }
  const daily = document.getElementById('daily-dimension');
  if (!daily.options.length) {
    daily.replaceChildren(el('option', { value: ALL }, '全部维度'),
      ...summary.dimensions.map((one) => el('option', { value: one.dimension, selected: one.dimension === 'tier' ? '' : null },
        dimensionTitle(one))));
    daily.addEventListener('change', drawDaily);
  }
}

async function load() {
  const days = document.getElementById('daily-days').value;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
  summary = await getJson(`../dashboard/summary?days=${days}&zone=${encodeURIComponent(zone)}`);
  fill('summary-meta', `客户总数 ${summary.customers} · 规则集版本 `, el('code', {}, summary.rulesetVersion),
    ` · 统计于 ${formatTime(summary.generatedAt)}`);
  fillSelects();
  drawBars('chart-tier', 'tier');
  drawBars('chart-stage', 'stage');
  drawFunnel();
  drawDaily();
  drawReasons();
  drawBars('chart-other', document.getElementById('other-dimension').value);
}

const TABLE_NAMES = {
  history_entry: '变化记录', evaluation: '评估', attribute_change: '属性变化', customer_event_log: '事件版本',
  customer_event: '当前事件', ruleset: '规则集', ruleset_activation: '规则集启用',
};

/** GET /history/verify: whether every hash chain holds, and the first row that does not. */
async function verifyHistory() {
  const button = document.getElementById('verify-history');
  button.disabled = true;
  fill('verify-result', el('p', { class: 'meta' }, '校验中…'));
  try {
    const result = await getJson('../history/verify');
    const counts = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '表'), el('th', {}, '校验行数'))),
      el('tbody', {}, Object.entries(result.checkedRows).map(([table, rows]) =>
        el('tr', {}, el('td', {}, `${TABLE_NAMES[table] ?? table} (${table})`), el('td', {}, rows)))));
    const broken = result.firstBroken;
    const verdict = result.ok
      ? el('p', { id: 'verify-verdict', 'data-ok': 'true' }, '✓ 所有哈希链完整:历史未被绕过服务改动。')
      : el('p', { id: 'verify-verdict', 'data-ok': 'false', class: 'error' },
        `✗ 第一处断链:表 ${broken.table},客户 ${broken.customerId ?? '—'},记录 ${broken.id}:${broken.reason}`);
    fill('verify-result', verdict, counts);
  } catch (error) {
    fill('verify-result', el('p', { class: 'error' }, `校验失败:${error.message}`));
  } finally {
    button.disabled = false;
  }
}

header('dashboard');
document.getElementById('verify-history').addEventListener('click', () => verifyHistory());
document.getElementById('daily-days').addEventListener('change', () => load().catch(failed));
window.addEventListener('resize', () => document.querySelectorAll('.chart')
  .forEach((element) => echarts.getInstanceByDom(element)?.resize()));
load().then(ready, failed);

// Helpers every console page uses. URLs are relative to /console/, so the pages work under any path prefix and
// the browser's credentials for the service apply to every request.

export const KIND_NAMES = {
  INITIAL: '首次定级', UPGRADE: '升级', GAINED: '获得角色', LOST: '失去角色', DOWNGRADE: '降级', CHANGE: '变更', HELD_BACK: '暂缓升级', WARNING: '预警',
  OVERRIDE: '人工设定', HOLD: '人工暂缓', RELEASE: '解除人工决定',
};
export const CAUSE_NAMES = { NEW_FACTS: '新事实', TIME: '时间推移', RULESET_CHANGE: '规则集变更', MANUAL: '人工决定' };
/** Why a value differs from what the rules say (DimensionValue.keptBy). */
export const KEPT_BY_NAMES = {
  GRACE: '宽限期保留', STEP: '逐级降', QUALIFICATION: '资格期未满', FLOOR: '人工下限', PIN: '人工固定', HOLD: '人工暂缓',
};
export const TRIGGER_NAMES = { STARTUP: '服务启动', FILE_CHANGE: '规则文件修改', PUBLISH: '发布', ROLLBACK: '回滚' };

/** The display name of a dimension given as {dimension, name} (ladders.yaml's name, else its key). */
export function dimensionTitle({ dimension, name }) {
  return name || dimension;
}

/** An answer other than 2xx; keeps the status so a page can tell "not there" from a failure. */
export class HttpError extends Error {
  constructor(status, url, body) {
    super(`${url}: HTTP ${status}${body ? ' ' + body.slice(0, 300) : ''}`);
    this.status = status;
  }
}

/** GET a URL and parse its JSON answer. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new HttpError(response.status, url, await response.text());
  }
  return response.json();
}

/**
 * POST a JSON body and parse the JSON answer; a refusal becomes an HttpError whose message lists each field's
 * problem (the service's 4xx body), so a form can show it as is.
 */
export async function postJson(url, body) {
  return sendJson('POST', url, body);
}

/** Like postJson for any method; without a body when body is undefined. */
export async function sendJson(method, url, body) {
  const response = await fetch(url, body === undefined
    ? { method, headers: { Accept: 'application/json' } }
    : { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) {
    const text = await response.text();
    let message = text;
    try {
      const error = JSON.parse(text);
      message = [error.message, ...(error.problems ?? []).map((p) => `${p.field}: ${p.message}`)].join(';');
    } catch (ignored) {
      // not JSON: keep the text
    }
    throw new HttpError(response.status, url, message);
  }
  return response.json();
}

/** Creates an element; children are nodes or strings (always set as text, never parsed as HTML). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Replaces the content of the element with the given id. */
export function fill(id, ...children) {
  const target = document.getElementById(id);
  target.replaceChildren(...children.flat().filter((child) => child !== undefined && child !== null));
  return target;
}

export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—';
}

export function formatRate(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Display names of every dimension and value of the active ladders.yaml. */
export async function loadLabels() {
  const dimensions = await getJson('../dashboard/labels');
  const byDimension = new Map(dimensions.map((dimension) => [dimension.dimension, dimension]));
  return {
    dimensions,
    dimensionName: (dimension) => dimensionTitle(byDimension.get(dimension) ?? { dimension }),
    valueName(dimension, code) {
      if (code === null || code === undefined) {
        return '无';
      }
      return byDimension.get(dimension)?.values.find((value) => value.code === code)?.name ?? code;
    },
  };
}

/** Marks the page as rendered (browser tests wait for it). */
export function ready() {
  document.body.dataset.ready = 'true';
}

/** Shows what went wrong on the page itself, and marks the page as failed. */
export function failed(error) {
  const banner = el('p', { class: 'error', id: 'page-error' }, `无法加载数据:${error.message}`);
  document.querySelector('main').prepend(banner);
  document.body.dataset.ready = 'error';
}

/** The header with the navigation and the customer search, shared by every page. */
export function header(current) {
  const link = (href, text, name) => el('a', { href, class: name === current ? 'current' : null }, text);
  const search = el('form', { action: 'customer.html', method: 'get' },
    el('input', { name: 'id', placeholder: '客户 ID', 'aria-label': '客户 ID', required: '' }), ' ',
    el('button', { type: 'submit' }, '查看客户'));
  document.body.prepend(el('header', { class: 'top' },
    el('h1', {}, '客户分层控制台'),
    el('nav', {}, link('index.html', '概览', 'dashboard'), link('customer.html', '客户', 'customer'),
      link('rulesets.html', '规则集', 'rulesets'), link('webhooks.html', '订阅', 'webhooks')),
    search));
}

// Webhook subscriptions: GET ../webhooks (each with its pending, delivered and dead deliveries and the last error).
import { el, failed, formatTime, getJson, header, ready } from './common.js';

const filters = (subscription) => {
  const parts = [['维度', subscription.dimensions], ['类型', subscription.kinds], ['取值', subscription.values]]
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => `${name}:${list.join('、')}`);
  return parts.length > 0 ? parts.join(';') : '全部';
};

function show(subscriptions) {
  const rows = subscriptions.map((subscription) => {
    const status = subscription.status;
    return el('tr', { 'data-id': subscription.id },
      el('td', {}, subscription.id),
      el('td', {}, el('code', {}, subscription.url)),
      el('td', {}, subscription.description ?? ''),
      el('td', {}, filters(subscription)),
      el('td', { class: 'pending' }, status.pending),
      el('td', { class: 'delivered' }, status.delivered),
      el('td', { class: status.dead > 0 ? 'dead error' : 'dead' }, status.dead),
      el('td', { class: 'last-error' }, status.lastError
        ? `${status.lastError}(${formatTime(status.lastErrorAt)})` : '—'),
      el('td', {}, status.lastDeliveredAt ? formatTime(status.lastDeliveredAt) : '—'));
  });
  if (rows.length === 0) {
    rows.push(el('tr', {}, el('td', { colspan: 9, class: 'empty', id: 'no-webhooks' }, '还没有订阅。')));
  }
  document.querySelector('#webhooks-table tbody').replaceChildren(...rows);
}

header('webhooks');
getJson('../webhooks').then(show).then(ready, failed);

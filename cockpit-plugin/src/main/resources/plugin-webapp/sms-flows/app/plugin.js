// SMS Flows in Cockpit: plain JavaScript on Cockpit's frontend plugin API (7.14+), no build step.
// Data: our REST API (/api/sms/messages, /api/sms/overview), read with the operator's Cockpit login (GET only).
// Every value is put into the page as text (textContent), never as HTML: message texts come from outside.

// the webapps live at <context>/<application path>/app/cockpit/...; our API at <context>/api (the default
// application path "/camunda" is one segment: more segments need this adapted)
const appRoot = () => window.location.pathname.split('/app/cockpit')[0].replace(/\/[^/]*$/, '');

async function getJson(path) {
  const response = await fetch(appRoot() + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch (e) { /* not JSON */ }
    throw new Error(response.status + ': ' + detail);
  }
  return response.json();
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined) return;
    if (k === 'style') node.style.cssText = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? '' : String(c))));
  return node;
}

const time = iso => iso ? new Date(iso).toLocaleString() : '';
const STATUS_COLORS = {DELIVERED: '#2e7d32', FAILED: '#c62828', SUBMITTED: '#1565c0', QUEUED: '#6d6d6d', SENDING: '#6d6d6d',
  CANCELLED: '#6d6d6d', EXPIRED: '#c62828'};
const badge = status => el('span', {'data-sms-status': status,
  style: `color:#fff;background:${STATUS_COLORS[status] || '#555'};padding:1px 6px;border-radius:3px;font-size:11px`}, status);

function timeline(m) {
  const list = el('ul', {'data-sms-timeline': m.id, style: 'margin:4px 0 4px 16px;padding:0'});
  list.append(el('li', {}, `${time(m.createdAt)}: queued (${m.category}, ${m.parts} part(s), ${m.encoding || '?'})`));
  if (m.submittedAt) list.append(el('li', {}, `${time(m.submittedAt)}: on the wire to ${m.carrier || 'default'}` +
    (m.route ? ` by route ${m.route}` : '')));
  (m.partTimeline || []).forEach(p => {
    if (p.doneAt || p.status !== 'SUBMITTED') {
      // the receipt's time is the network's, to the minute: shown as such, not as our clock's
      list.append(el('li', {'data-sms-part': p.partNo},
        `part ${p.partNo}/${m.parts}: ${p.status}` + (p.errorCode ? ` (${p.errorCode})` : '') +
        (p.doneAt ? `, receipt dated ${time(p.doneAt)} by the network` : '') +
        (p.smscMessageId ? ` [SMSC id ${p.smscMessageId}]` : '')));
    }
  });
  if (m.doneAt) list.append(el('li', {}, `${time(m.doneAt)}: ${m.status}`));
  (m.replies || []).forEach(r => list.append(el('li', {'data-sms-reply': r.inboundId},
    `${time(r.receivedAt)}: reply "${r.text || ''}"` + (r.intent ? ` read as ${r.intent} by the ${r.decision} decision` : ''))));
  return list;
}

function messagesTable(messages, instances, options) {
  if (!messages.length) return el('p', {'data-sms-empty': 'true'}, 'No SMS.');
  const head = ['Time', 'Journey', 'To', 'Text', 'Encoding', 'Parts', 'Cost', 'Carrier / route', 'Status', 'Error'];
  const body = el('tbody');
  messages.forEach(m => {
    const instance = instances[m.processInstanceId] || {};
    const journey = instance.processDefinitionName || instance.processDefinitionKey || '';
    const journeyCell = instance.running && options.linkInstances
      ? el('a', {href: `#/process-instance/${m.processInstanceId}/runtime`}, journey)
      : el('span', {}, journey + (m.processInstanceId && !instance.running ? ' (finished)' : ''));
    const details = el('tr', {style: 'display:none'}, el('td', {colspan: head.length}, timeline(m)));
    const row = el('tr', {'data-sms-message': m.id, style: 'cursor:pointer', title: 'Click for the timeline',
        onclick: () => { details.style.display = details.style.display === 'none' ? '' : 'none'; }},
      el('td', {}, time(m.createdAt)),
      el('td', {}, journeyCell, m.businessKey ? el('div', {style: 'font-size:11px;color:#666'}, m.businessKey) : ''),
      el('td', {'data-sms-recipient': ''}, m.recipient),
      el('td', {'data-sms-text': '', style: 'max-width:360px;white-space:pre-wrap'},
        m.text === null ? el('em', {}, 'text erased (retention)') : m.text),
      el('td', {}, m.encoding || ''),
      el('td', {'data-sms-parts': ''}, m.parts),
      el('td', {'data-sms-cost': ''}, m.cost === null || m.cost === undefined ? '' : `${m.cost} ${m.currency}`),
      el('td', {}, (m.carrier || '') + (m.route ? ' / ' + m.route : '')),
      el('td', {}, badge(m.status)),
      el('td', {'data-sms-error': ''}, m.errorCode ? `${m.errorCode}: ${m.errorMeaning}` : ''));
    body.append(row, details);
  });
  return el('table', {class: 'cam-table', 'data-sms-table': 'true', style: 'width:100%'},
    el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))), body);
}

function failure(node, error) {
  node.replaceChildren(el('p', {'data-sms-error-message': 'true', style: 'color:#c62828'},
    'SMS Flows: ' + error.message));
}

async function renderInstanceTab(node, processInstanceId) {
  node.replaceChildren(el('p', {}, 'Loading SMS...'));
  try {
    const data = await getJson(`/api/sms/messages?processInstanceId=${encodeURIComponent(processInstanceId)}`);
    node.replaceChildren(
      el('p', {style: 'color:#666'}, `Every SMS of this instance and the instances it called` +
        (data.numbersMasked ? ' (numbers masked for your role)' : '') + '. Click a row for its timeline.'),
      messagesTable(data.messages, data.instances, {linkInstances: false}));
  } catch (e) {
    failure(node, e);
  }
}

async function renderOverview(node) {
  node.replaceChildren(el('p', {}, 'Loading SMS overview...'));
  try {
    const o = await getJson('/api/sms/overview');
    const counts = Object.entries(o.lastHour || {});
    const batches = o.batches || [];
    node.replaceChildren(
      el('h3', {}, 'SMS ', el('a', {href: '#/sms', style: 'font-size:13px'}, 'search every SMS')),
      el('div', {'data-sms-counts': 'true'}, 'Last hour: ',
        counts.length ? counts.map(([s, n]) => el('span', {style: 'margin-right:12px'}, badge(s), ' ', n)) : 'no SMS'),
      el('div', {'data-sms-throughput': 'true'}, 'Throughput on this node: ' +
        (o.partsPerSecondThisNode === null || o.partsPerSecondThisNode === undefined
          ? 'measured from the next refresh on' : `${o.partsPerSecondThisNode.toFixed(1)} parts/s since the last refresh`)),
      el('div', {'data-sms-queue': 'true'}, 'Queue: ' + Object.entries(o.queue || {})
        .map(([k, v]) => `${k.replace('awaitingReceipt:', 'waiting for receipts on ')} ${v}`).join(', ')),
      el('div', {'data-sms-binds': 'true'}, 'Binds: ', (o.binds || []).length ? o.binds.map(b =>
        el('span', {style: `margin-right:10px;color:${b.bound ? '#2e7d32' : '#c62828'}`},
          `${b.carrier}#${b.bind} ${b.bound ? 'bound' : 'DOWN'}`)) : 'none'),
      el('h4', {}, `Running batches (${batches.length})`),
      batches.length ? el('table', {class: 'cam-table', 'data-sms-batches': 'true'},
        el('thead', {}, el('tr', {}, ['Batch', 'State', 'Progress', 'Delivered', 'Failed', 'Deferred', 'Cost']
          .map(h => el('th', {}, h)))),
        el('tbody', {}, batches.map(b => {
          const done = (b.delivered || 0) + (b.failed || 0);
          return el('tr', {'data-sms-batch': b.id},
            el('td', {}, b.id), el('td', {}, b.state),
            el('td', {}, el('progress', {value: done, max: Math.max(1, b.accepted || 0)}), ` ${done}/${b.accepted}`),
            el('td', {}, b.delivered), el('td', {}, b.failed), el('td', {}, b.deferred),
            el('td', {}, b.cost === undefined ? '' : `${b.cost} ${b.currency || ''}`));
        }))) : el('p', {}, 'None.'));
  } catch (e) {
    failure(node, e);
  }
}

function renderSearch(node) {
  const input = (name, placeholder) => el('input', {name, placeholder, class: 'form-control',
    style: 'display:inline-block;width:auto;margin-right:6px'});
  const fields = {businessKey: input('businessKey', 'business key'), process: input('process', 'process key'),
    phone: input('phone', 'number (+33...)'), state: input('state', 'state (DELIVERED...)')};
  const results = el('div', {'data-sms-results': 'true'});
  let latest = 0; // a slow earlier answer must not replace a later one
  const params = new URLSearchParams((window.location.hash.split('?')[1]) || '');
  Object.entries(fields).forEach(([k, f]) => { f.value = params.get(k) || ''; });
  const search = async event => {
    if (event) event.preventDefault();
    const mine = ++latest;
    const query = Object.entries(fields).filter(([, f]) => f.value.trim())
      .map(([k, f]) => `${k}=${encodeURIComponent(f.value.trim())}`).join('&');
    results.replaceChildren(el('p', {}, 'Searching...'));
    try {
      const data = await getJson('/api/sms/messages?limit=200' + (query ? '&' + query : ''));
      if (mine !== latest) return;
      results.replaceChildren(el('p', {style: 'color:#666'}, `${data.messages.length} SMS, newest first` +
          (data.numbersMasked ? ' (numbers masked for your role)' : '') +
          '. Finished journeys are here too; running ones link to their instance.'),
        messagesTable(data.messages, data.instances, {linkInstances: true}));
    } catch (e) {
      if (mine === latest) failure(results, e);
    }
  };
  node.replaceChildren(el('div', {style: 'padding:16px'},
    el('h2', {}, 'SMS'),
    el('form', {onsubmit: search, 'data-sms-search': 'true'}, Object.values(fields),
      el('button', {type: 'submit', class: 'btn btn-default'}, 'Search')),
    results));
  search();
}

export default [
  {
    id: 'smsFlowsProcessInstanceTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: {label: 'SMS'},
    render: (node, {processInstanceId}) => { renderInstanceTab(node, processInstanceId); }
  },
  {
    id: 'smsFlowsDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: node => { renderOverview(node); }
  },
  {
    id: 'smsFlowsNavigation',
    pluginPoint: 'cockpit.navigation',
    priority: 20,
    properties: {pagePath: '#/sms', label: 'SMS', checkActive: path => path.indexOf('#/sms') > -1},
    render: node => { node.append(el('a', {href: '#/sms'}, 'SMS')); }
  },
  {
    id: 'smsFlowsRoute',
    pluginPoint: 'cockpit.route',
    properties: {path: '/sms', label: 'SMS'},
    render: node => { renderSearch(node); }
  }
];

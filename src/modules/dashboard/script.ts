import {
  ARTICLE_INDICATORS,
  INDUSTRIES_EN,
  ORGANIZATION_TYPES,
  PROVINCES_EN,
  REGISTRATION_STATUSES,
  TEXTS,
} from './labels';
import {
  DONATIONS_QUERY,
  ORGANIZATIONS_QUERY,
  TRAINING_QUERY,
  donationsVariables,
  organizationsVariables,
  trainingMonths,
  trainingVariables,
  type DataScope,
} from './queries';

/**
 * The page's script, served as its own file so script-src stays 'self'. Browser JavaScript in a
 * string, as the explorer's is, so coverage instrumentation cannot rewrite it. Money stays exact:
 * sums are BigInt fen, and the exact decimal strings go to tables and tooltips; only the short
 * figures (亿/万, millions) are rounded.
 *
 * Every figure shown is also an element `[data-figure=name][data-value=exact]`, which the tests
 * compare with the API's answer; `body[data-state]` is `loading`, `ready` or `error`.
 */
export function dashboardScript(): string {
  const scopes: DataScope[] = ['reported', 'everything'];
  const config = {
    texts: TEXTS,
    types: ORGANIZATION_TYPES,
    statuses: REGISTRATION_STATUSES,
    industriesEn: INDUSTRIES_EN,
    provincesEn: PROVINCES_EN,
    articleIndicators: ARTICLE_INDICATORS,
    months: trainingMonths(),
    queries: {
      donations: DONATIONS_QUERY,
      training: TRAINING_QUERY,
      organizations: ORGANIZATIONS_QUERY,
    },
    variables: Object.fromEntries(
      scopes.map((scope) => [
        scope,
        {
          donations: donationsVariables(scope),
          training: trainingVariables(scope),
          organizations: organizationsVariables(scope),
        },
      ]),
    ),
  };
  return `'use strict';
(function () {
  var CONFIG = ${JSON.stringify(config)};
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
  var COLORS = {
    cash: '#2563eb', inKind: '#f59e0b', unsplit: '#94a3b8', monthly: '#93c5fd', cumulative: '#0f766e',
    target: '#e11d48', bar: '#3b82f6', ink: '#1f2937', muted: '#6b7280', grid: '#e5e7eb',
    palette: ['#2563eb', '#0f766e', '#f59e0b', '#7c3aed', '#e11d48', '#0891b2', '#64748b'],
  };
  /** diagonal hatching for whatever includes synthetic data */
  var HATCH = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' };

  var params = new URLSearchParams(location.search);
  var state = {
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    scope: params.get('data') === 'everything' ? 'everything' : 'reported',
    data: null,
    charts: {},
    generation: 0,
  };
  function t(key) { return CONFIG.texts[state.lang][key]; }

  // ---- exact money: BigInt fen ----
  function fen(decimal) {
    var negative = decimal.charAt(0) === '-';
    var parts = (negative ? decimal.slice(1) : decimal).split('.');
    var cents = BigInt(parts[0] + ((parts[1] || '') + '00').slice(0, 2));
    return negative ? -cents : cents;
  }
  function yuan(cents) {
    var negative = cents < 0n;
    var digits = (negative ? -cents : cents).toString().padStart(3, '0');
    return (negative ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2);
  }
  function sumFen(items, pick) { return items.reduce(function (s, item) { return s + fen(pick(item)); }, 0n); }

  // ---- formatting ----
  /** thousands separators on an exact decimal string, digits untouched */
  function exact(decimal) {
    var parts = String(decimal).split('.');
    var whole = parts[0].replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
    return parts.length > 1 ? whole + '.' + parts[1] : whole;
  }
  /** a short figure: 亿/万 in Chinese, millions in English; rounded, for charts and cards */
  function short(value) {
    var n = Number(value);
    var abs = Math.abs(n);
    if (state.lang === 'zh') {
      if (abs >= 1e8) return trim(n / 1e8, 2) + '亿';
      if (abs >= 1e4) return trim(n / 1e4, abs >= 1e6 ? 0 : 1) + '万';
      return trim(n, 0);
    }
    if (abs >= 1e6) return trim(n / 1e6, abs >= 1e9 ? 0 : abs >= 1e7 ? 1 : 2) + ' million';
    return trim(n, 0);
  }
  function trim(n, digits) {
    return n.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
  }
  /** an axis tick: as short() but 'M' for millions in English, so ticks do not collide */
  function tick(value) {
    return state.lang === 'en' && Math.abs(value) >= 1e6 ? trim(value / 1e6, 1) + 'M' : short(value);
  }
  function money(value) { return state.lang === 'zh' ? short(value) + '元' : '¥' + short(value); }
  function percent(ratio) { return (Number(ratio) * 100).toFixed(2) + '%'; }
  function industryName(group) {
    if (group.key === null) return t('industryUnknown');
    return state.lang === 'zh' ? group.label : CONFIG.industriesEn[group.key] || group.key;
  }
  function sourceLine(source) {
    if (!source) return '';
    return source.publisher + ' · ' + source.publishedOn + ' · ' + source.title;
  }

  // ---- DOM ----
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  /** a figure the tests can read: shown short, exact in its title and data-value */
  function figure(name, value, shown) {
    return el('span', { 'data-figure': name, 'data-value': String(value), title: exact(value), text: shown });
  }
  function card(label, name, value, shown, note) {
    return el('div', { class: 'card' }, [
      el('div', { class: 'card-label', text: label }),
      el('div', { class: 'card-value' }, [figure(name, value, shown)]),
      el('div', { class: 'card-exact', text: exact(value) }),
      note ? el('div', { class: 'card-note', text: note }) : null,
    ]);
  }
  /** a table; text cells of column \`merged\` equal to the one above are drawn once, spanning the rows */
  function table(headers, rows, merged) {
    var spans = rows.map(function () { return 1; });
    var lead = 0;
    rows.forEach(function (cells, i) {
      if (merged === undefined || i === 0) return;
      if (cells[merged] === rows[lead][merged]) { spans[lead] += 1; spans[i] = 0; } else lead = i;
    });
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows.map(function (cells, i) {
        return el('tr', {}, cells.map(function (cell, column) {
          if (column === merged && spans[i] === 0) return null;
          if (typeof cell !== 'string') return el('td', { class: 'num' }, [cell]);
          var td = el('td', { text: cell, class: column === merged ? 'source' : '' });
          if (column === merged && spans[i] > 1) td.setAttribute('rowspan', String(spans[i]));
          return td;
        }));
      })),
    ]);
  }
  function details(contents) {
    return el('details', {}, [el('summary', { text: t('dataTable') })].concat(contents));
  }
  function fill(id, nodes) {
    var target = document.getElementById(id);
    target.replaceChildren.apply(target, nodes);
  }

  // ---- charts ----
  function chart(id, option) {
    var node = document.getElementById(id);
    var instance = state.charts[id];
    if (!instance) instance = state.charts[id] = echarts.init(node, null, { renderer: 'svg', locale: 'EN' });
    instance.setOption(Object.assign({
      animation: false,
      textStyle: { fontFamily: FONT, color: COLORS.ink },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontFamily: FONT } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    }, option), true);
  }
  function tooltipRows(title, rows) {
    return '<b>' + escapeHtml(title) + '</b><br>' + rows.map(function (r) {
      return escapeHtml(r[0]) + ': <b>' + escapeHtml(r[1]) + '</b>';
    }).join('<br>');
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }
  var synthetic = function () { return state.scope === 'everything'; };
  function addCounts(items) {
    return items.reduce(function (sum, item) {
      var c = item.provenanceCounts;
      return { reported: sum.reported + c.reported, submitted: sum.submitted + c.submitted, synthetic: sum.synthetic + c.synthetic };
    }, { reported: 0, submitted: 0, synthetic: 0 });
  }
  /** how many records of each provenance kind a figure covers: never silent about synthetic ones */
  function countsLine(c) {
    return t('reported') + ' ' + exact(c.reported) + ' · ' + t('submitted') + ' ' + exact(c.submitted) + ' · ' + t('synthetic') + ' ' + exact(c.synthetic);
  }

  // ---- loading ----
  function post(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: query, variables: variables, operationName: /query (\\w+)/.exec(query)[1] }),
    }).then(function (response) { return response.json(); }).then(function (body) {
      if (body.errors && body.errors.length) throw new Error(body.errors.map(function (e) { return e.message; }).join('; '));
      return body.data;
    });
  }
  function load() {
    var generation = ++state.generation;
    var vars = CONFIG.variables[state.scope];
    document.body.dataset.state = 'loading';
    return Promise.all([
      post(CONFIG.queries.donations, vars.donations),
      post(CONFIG.queries.training, vars.training),
      post(CONFIG.queries.organizations, vars.organizations),
    ]).then(function (results) {
      if (generation !== state.generation) return;
      state.data = { donations: results[0], training: results[1], organizations: results[2] };
      render();
      document.body.dataset.scope = state.scope;
      document.body.dataset.state = 'ready';
    }).catch(function (error) {
      if (generation !== state.generation) return;
      document.body.dataset.state = 'error';
      fill('status', [el('p', { class: 'error', text: t('failed') + ': ' + error.message })]);
    });
  }

  // ---- views ----
  function renderDonations(data) {
    var groups = data.byIndustry;
    var total = sumFen(groups, function (g) { return g.total.value; });
    var cash = sumFen(groups, function (g) { return g.cash.value; });
    var inKind = sumFen(groups, function (g) { return g.inKind.value; });
    var unsplit = sumFen(groups, function (g) { return g.unsplitTotal.value; });
    var count = groups.reduce(function (s, g) { return s + g.donationCount; }, 0);
    var counts = addCounts(groups);
    fill('donation-cards', [
      card(t('total'), 'donations.total', yuan(total), money(yuan(total))),
      card(t('cash'), 'donations.cash', yuan(cash), money(yuan(cash))),
      card(t('inKind'), 'donations.inKind', yuan(inKind), money(yuan(inKind))),
      card(t('unsplit'), 'donations.unsplit', yuan(unsplit), money(yuan(unsplit)), t('unsplitNote')),
      card(t('records'), 'donations.count', String(count), short(count), countsLine(counts)),
    ]);

    var byIndustry = groups.slice().sort(function (a, b) { return Number(fen(a.total.value) - fen(b.total.value)); });
    var unsplitOf = function (g) { return g.unsplitTotal.value; };
    var series = [
      ['cash', function (g) { return g.cash.value; }],
      ['inKind', function (g) { return g.inKind.value; }],
      ['unsplit', unsplitOf],
    ].map(function (s) {
      return {
        name: t(s[0]), type: 'bar', stack: 'total', barMaxWidth: 18,
        itemStyle: { color: COLORS[s[0]] },
        data: byIndustry.map(function (g) {
          return { value: Number(s[1](g)), itemStyle: { decal: g.provenanceCounts.synthetic > 0 ? HATCH : null } };
        }),
      };
    });
    chart('chart-industry', {
      legend: { top: 0, textStyle: { fontFamily: FONT } },
      xAxis: { type: 'value', axisLabel: { formatter: tick }, splitLine: { lineStyle: { color: COLORS.grid } } },
      yAxis: { type: 'category', data: byIndustry.map(industryName), axisLabel: { width: 150, overflow: 'truncate' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (items) {
        var g = byIndustry[items[0].dataIndex];
        return tooltipRows(industryName(g), [
          [t('total'), exact(g.total.value) + ' ' + t('yuan')], [t('cash'), exact(g.cash.value)],
          [t('inKind'), exact(g.inKind.value)], [t('unsplit'), exact(unsplitOf(g))], [t('records'), String(g.donationCount)],
          [t('provenanceCounts'), countsLine(g.provenanceCounts)],
        ]);
      } },
      series: series,
    });

    var donors = data.topDonors.slice().reverse();
    var isSynthetic = function (g) { return g.provenanceCounts.synthetic > 0; };
    var donorName = function (g) { return (isSynthetic(g) ? '[' + t('synthetic') + '] ' : '') + (g.label || g.key); };
    chart('chart-donors', {
      xAxis: { type: 'value', axisLabel: { formatter: tick }, splitLine: { lineStyle: { color: COLORS.grid } } },
      yAxis: { type: 'category', data: donors.map(donorName), axisLabel: { width: 190, overflow: 'truncate' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (items) {
        var g = donors[items[0].dataIndex];
        return tooltipRows(donorName(g), [[t('total'), exact(g.total.value) + ' ' + t('yuan')], [t('cash'), exact(g.cash.value)], [t('inKind'), exact(g.inKind.value)]]);
      } },
      series: [{
        type: 'bar', name: t('total'), barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: function (p) { return short(p.value); }, color: COLORS.muted },
        data: donors.map(function (g) {
          return { value: Number(g.total.value), itemStyle: { color: isSynthetic(g) ? COLORS.unsplit : COLORS.cash, decal: isSynthetic(g) ? HATCH : null } };
        }),
      }],
    });

    var named = data.named;
    var namedShare = fen(named.cash.value) + fen(named.inKind.value) === 0n ? null
      : Number(fen(named.inKind.value) * 10000n / (fen(named.cash.value) + fen(named.inKind.value))) / 10000;
    var namedFor = {
      epidemic_enterprise_donation_total: named.total.value,
      epidemic_enterprise_donation_cash: named.cash.value,
      epidemic_enterprise_donation_in_kind: named.inKind.value,
      epidemic_enterprise_donation_in_kind_share: namedShare === null ? null : namedShare.toFixed(4),
      epidemic_enterprise_donors_10m_plus: String(named.donorCount),
    };
    var metrics = data.articles.nodes.slice().sort(function (a, b) {
      var order = Object.keys(CONFIG.articleIndicators);
      return order.indexOf(a.indicator.code) - order.indexOf(b.indicator.code);
    });
    var shownAs = function (unit, value) {
      if (value === null || value === undefined) return '—';
      return unit === 'yuan' ? money(value) : unit === 'ratio' ? percent(value) : exact(value);
    };
    var rows = metrics.map(function (m) {
      var code = m.indicator.code;
      var meta = CONFIG.articleIndicators[code];
      var mine = namedFor[code];
      var qualifier = m.valueQualifier === 'APPROXIMATE' ? (state.lang === 'zh' ? '约' : '≈') : m.valueQualifier === 'AT_LEAST' ? '≥' : '';
      return [
        meta[state.lang],
        el('span', {}, [document.createTextNode(qualifier), figure('donations.article.' + code, m.value, shownAs(meta.unit, m.value))]),
        mine === undefined ? '—' : figure('donations.named.' + code, mine, shownAs(meta.unit, mine)),
        sourceLine(m.provenance.source),
      ];
    });
    fill('donation-articles', [
      table([t('indicator'), t('reportedFigure'), t('namedRecords'), t('source')], rows, 3),
      el('p', { class: 'note', text: t('namedNote') + ' ' + t('unsplit') + ' (' + t('namedRecords') + '): ' + exact(named.unsplitTotal.value) + ' ' + t('yuan') + '.' }),
    ]);
    fill('donation-table', [details([
      table([t('byIndustry'), t('total'), t('cash'), t('inKind'), t('unsplit'), t('records')], groups.map(function (g) {
        var key = g.key === null ? 'none' : g.key;
        return [industryName(g), figure('donations.industry.' + key + '.total', g.total.value, exact(g.total.value)),
          el('span', { text: exact(g.cash.value) }), el('span', { text: exact(g.inKind.value) }),
          el('span', { text: exact(unsplitOf(g)) }), el('span', { text: String(g.donationCount) })];
      })),
      table([t('topDonors'), t('total'), t('cash'), t('inKind')], data.topDonors.map(function (g, i) {
        return [donorName(g), figure('donations.donor.' + (i + 1) + '.total', g.total.value, exact(g.total.value)),
          el('span', { text: exact(g.cash.value) }), el('span', { text: exact(g.inKind.value) })];
      })),
    ])]);
  }

  function renderTraining(data) {
    var p = data.progress;
    var timeline = data.timeline;
    var months = CONFIG.months;
    var byKey = {};
    timeline.periods.forEach(function (period) { byKey[period.key] = period; });
    var monthly = months.map(function (m) { return byKey[m] ? byKey[m].personTimes : 0; });
    var running = 0;
    // the API's running total where a month has sessions, carried over the months without
    var cumulative = months.map(function (m) { return (running = byKey[m] ? byKey[m].cumulativePersonTimes : running); });
    var counts = addCounts(timeline.periods);
    var hatched = counts.synthetic > 0;
    var source = timeline.targetMetric ? timeline.targetMetric.provenance.source : null;
    fill('training-cards', [
      card(t('personTimes'), 'training.personTimes', String(p.personTimes), short(p.personTimes), countsLine(counts)),
      card(t('target'), 'training.target', String(p.target), short(p.target), p.targetDate ? t('due') + ' ' + p.targetDate : null),
      card(t('progress'), 'training.progress', p.progress === null ? '' : p.progress, p.progress === null ? '—' : percent(p.progress)),
    ]);
    fill('training-source', [
      el('p', { class: 'note' }, [
        document.createTextNode(t('target') + ' · ' + t('source') + ': ' + sourceLine(source)),
        p.sessionCount === 0 ? el('span', { class: 'warn', text: ' ' + t('noReportedTraining') }) : null,
      ]),
    ]);
    var labels = months.map(function (m) { return state.lang === 'zh' ? m.slice(0, 4) + '年' + Number(m.slice(5)) + '月' : m; });
    chart('chart-training', {
      legend: { top: 0, textStyle: { fontFamily: FONT } },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 2 } },
      yAxis: [
        { type: 'value', name: t('cumulative'), nameTextStyle: { align: 'left' }, max: Math.max(p.target || 0, running), axisLabel: { formatter: tick }, splitLine: { lineStyle: { color: COLORS.grid } } },
        { type: 'value', name: t('monthly'), nameTextStyle: { align: 'right' }, minInterval: 1, max: Math.max.apply(null, monthly) === 0 ? 1 : null, axisLabel: { formatter: tick }, splitLine: { show: false } },
      ],
      tooltip: { trigger: 'axis', formatter: function (items) {
        var i = items[0].dataIndex;
        return tooltipRows(labels[i], [[t('monthly'), exact(monthly[i])], [t('cumulative'), exact(cumulative[i])], [t('target'), exact(p.target || 0)]]);
      } },
      series: [
        { type: 'bar', name: t('monthly'), yAxisIndex: 1, data: monthly, barMaxWidth: 12,
          itemStyle: { color: COLORS.monthly, decal: hatched ? HATCH : null } },
        { type: 'line', name: t('cumulative'), yAxisIndex: 0, data: cumulative, symbol: 'none', lineStyle: { width: 3, color: COLORS.cumulative },
          itemStyle: { color: COLORS.cumulative }, areaStyle: { color: 'rgba(15,118,110,0.08)' },
          markLine: p.target ? {
            symbol: 'none', silent: true, lineStyle: { color: COLORS.target, type: 'dashed', width: 2 },
            label: { formatter: t('target') + ' ' + short(p.target) + (p.targetDate ? ' · ' + p.targetDate : ''), position: 'insideEndTop', color: COLORS.target, fontFamily: FONT },
            data: [{ yAxis: p.target }],
          } : undefined },
      ],
    });
    fill('training-table', [details([
      table([t('month'), t('monthly'), t('cumulative')], months.map(function (m, i) {
        return [m, figure('training.month.' + m, String(monthly[i]), exact(monthly[i])),
          figure('training.cumulative.' + m, String(cumulative[i]), exact(cumulative[i]))];
      })),
    ])]);
  }

  function renderOrganizations(data) {
    var names = { type: CONFIG.types, status: CONFIG.statuses };
    var items = function (groups, kind) {
      return groups.map(function (g) {
        var name = g.key === null ? t('notStated')
          : state.lang === 'zh' ? g.label || g.key
          : kind === 'province' ? CONFIG.provincesEn[g.key] || g.label : (names[kind][g.key] || {}).en || g.key;
        return { key: g.key === null ? 'none' : g.key, name: name, count: g.organizationCount, counts: g.provenanceCounts };
      });
    };
    var types = items(data.byType, 'type');
    var statuses = items(data.byStatus, 'status');
    var provinces = items(data.byProvince, 'province');
    var all = types.reduce(function (s, i) { return s + i.count; }, 0);
    var counts = addCounts(data.byType);
    fill('organization-cards', [
      card(t('organizations'), 'organizations.total', String(all), short(all), countsLine(counts)),
    ]);
    var bars = function (list, color) {
      var shown = list.slice().reverse();
      return {
        xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: COLORS.grid } } },
        yAxis: { type: 'category', data: shown.map(function (i) { return i.name; }) },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (points) {
          var i = shown[points[0].dataIndex];
          return tooltipRows(i.name, [[t('count'), exact(i.count)], [t('provenanceCounts'), countsLine(i.counts)]]);
        } },
        series: [{ type: 'bar', name: t('count'), barMaxWidth: 16, itemStyle: { color: color },
          label: { show: true, position: 'right', color: COLORS.muted },
          data: shown.map(function (i) { return { value: i.count, itemStyle: { decal: i.counts.synthetic > 0 ? HATCH : null } }; }) }],
      };
    };
    chart('chart-types', bars(types, COLORS.palette[0]));
    chart('chart-statuses', bars(statuses, COLORS.palette[1]));
    document.getElementById('chart-provinces').style.height = Math.max(160, 22 * provinces.length + 40) + 'px';
    chart('chart-provinces', bars(provinces, COLORS.palette[3]));
    state.charts['chart-provinces'].resize();
    var rows = function (list, kind) {
      return list.map(function (i) { return [i.name, figure('organizations.' + kind + '.' + i.key, String(i.count), exact(i.count)), countsLine(i.counts)]; });
    };
    fill('organization-table', [details([
      table([t('byType'), t('count'), t('provenanceCounts')], rows(types, 'type')),
      table([t('byStatus'), t('count'), t('provenanceCounts')], rows(statuses, 'status')),
      table([t('byProvince'), t('count'), t('provenanceCounts')], rows(provinces, 'province')),
    ])]);
  }

  function renderTexts() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(function (node) { node.textContent = t(node.getAttribute('data-text')); });
    document.getElementById('language').textContent = t('language');
    document.getElementById('language').setAttribute('title', t('languageSwitch'));
    document.querySelectorAll('[data-scope-button]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-scope-button') === state.scope));
    });
    var banner = document.getElementById('banner');
    banner.className = 'banner ' + (synthetic() ? 'synthetic' : 'reported');
    banner.textContent = synthetic() ? t('syntheticBanner') : t('reportedBanner');
    document.body.dataset.lang = state.lang;
  }

  function render() {
    renderTexts();
    fill('status', []);
    if (!state.data) return;
    renderDonations(state.data.donations);
    renderTraining(state.data.training);
    renderOrganizations(state.data.organizations);
  }

  function remember() {
    var query = new URLSearchParams();
    if (state.lang === 'en') query.set('lang', 'en');
    if (state.scope === 'everything') query.set('data', 'everything');
    var search = query.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
  }

  document.getElementById('language').addEventListener('click', function () {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    remember();
    render();
  });
  document.querySelectorAll('[data-scope-button]').forEach(function (button) {
    button.addEventListener('click', function () {
      var scope = button.getAttribute('data-scope-button');
      if (scope === state.scope) return;
      state.scope = scope;
      remember();
      renderTexts();
      load();
    });
  });
  window.addEventListener('resize', function () {
    Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); });
  });

  renderTexts();
  fill('status', [el('p', { class: 'loading', text: t('loading') })]);
  load();
})();
`;
}

// The wall display (/cockpit/wall). Charts (Apache ECharts, dark theme) read their data from hidden elements
// [data-spec] that the polled update (/cockpit/wall/data, htmx out-of-band swaps) replaces; each chart is then
// updated in place, so nothing flashes. A poll answered by anything but the wall's data (after a session timeout
// the sign-in page, or an error) is not swapped in: a notice says so and the last figures stay.
(function () {
  'use strict';
  var charts = {};
  var palette = ['#4fc3f7', '#4cd07d', '#ffca2c', '#ff8a65', '#ba68c8'];

  function option(spec) {
    var horizontal = spec.kind === 'hbar';
    var category = {
      type: 'category', data: spec.labels,
      axisLabel: { fontSize: 16, color: '#c9d6ea', interval: 0, width: 130, overflow: 'truncate' },
      axisLine: { lineStyle: { color: '#3a5078' } }
    };
    var value = { type: 'value', minInterval: 1, axisLabel: { fontSize: 14, color: '#9fb3cf' },
      splitLine: { lineStyle: { color: '#1f3558' } } };
    if (horizontal) { category.inverse = true; }
    return {
      backgroundColor: 'transparent',
      color: palette,
      animationDurationUpdate: 800,
      grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{
        type: spec.kind === 'line' ? 'line' : 'bar', data: spec.values, barMaxWidth: 36,
        label: { show: true, position: horizontal ? 'right' : 'top', fontSize: 15, color: '#e6edf7' },
        itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] }
      }]
    };
  }

  function render() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-source]').forEach(function (el) {
      var src = document.getElementById(el.getAttribute('data-source'));
      var text = src && src.getAttribute('data-spec');
      if (!text) { return; }
      var spec;
      try { spec = JSON.parse(text); } catch (e) { return; }
      var chart = charts[el.id];
      if (!chart) {
        chart = window.echarts.init(el, 'dark');
        charts[el.id] = chart;
      }
      chart.setOption(option(spec));
    });
  }

  function notice(kind) {
    var n = document.getElementById('wall-notice');
    if (!n) { return; }
    if (!kind) {
      n.hidden = true;
      n.textContent = '';
      return;
    }
    n.textContent = n.getAttribute(kind === 'expired' ? 'data-expired' : 'data-offline');
    if (kind === 'expired') {
      var a = document.createElement('a');
      a.href = '/login';
      a.textContent = ' →';
      n.appendChild(a);
    }
    n.hidden = false;
  }

  function fromPoll(e) {
    return e.detail && e.detail.elt && e.detail.elt.id === 'wall-poll';
  }

  document.addEventListener('htmx:beforeSwap', function (e) {
    if (!fromPoll(e)) { return; }
    var xhr = e.detail.xhr;
    if (xhr.status === 200 && xhr.getResponseHeader('X-Kepu-Wall') === '1') {
      notice(null);
      return;
    }
    e.detail.shouldSwap = false;
    e.detail.isError = false;
    notice(xhr.status === 200 || xhr.status === 401 || xhr.status === 403 ? 'expired' : 'offline');
  });
  document.addEventListener('htmx:sendError', function (e) { if (fromPoll(e)) { notice('offline'); } });
  document.addEventListener('htmx:timeout', function (e) { if (fromPoll(e)) { notice('offline'); } });
  var pending = false;
  function later() {
    if (pending) { return; }
    pending = true;
    setTimeout(function () { pending = false; render(); }, 0);
  }
  document.addEventListener('htmx:oobAfterSwap', later);
  document.addEventListener('htmx:afterSettle', later);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', render); } else { render(); }
})();

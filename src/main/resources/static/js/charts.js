// Charts of the dashboard and the indicator pages (Apache ECharts). Each [data-chart] element carries its data as
// JSON: {kind: bar|hbar|pie|line|spark (a small line without a value axis), labels: [...], values: [...]
// (null = no value), links: [...]}; clicking a bar, slice or point opens the records behind it.
// No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  var charts = [];

  function option(spec) {
    var data = spec.values;
    if (spec.kind === 'pie') {
      var items = [];
      spec.labels.forEach(function (l, i) { if (data[i] > 0) { items.push({ name: l, value: data[i], link: spec.links[i] }); } });
      return {
        tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
        series: [{ type: 'pie', radius: ['30%', '62%'], data: items, label: { overflow: 'truncate', width: 90 } }]
      };
    }
    if (spec.kind === 'spark') {
      return {
        tooltip: { trigger: 'axis' },
        grid: { left: 4, right: 4, top: 8, bottom: 4, containLabel: true },
        xAxis: { type: 'category', data: spec.labels, axisTick: { show: false }, axisLabel: { interval: 2, fontSize: 11 } },
        yAxis: { type: 'value', show: false },
        series: [{ type: 'line', data: data, symbolSize: 5, areaStyle: { opacity: 0.15 }, cursor: 'pointer' }]
      };
    }
    var horizontal = spec.kind === 'hbar';
    var category = { type: 'category', data: spec.labels, axisLabel: { interval: 0, width: 96, overflow: 'truncate' } };
    var counts = spec.values.every(function (v) { return v === null || Number.isInteger(v); });
    var value = counts ? { type: 'value', minInterval: 1 } : { type: 'value' };
    if (horizontal) { category.inverse = true; }
    else if (spec.kind === 'bar') { category.axisLabel.rotate = 30; }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ type: spec.kind === 'line' ? 'line' : 'bar', data: data, smooth: false, cursor: 'pointer' }]
    };
  }

  function init() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var spec;
      try { spec = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
      if (spec.kind === 'hbar') { el.style.height = Math.max(240, spec.labels.length * 28 + 40) + 'px'; }
      var chart = window.echarts.init(el);
      chart.setOption(option(spec));
      chart.on('click', function (p) {
        var link = p.data && p.data.link ? p.data.link : spec.links[p.dataIndex];
        if (link) { window.location.href = link; }
      });
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
